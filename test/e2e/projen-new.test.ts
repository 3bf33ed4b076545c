import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createServiceRepo, packPackage, runProjen } from './service-repo';

// End to end: pack this package, `projen new --from` it like a user, then build the new
// repository (compile, synth, its own tests: terraform validate + offline plan of every stack).
const workdir = mkdtempSync(join(tmpdir(), 'projen-cdktf-ecs-e2e-'));
const repo = join(workdir, 'orders');
let tarball: string;

beforeAll(() => {
  tarball = packPackage(join(workdir, 'pack'));
  createServiceRepo(tarball, repo);
  runProjen(repo, 'build');
}, 1_800_000);

afterAll(() => rmSync(workdir, { recursive: true, force: true }));

test('the package holds the compiled project type and the platform sources only', () => {
  const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf-8' }).trim().split('\n');
  // yaml is bundled: `projen-cdktf-ecs import-copilot` reads Copilot manifests with it.
  const allowed = /^package\/(lib\/.*|src\/platform\/.*\.ts|node_modules\/yaml\/.*|\.jsii|API\.md|README\.md|LICENSE|package\.json)$/;
  expect(entries.filter((entry) => !allowed.test(entry))).toEqual([]);
  expect(entries).toContain('package/src/platform/platform.ts');
  expect(statSync(tarball).size).toBeLessThan(5 * 1024 * 1024);
});

test('.projenrc.ts instantiates the project type from this package', () => {
  const projenrc = readFileSync(join(repo, '.projenrc.ts'), 'utf-8');
  expect(projenrc).toContain("from 'projen-cdktf-ecs'");
  expect(projenrc).toContain('new EcsServiceProject({');
});

test('the package is a dev dependency installed from the tarball', () => {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf-8'));
  expect(pkg.devDependencies['projen-cdktf-ecs']).toMatch(/^file:.*\.tgz$/);
});

test('the build synthesizes network, cluster and service stacks in dependency order', () => {
  const manifest = JSON.parse(readFileSync(join(repo, 'cdktf.out', 'manifest.json'), 'utf-8'));
  expect(Object.keys(manifest.stacks).sort()).toEqual(['dev-cluster', 'dev-network', 'dev-service']);
  expect(manifest.stacks['dev-service'].dependencies.sort()).toEqual(['dev-cluster', 'dev-network']);
});

test("the generated repository's tests validated and planned every stack, none skipped", () => {
  const report = readFileSync(join(repo, 'test-reports', 'junit.xml'), 'utf-8');
  const [, tests, failures, errors] = /<testsuites [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)"/.exec(report) ?? [];
  expect(Number(tests)).toBeGreaterThanOrEqual(6);
  expect([Number(failures), Number(errors)]).toEqual([0, 0]);
  expect(report).not.toContain('<skipped');
  for (const stack of ['dev-network', 'dev-cluster', 'dev-service']) {
    expect(report).toContain(`${stack} passes terraform validate`);
  }
});

test('the sample app and its Dockerfile are in place', () => {
  expect(existsSync(join(repo, 'app', 'server.js'))).toBe(true);
  expect(existsSync(join(repo, 'app', 'Dockerfile'))).toBe(true);
});

test('the package\'s command imports a Copilot application in the generated repository', () => {
  const out = join(workdir, 'imported');
  const result = spawnSync('npx', [
    'projen-cdktf-ecs', 'import-copilot', join(__dirname, '..', 'copilot', 'fixtures', 'hello', 'copilot'),
    '--out', `${out}.projenrc.ts`, '--migration', `${out}.MIGRATION.md`,
  ], { cwd: repo, encoding: 'utf-8' });
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('Imported the Copilot application "hello"');
  expect(readFileSync(`${out}.projenrc.ts`, 'utf-8')).toContain("{ kind: AdoptedResourceKind.LOG_GROUP, id: '/copilot/hello-dev-web' }");
});

test('a second `npx projen` changes nothing', () => {
  const before = readFileSync(join(repo, 'src', 'config.generated.ts'), 'utf-8');
  runProjen(repo);
  expect(readFileSync(join(repo, 'src', 'config.generated.ts'), 'utf-8')).toBe(before);
});

test('a typo in .projenrc.ts fails `npx projen` with one line naming it, no stack trace', () => {
  const projenrc = join(repo, '.projenrc.ts');
  const original = readFileSync(projenrc, 'utf-8');
  try {
    writeFileSync(projenrc, original.replace('new EcsServiceProject({', 'new EcsServiceProject({\n  services: [{ desiredCont: 3 }],'));
    const result = spawnSync('npx', ['projen'], { cwd: repo, encoding: 'utf-8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('services[0].desiredCont: 3 is not an option; did you mean desiredCount?');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  } finally {
    writeFileSync(projenrc, original);
  }
});
