import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { PlatformConfig } from '../../contract/config';
import { GitHubCli } from '../github-cli';
import type { Output } from '../output';
import { plannedEnvironments, readPlanMarkdown, readPlanReport } from '../plan-report';
import { runChecked } from '../processes';
import { UPGRADE_FILES } from './fleet-upgrade';

/** Branch of the template upgrade pull request. */
export const UPGRADE_BRANCH = 'projen-cdktf-ecs/template-upgrade';
/** Label of an upgrade whose plans destroy or replace resources. */
export const DESTRUCTIVE_LABEL = 'destroys-resources';
/** Starts the body of the upgrade pull request. */
export const UPGRADE_MARKER = '<!-- projen-cdktf-ecs:template-upgrade -->';
const TITLE = 'chore: upgrade the service template';
const BOT = ['-c', 'user.name=github-actions[bot]', '-c', 'user.email=41898282+github-actions[bot]@users.noreply.github.com'];

/** Options of {@link upgradePullRequest}. */
export interface UpgradePullRequestOptions {
  /** Where `fleet-upgrade` and the plans wrote their files. */
  readonly dir: string;
  readonly output: Output;
  readonly github?: GitHubCli;
  /** Repository root. @default - the current directory */
  readonly cwd?: string;
}

/**
 * Opens or updates the one template upgrade pull request: commits the upgrade's patch on its
 * branch, and writes the diff summary and every environment's plan into the body; labels it
 * `destroys-resources` (and says so in the title) when a plan destroys or replaces something.
 *
 * @returns 0, or 1 when a plan is missing or failed (the pull request still shows it)
 */
export async function upgradePullRequest(config: PlatformConfig, options: UpgradePullRequestOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const patch = join(options.dir, UPGRADE_FILES.patch);
  if (!existsSync(patch) || readFileSync(patch, 'utf-8').trim() === '') {
    options.output.line('The template is up to date: no pull request.');
    return 0;
  }
  const reports = plannedEnvironments(config).map((environment) => ({ environment, report: readPlanReport(options.dir, environment) }));
  const destroys = reports.some(({ report }) => report?.destroys === true);
  const incomplete = reports.filter(({ report }) => report === undefined || report.failed).map(({ environment }) => environment);

  await runChecked('git', ['checkout', '-B', UPGRADE_BRANCH], { cwd, capture: true });
  await runChecked('git', ['apply', '--index', '--binary', patch], { cwd });
  await runChecked('git', [...BOT, 'commit', '--quiet', '--no-verify', '-m', TITLE], { cwd });
  await runChecked('git', ['push', '--force', 'origin', `HEAD:refs/heads/${UPGRADE_BRANCH}`], { cwd, capture: true });

  const bodyFile = join(options.dir, 'pull-request.md');
  writeFileSync(bodyFile, upgradeBody(config, options.dir, destroys, incomplete));
  const title = destroys ? `${TITLE} (destroys or replaces resources)` : TITLE;
  const github = options.github ?? new GitHubCli();
  await github.ensureLabel(DESTRUCTIVE_LABEL, 'B60205', 'A Terraform plan of this change destroys or replaces resources');
  const existing = await github.openPullRequest(UPGRADE_BRANCH);
  const number = existing?.number ?? await github.createPullRequest(UPGRADE_BRANCH, title, bodyFile);
  if (existing !== undefined) {
    await github.editPullRequest(existing.number, title, bodyFile);
  }
  await github.labelPullRequest(number, DESTRUCTIVE_LABEL, destroys);
  options.output.line(`${existing ? 'Updated' : 'Opened'} pull request #${number}${destroys ? ', labelled destroys-resources' : ''}.`);
  incomplete.forEach((environment) => options.output.error(`the plan of ${environment} failed or is missing; see the pull request`));
  return incomplete.length > 0 ? 1 : 0;
}

/** The body: what changed, a warning when something is destroyed, every environment's plan. */
export function upgradeBody(config: PlatformConfig, dir: string, destroys: boolean, incomplete: string[]): string {
  const stat = readFileSync(join(dir, UPGRADE_FILES.diffStat), 'utf-8').trimEnd();
  const body = [
    UPGRADE_MARKER,
    '## Template upgrade',
    'The project type and projen were upgraded and `npx projen` regenerated the repository. Review the plans before merging; deploy as usual after.',
    ...(destroys ? [`> [!WARNING]\n> A plan destroys or replaces resources (label \`${DESTRUCTIVE_LABEL}\`): read the tables below before merging.`] : []),
    ...(incomplete.length > 0 ? [`> [!CAUTION]\n> No complete plan for ${incomplete.join(', ')}: see the workflow run.`] : []),
    '### What changed',
    ['```text', stat, '```'].join('\n'),
    ...plannedEnvironments(config).map((environment) => readPlanMarkdown(dir, environment)),
  ].join('\n\n');
  return body.length > 65000 ? `${body.slice(0, 65000)}\n\n… cut; the workflow run's summary holds every plan.\n` : `${body}\n`;
}
