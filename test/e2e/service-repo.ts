import { spawnSync, SpawnSyncOptions } from 'child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { join, resolve, sep } from 'path';

/** Root of this package's checkout. */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');
const PACKAGE_NAME = 'projen-cdktf-ecs';
const PROJEN_CLI = join(PACKAGE_ROOT, 'node_modules', 'projen', 'bin', 'projen');

/** Runs a command to completion; throws with the end of its output when it fails. */
function run(command: string, args: string[], options: SpawnSyncOptions): string {
  const result = spawnSync(command, args, { encoding: 'utf-8', maxBuffer: 512 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${options.cwd} (exit ${result.status ?? result.signal}):\n${output.slice(-20_000)}`);
  }
  return output;
}

/** Prints how long a step of an end-to-end test took (CI keeps an eye on them). */
export function timed<T>(label: string, step: () => T): T {
  const start = Date.now();
  try {
    return step();
  } finally {
    process.stderr.write(`e2e: ${label}: ${Math.round((Date.now() - start) / 1000)} s\n`);
  }
}

/** {@link timed} for a step that returns a promise. */
export async function timedAsync<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await step();
  } finally {
    process.stderr.write(`e2e: ${label}: ${Math.round((Date.now() - start) / 1000)} s\n`);
  }
}

/** The newest modification time of the files under `dir` (recursively) matching `include`. */
function newestMtime(dir: string, include: (path: string) => boolean): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path, include) : include(path) ? statSync(path).mtimeMs : 0;
    return Math.max(newest, mtime);
  }, 0);
}

/**
 * Whether the jsii assembly is newer than every source jsii compiles (src/ but the platform, which
 * ships as source, README.md and package.json): `npx projen build` compiled it before the tests ran.
 */
function isCompiled(): boolean {
  const assembly = join(PACKAGE_ROOT, '.jsii');
  if (!existsSync(assembly)) {
    return false;
  }
  const sources = Math.max(
    newestMtime(join(PACKAGE_ROOT, 'src'), (path) => path.endsWith('.ts') && !path.includes(`${sep}platform${sep}`)),
    ...['README.md', 'package.json'].map((file) => statSync(join(PACKAGE_ROOT, file)).mtimeMs),
  );
  return statSync(assembly).mtimeMs > sources;
}

/**
 * Compiles this package with jsii (unless the assembly is newer than its sources) and packs it as
 * npm would publish it.
 * @returns the path of the tarball
 */
export function packPackage(destination: string): string {
  mkdirSync(destination, { recursive: true });
  if (!isCompiled()) {
    run('npx', ['jsii', '--silence-warnings=reserved-word'], { cwd: PACKAGE_ROOT });
  }
  const [packed] = JSON.parse(runJson('npm', ['pack', '--json', '--pack-destination', destination], PACKAGE_ROOT));
  return join(destination, packed.filename);
}

/**
 * npm settings of the installs the tests run: packages from the cache without asking the registry
 * whether they changed (it still downloads what the cache lacks), no audit, no funding notice.
 */
export const QUIET_NPM = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/**
 * Creates a service repository from the tarball with `projen new --from`, as a user would.
 * projen installs the new repository's dependencies with `npm ci` when `CI` is set, which a
 * repository without a lockfile cannot do, so creation runs with `CI` unset.
 */
export function createServiceRepo(tarball: string, directory: string, packageName: string = PACKAGE_NAME): void {
  mkdirSync(directory, { recursive: true });
  if (readdirSync(directory).length > 0) {
    throw new Error(`${directory} is not empty; remove it first`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...QUIET_NPM };
  delete env.CI;
  run(process.execPath, [PROJEN_CLI, 'new', '--from', `${packageName}@file:${tarball}`, '--no-git'], { cwd: directory, env });
}

/**
 * Builds the example organisation package (examples/acme-ecs-service) with jsii against this
 * package's checkout and packs it so that installing it installs `tarball` (this package) too.
 * @returns the path of the example's tarball
 */
export function packOrganisationExample(tarball: string, workdir: string): string {
  const example = join(workdir, 'acme-ecs-service');
  cpSync(join(PACKAGE_ROOT, 'examples', 'acme-ecs-service'), example, { recursive: true, filter: (source) => !/node_modules|[\\/]lib$/.test(source) });
  // Compile against this checkout (compiled by packPackage) and the tools of its node_modules.
  mkdirSync(join(example, 'node_modules', '@types'), { recursive: true });
  for (const name of ['projen', 'constructs', '@types/node']) {
    symlinkSync(join(PACKAGE_ROOT, 'node_modules', name), join(example, 'node_modules', name));
  }
  symlinkSync(PACKAGE_ROOT, join(example, 'node_modules', PACKAGE_NAME));
  run(join(PACKAGE_ROOT, 'node_modules', '.bin', 'jsii'), ['--silence-warnings=reserved-word'], { cwd: example });
  // Published, the example takes projen-cdktf-ecs as a peer from the registry; here the tarball stands in.
  const manifestPath = join(example, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf-8'));
  manifest.dependencies = { [PACKAGE_NAME]: `file:${tarball}` };
  delete manifest.peerDependencies[PACKAGE_NAME];
  writeFileSync(manifestPath, JSON.stringify(manifest, undefined, 2));
  const [packed] = JSON.parse(runJson('npm', ['pack', '--json', '--pack-destination', workdir], example));
  return join(workdir, packed.filename);
}

/** Runs `npx projen <task>` in the service repository. */
export function runProjen(directory: string, task?: string): string {
  return run('npx', ['projen', ...(task ? [task] : [])], { cwd: directory });
}

function runJson(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf-8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
  }
  return result.stdout;
}
