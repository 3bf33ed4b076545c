import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Output } from '../output';
import { runChecked } from '../processes';

/** What {@link fleetUpgrade} leaves in its output directory for the pull request. */
export const UPGRADE_FILES = { diffStat: 'diff-stat.txt', patch: 'changes.patch' } as const;

/** Options of {@link fleetUpgrade}. */
export interface FleetUpgradeOptions {
  /** Packages to upgrade: names (upgraded to `latest`) or npm specs (`name@1.2.3`, `name@file:…`). */
  readonly packages: string[];
  /** Where the diff summary and the patch go. */
  readonly outdir: string;
  readonly output: Output;
  /** Repository root. @default - the current directory */
  readonly cwd?: string;
}

/** An npm spec: the name alone means its latest release. */
function specOf(pkg: string): string {
  return pkg.lastIndexOf('@') > 0 ? pkg : `${pkg}@latest`;
}

/**
 * Upgrades the template: installs the newest project type (and projen), regenerates the repository
 * with `npx projen`, and writes what changed (`git diff --stat` and a patch) to `outdir`. The
 * working tree keeps the changes, so the plans that follow run the upgraded stacks.
 *
 * @returns 0; the patch is empty when nothing changed
 */
export async function fleetUpgrade(options: FleetUpgradeOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  mkdirSync(options.outdir, { recursive: true });
  const specs = options.packages.map(specOf);
  options.output.line(`▶ npm install ${specs.join(' ')}`);
  // No install scripts: the job holds an OIDC token, and no package needs a script to generate.
  await runChecked('npm', ['install', '--save-dev', '--ignore-scripts', '--no-audit', '--no-fund', ...specs], { cwd, capture: true });
  options.output.line('▶ npx projen');
  await runChecked('npx', ['projen'], { cwd, capture: true });
  await runChecked('git', ['add', '--all'], { cwd });
  const stat = (await runChecked('git', ['diff', '--cached', '--stat'], { cwd, capture: true })).stdout;
  const patch = (await runChecked('git', ['diff', '--cached', '--binary'], { cwd, capture: true })).stdout;
  writeFileSync(join(options.outdir, UPGRADE_FILES.diffStat), stat);
  writeFileSync(join(options.outdir, UPGRADE_FILES.patch), patch);
  options.output.line(stat.trim() === '' ? 'The repository is up to date: nothing changed.' : stat.trimEnd());
  return 0;
}
