import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { renderModules } from '../../scripts/terraform-modules/generate';

// The committed modules are exactly what `npx projen modules` generates from src/platform/: CI
// fails when a construct changes and the modules were not regenerated (or were edited by hand).

const MODULES_DIR = join(__dirname, '..', '..', 'terraform-modules');
const generated = renderModules();

describe('terraform-modules/', () => {
  test.each(Object.keys(generated))('%s matches the generator byte for byte (run `npx projen modules`)', (path) => {
    expect(readFileSync(join(MODULES_DIR, path), 'utf-8')).toBe(generated[path]);
  });

  test('holds no generated-looking file the generator no longer writes', () => {
    const committed = ['README.md', ...['network', 'cluster', 'service'].flatMap((module) => readdirSync(join(MODULES_DIR, module))
      .filter((file) => file.endsWith('.tf.json') || file === 'README.md')
      .map((file) => `${module}/${file}`))];
    expect(committed.sort()).toEqual(Object.keys(generated).sort());
  });
});
