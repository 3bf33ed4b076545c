import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { loadavg, tmpdir } from 'os';
import { basename, join, relative, resolve } from 'path';
import { EnvironmentPreset } from '../../src/options';
import { resolvePlatformConfig } from '../../src/resolve/resolve';
import { PACKAGE_ROOT } from '../e2e/service-repo';

// Measures generated service repositories (created by `npx projen example`): the repository's own
// test (synth + terraform validate + offline plan of every stack) for the default configuration and
// for 3 environments x 5 services, synthesis through cdktf.json's app command, `npx projen synth`,
// `npx projen`, and synthesis by the compiled app, each with the peak RSS of its largest process.
//
// Given several directories it measures them side by side, interleaving their runs so that the
// load of a shared machine weighs on each alike, e.g. before and after a change:
//   git worktree add /tmp/before <commit> && (cd /tmp/before && npx projen example) ...
//   or simply: cp -a example .bench/example-before   (before changing anything)
//   tsx test/bench/bench.ts .bench/example-before example
//
//   usage: tsx test/bench/bench.ts [directory...] [--runs N] [--test-runs N] [--no-tests]
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : Number(args.splice(index, 2)[1]);
};
const runs = option('--runs', 5);
const testRuns = option('--test-runs', 1);
const withTests = !args.includes('--no-tests');
const repos = args.filter((arg) => !arg.startsWith('--')).map((dir) => resolve(PACKAGE_ROOT, dir));
if (repos.length === 0) {
  repos.push(resolve(PACKAGE_ROOT, 'example'));
}
for (const repo of repos) {
  if (!existsSync(join(repo, 'node_modules'))) {
    console.error(`${repo} has no installed service repository: run \`npx projen example\` first`);
    process.exit(1);
  }
}

const probeDir = mkdtempSync(join(tmpdir(), 'bench-probe-'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// A larger app: 3 environments x 5 services.
const largeConfig = resolvePlatformConfig({
  name: 'shop',
  environments: [{ name: 'dev' }, { name: 'staging' }, { name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
  services: ['web', 'api', 'orders', 'payments', 'search'].map((name, i) => ({ name, containerPort: 8080 + i })),
  loadBalancer: { allowPlainHttp: 'test fixture without TLS' },
});
const largeConfigFile = join(probeDir, 'large-config.json');
writeFileSync(largeConfigFile, JSON.stringify(largeConfig));

/** The compiled platform of the repository synthesizing the large configuration. */
function largeApp(repo: string): string {
  const file = join(probeDir, `large-app-${repos.indexOf(repo)}.cjs`);
  writeFileSync(file, [
    `const { App } = require(${JSON.stringify(join(repo, 'node_modules/cdktf'))});`,
    `const { createPlatform } = require(${JSON.stringify(join(repo, 'lib/platform'))});`,
    'const app = new App();',
    `createPlatform(app, require(${JSON.stringify(largeConfigFile)}));`,
    'app.synth();',
    '',
  ].join('\n'));
  return file;
}

/** The repository's own stack test, run on the large configuration instead of its generated one. */
const LARGE_TEST = 'test/bench-3x5.test.ts';
function writeLargeTest(repo: string): void {
  const test = readFileSync(join(repo, 'test', 'stacks.test.ts'), 'utf-8');
  const configImport = /import \{ config \} from '(\.\.\/[^']+\/config\.generated)';/;
  if (!configImport.test(test)) {
    throw new Error(`${repo}/test/stacks.test.ts does not import the generated config as expected`);
  }
  writeFileSync(join(repo, LARGE_TEST), test.replace(configImport, (_, from: string) =>
    `// eslint-disable-next-line @typescript-eslint/no-require-imports\nconst config: typeof import('${from}').config = require(${JSON.stringify(largeConfigFile)});`));
}

interface Sample { readonly seconds: number; readonly peakMiB?: number }

function measure(repo: string, command: string[], env: NodeJS.ProcessEnv = {}): Sample {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-out-'));
  const [program, ...rest] = TIME ? [TIME, '-f', 'PEAK_RSS_KB=%M', ...command] : command;
  const started = process.hrtime.bigint();
  const result = spawnSync(program, rest, {
    cwd: repo, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(outdir, { recursive: true, force: true });
  if (result.status !== 0) {
    throw new Error(`${command.join(' ')} failed in ${repo}:\n${result.stdout.slice(-5000)}${result.stderr.slice(-5000)}`);
  }
  const peaks = [...result.stderr.matchAll(/PEAK_RSS_KB=(\d+)/g)];
  return { seconds, peakMiB: peaks.length > 0 ? Number(peaks[peaks.length - 1][1]) / 1024 : undefined };
}

function summary(samples: Sample[]): string {
  const seconds = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  const peaks = samples.map((s) => s.peakMiB).filter((p): p is number => p !== undefined);
  const range = seconds.length > 1 ? ` (${seconds[0].toFixed(2)}–${seconds[seconds.length - 1].toFixed(2)})` : '';
  return `${median.toFixed(2)} s${range}${peaks.length > 0 ? ` ${Math.max(...peaks).toFixed(0)} MiB` : ''}`;
}

const labels = repos.map((repo) => relative(PACKAGE_ROOT, repo) || basename(repo));

/** Runs the command in every repository, `count` times each, interleaved, and prints one line. */
function report(label: string, count: number, budget: string, command: (repo: string) => string[], warm = true): void {
  if (warm) {
    repos.forEach((repo) => measure(repo, command(repo)));
  }
  const samples = repos.map((): Sample[] => []);
  for (let run = 0; run < count; run++) {
    repos.forEach((repo, i) => samples[i].push(measure(repo, command(repo))));
  }
  const columns = samples.map((s, i) => `${labels[i]}: ${summary(s)}`.padEnd(44)).join(' ');
  console.log(`${label.padEnd(40)} ${columns} budget ${budget}`);
}

const cdktfApp = (repo: string) => JSON.parse(readFileSync(join(repo, 'cdktf.json'), 'utf-8')).app as string;
// As `npx projen test` runs it (coverage included), without the lint step.
const jest = ['npx', 'jest', '--ci'];

try {
  console.log(`${runs} runs each (median (min–max), peak RSS of the largest process), node ${process.version}, load ${loadavg()[0].toFixed(1)}`);
  repos.forEach((repo, i) => console.log(`  ${labels[i]}: ${repo}, cdktf.json app: ${cdktfApp(repo)}`));
  repos.forEach((repo) => spawnSync('npx', ['projen', 'compile'], { cwd: repo, stdio: 'ignore' }));
  report('synth of the app (node lib/main.js)', runs, '≤ 1.0 s, ≤ 200 MB', () => [process.execPath, 'lib/main.js']);
  report('synth of 3 environments x 5 services', runs, '-', (repo) => [process.execPath, largeApp(repo)]);
  report('synth through cdktf.json\'s app', runs, '≤ 1.0 s', (repo) => ['sh', '-c', cdktfApp(repo)]);
  report('npx projen synth (unchanged tree)', runs, '≤ 2.5 s', () => ['npx', 'projen', 'synth']);
  report('npx projen (regenerate the repository)', runs, '≤ 3 s', () => ['npx', 'projen']);
  if (withTests) {
    report('own test: validate + plan, default', testRuns, '≤ 15 s', () => [...jest, 'test/stacks.test.ts'], false);
    repos.forEach(writeLargeTest);
    report('own test: validate + plan, 3 x 5', testRuns, '≤ 45 s', () => [...jest, LARGE_TEST], false);
  }
} finally {
  repos.forEach((repo) => rmSync(join(repo, LARGE_TEST), { force: true }));
  rmSync(probeDir, { recursive: true, force: true });
}
