import { readdirSync, readFileSync } from 'fs';
import { builtinModules } from 'module';
import { join, posix, relative } from 'path';
import { AWS_SDK_VERSIONS } from '../../src/components/operations-tasks';

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
const importsOf = (text: string) => [...text.matchAll(/(?:\bfrom\s+|\bimport\s+|\brequire\()'([^']+)'/g)].map((match) => match[1]);

describe('platform sources', () => {
  test('deep imports only: no platform file imports the provider barrel', () => {
    const barrelImports = sources.filter((source) => importsOf(source.text).some((spec) => spec === '@cdktf/provider-aws' || spec === '@cdktf/provider-aws/lib'));
    expect(barrelImports.map((source) => source.name)).toEqual([]);
  });

  test('import only cdktf, constructs, provider resources, node built-ins and each other (relatively); the operations commands also the pinned AWS SDK clients', () => {
    const allowed = (source: string, spec: string) =>
      spec.startsWith('./') || spec.startsWith('../') || spec === 'cdktf' || spec === 'constructs'
      || /^@cdktf\/provider-aws\/lib\/[a-z0-9-]+$/.test(spec) || builtinModules.includes(spec.replace(/^node:/, ''))
      || (source.startsWith('ops/') && spec in AWS_SDK_VERSIONS);
    const offending = sources.flatMap((source) => importsOf(source.text).filter((spec) => !allowed(source.name, spec)).map((spec) => `${source.name}: ${spec}`));
    expect(offending).toEqual([]);
  });

  test('the operations commands and the contract never load cdktf or the provider bindings, not even through other files', () => {
    const byName = new Map(sources.map((source) => [source.name, source]));
    const resolveRelative = (from: string, spec: string) => {
      const base = posix.normalize(posix.join(posix.dirname(from), spec));
      return [`${base}.ts`, `${base}/index.ts`].find((candidate) => byName.has(candidate));
    };
    const loadsCdktf = (name: string, seen = new Set<string>()): string[] => {
      if (seen.has(name)) return [];
      seen.add(name);
      const valueImports = [...byName.get(name)!.text.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gms)].map((match) => match[1]);
      return valueImports.flatMap((spec) => {
        if (spec === 'cdktf' || spec === 'constructs' || spec.startsWith('@cdktf/')) return [`${name} -> ${spec}`];
        const target = spec.startsWith('.') ? resolveRelative(name, spec) : undefined;
        return target ? loadsCdktf(target, seen) : [];
      });
    };
    const roots = sources.map((source) => source.name).filter((name) => name.startsWith('ops/') || name.startsWith('contract/'));
    expect(roots.length).toBeGreaterThan(10);
    expect(roots.flatMap((name) => loadsCdktf(name))).toEqual([]);
  });

  test('the contract imports only itself and node built-ins: the jsii code (resolver, components) compiles it', () => {
    const staysInContract = (from: string, spec: string) => spec.startsWith('.') && posix.normalize(posix.join(posix.dirname(from), spec)).startsWith('contract/');
    const contract = sources.filter((source) => source.name.startsWith('contract/'));
    expect(contract.map((source) => source.name)).toEqual(expect.arrayContaining(['contract/config.ts', 'contract/naming.ts', 'contract/stack-interface.ts']));
    const leaving = contract.flatMap((source) => importsOf(source.text)
      .filter((spec) => !(staysInContract(source.name, spec) || builtinModules.includes(spec.replace(/^node:/, ''))))
      .map((spec) => `${source.name}: ${spec}`));
    expect(leaving).toEqual([]);
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
      .filter((source) => source.name !== 'contract/config.ts' && source.name !== 'index.ts' && !source.name.endsWith('/index.ts'))
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
