import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { EnvironmentPreset } from '../../src/options';
import { resolvePlatformConfig } from '../../src/resolve/resolve';
import { PACKAGE_ROOT } from '../e2e/service-repo';

// Prints synth time and peak memory of the default generated app, and the time of `npx projen`,
// measured in the example service repository (created by `npx projen example`).
//   usage: tsx test/bench/bench.ts [directory] [runs]
const repo = resolve(PACKAGE_ROOT, process.argv[2] ?? 'example');
const runs = Number(process.argv[3] ?? 5);
if (!existsSync(join(repo, 'node_modules'))) {
  console.error(`${repo} has no installed service repository: run \`npx projen example\` first`);
  process.exit(1);
}

// Loaded into the measured node process: reports its peak resident set size on exit.
const probeDir = mkdtempSync(join(tmpdir(), 'bench-probe-'));
const probe = join(probeDir, 'peak-rss.cjs');
writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\\n`));\n");

// A larger app: 3 environments x 5 services, built by the example's compiled platform.
const largeConfig = resolvePlatformConfig({
  name: 'shop',
  environments: [{ name: 'dev' }, { name: 'staging' }, { name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
  services: ['web', 'api', 'orders', 'payments', 'search'].map((name, i) => ({ name, containerPort: 8080 + i })),
});
const largeConfigFile = join(probeDir, 'large-config.json');
writeFileSync(largeConfigFile, JSON.stringify(largeConfig));
const largeApp = join(probeDir, 'large-app.cjs');
writeFileSync(largeApp, [
  `const { App } = require(${JSON.stringify(join(repo, 'node_modules/cdktf'))});`,
  `const { createPlatform } = require(${JSON.stringify(join(repo, 'lib/platform'))});`,
  'const app = new App();',
  `createPlatform(app, require(${JSON.stringify(largeConfigFile)}));`,
  'app.synth();',
  '',
].join('\n'));

interface Sample { readonly seconds: number; readonly peakMiB?: number }

function measure(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Sample {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-out-'));
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: repo, encoding: 'utf-8', env: { ...process.env, CDKTF_OUTDIR: outdir, ...env } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(outdir, { recursive: true, force: true });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
  const peak = /PEAK_RSS_KB=(\d+)/.exec(result.stderr);
  return { seconds, peakMiB: peak ? Number(peak[1]) / 1024 : undefined };
}

function report(label: string, command: string, args: string[], budget: string): void {
  measure(command, args); // warm the file system cache
  const samples = Array.from({ length: runs }, () => measure(command, args));
  const seconds = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  const peaks = samples.map((s) => s.peakMiB).filter((p): p is number => p !== undefined);
  const peak = peaks.length > 0 ? `${Math.max(...peaks).toFixed(0)} MiB peak RSS` : '';
  console.log(`${label.padEnd(44)} median ${median.toFixed(2)} s (min ${seconds[0].toFixed(2)}, max ${seconds[seconds.length - 1].toFixed(2)}) ${peak}  budget ${budget}`);
}

try {
  console.log(`${runs} runs each in ${repo} (node ${process.version})`);
  spawnSync('npx', ['projen', 'compile'], { cwd: repo, stdio: 'ignore' });
  report('synth of the app (node lib/main.js)', process.execPath, ['--require', probe, 'lib/main.js'], '≤ 1.0 s, ≤ 200 MB');
  report('synth of 3 environments x 5 services', process.execPath, ['--require', probe, largeApp], '-');
  report('npx projen synth:app (task runner + app)', 'npx', ['projen', 'synth:app'], '-');
  report('app through tsx (cdktf.json, node --import tsx)', process.execPath, ['--require', probe, '--import', 'tsx', 'src/main.ts'], '-');
  report('npx projen (regenerate the repository)', 'npx', ['projen'], '≤ 3 s');
} finally {
  rmSync(probeDir, { recursive: true, force: true });
}
