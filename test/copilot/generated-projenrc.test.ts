import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { fixtureDir } from './support';
import { runImportCopilot } from '../../src/copilot/import-command';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** A directory holding the `.projenrc.ts` imported from the "shop" fixture, with `projen-cdktf-ecs` mapped to this checkout. */
function importedRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'imported-copilot-'));
  runImportCopilot([
    fixtureDir('shop'), '--out', join(dir, '.projenrc.ts'), '--migration', join(dir, 'MIGRATION.md'),
    '--region', 'eu-west-1', '--account', 'test=111111111111', '--account', 'prod=222222222222',
  ], () => undefined);
  writeFileSync(join(dir, 'tsconfig.check.json'), JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'commonjs',
      moduleResolution: 'node',
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      types: ['node'],
      ignoreDeprecations: '6.0',
      baseUrl: '.',
      paths: { 'projen-cdktf-ecs': [join(ROOT, 'src', 'index.ts')] },
    },
    include: ['.projenrc.ts'],
  }));
  return dir;
}

describe('the .projenrc.ts written by import-copilot', () => {
  const dir = importedRepository();

  test('type-checks against the package', () => {
    const tsc = spawnSync(join(BIN, 'tsc'), ['-p', 'tsconfig.check.json'], { cwd: dir, encoding: 'utf-8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  test('runs as `npx projen` does and writes the resolved configuration with the adopted resources', () => {
    const projen = spawnSync(join(BIN, 'tsx'), ['--tsconfig', 'tsconfig.check.json', '.projenrc.ts'], {
      cwd: dir, encoding: 'utf-8', env: { ...process.env, PROJEN_DISABLE_POST: 'true' },
    });
    expect(projen.stderr).not.toMatch(/Invalid option/);
    expect(projen.status).toBe(0);
    const config = readFileSync(join(dir, 'src', 'config.generated.ts'), 'utf-8');
    expect(config).toContain('"shop/orders"');
    expect(readFileSync(join(dir, 'docs', 'SERVICE.md'), 'utf-8')).toContain('- **prod**: ECR repository `shop/api` (api), ECR repository `shop/orders` (orders)');
  });
});
