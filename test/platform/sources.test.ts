import { readdirSync, readFileSync } from 'fs';
import { builtinModules } from 'module';
import { join, relative } from 'path';

const PLATFORM_DIR = join(__dirname, '..', '..', 'src', 'platform');

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return listSources(path);
    }
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const sources = listSources(PLATFORM_DIR).map((path) => ({ name: relative(PLATFORM_DIR, path), text: readFileSync(path, 'utf-8') }));
const importsOf = (text: string) => [...text.matchAll(/(?:from|import|require\()\s*'([^']+)'/g)].map((match) => match[1]);

describe('platform sources', () => {
  test('deep imports only: no platform file imports the provider barrel', () => {
    const barrelImports = sources.filter((source) => importsOf(source.text).some((spec) => spec === '@cdktf/provider-aws' || spec === '@cdktf/provider-aws/lib'));
    expect(barrelImports.map((source) => source.name)).toEqual([]);
  });

  test('import only cdktf, constructs, provider resources, node built-ins and each other (relatively)', () => {
    const allowed = (spec: string) =>
      spec.startsWith('./') || spec.startsWith('../') || spec === 'cdktf' || spec === 'constructs'
      || /^@cdktf\/provider-aws\/lib\/[a-z0-9-]+$/.test(spec) || builtinModules.includes(spec.replace(/^node:/, ''));
    const offending = sources.flatMap((source) => importsOf(source.text).filter((spec) => !allowed(spec)).map((spec) => `${source.name}: ${spec}`));
    expect(offending).toEqual([]);
  });

  test('contain no tests, and the testing harness does not depend on jest', () => {
    expect(sources.filter((source) => /\.(test|spec)\.ts$/.test(source.name))).toEqual([]);
    const jestUsers = sources.filter((source) => /\b(describe|expect|jest|beforeAll)\s*[.(]/.test(source.text) || importsOf(source.text).some((spec) => spec.includes('jest')));
    expect(jestUsers.map((source) => source.name)).toEqual([]);
  });

  test('never cast to any', () => {
    expect(sources.filter((source) => /\bas any\b/.test(source.text)).map((source) => source.name)).toEqual([]);
  });

  test('every exported declaration has a doc comment', () => {
    const undocumented = sources
      .filter((source) => source.name !== 'config.ts' && source.name !== 'index.ts' && !source.name.endsWith('/index.ts'))
      .flatMap((source) => {
        const lines = source.text.split('\n');
        return lines.flatMap((line, i) => {
          if (!/^export (abstract class|class|function|interface|const|type|let) /.test(line)) {
            return [];
          }
          return lines[i - 1]?.trim().endsWith('*/') ? [] : [`${source.name}:${i + 1}: ${line}`];
        });
      });
    expect(undocumented).toEqual([]);
  });
});
