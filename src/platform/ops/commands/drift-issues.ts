import { writeFileSync } from 'fs';
import { join } from 'path';
import type { PlatformConfig } from '../../contract/config';
import { GitHubCli } from '../github-cli';
import type { Output } from '../output';
import { PlanReport, plannedEnvironments, readPlanReport } from '../plan-report';

/** Label of the drift issues. */
export const DRIFT_LABEL = 'drift';
/** Starts the body of a drift issue. */
export const DRIFT_MARKER = '<!-- projen-cdktf-ecs:drift -->';

/** The title of an environment's drift issue (how it is found again). */
export const driftIssueTitle = (environment: string) => `Drift in ${environment}`;

/** Options of {@link driftIssues}. */
export interface DriftIssuesOptions {
  /** Where the plans wrote their JSON reports (`plan-<env>.json`). */
  readonly dir: string;
  readonly output: Output;
  readonly github?: GitHubCli;
  /** Link to the workflow run, in the issues. @default - none */
  readonly runUrl?: string;
}

/**
 * Keeps one issue per environment in step with its latest plan: opens or updates it while the
 * plan would change resources, closes it once nothing would. An environment whose plan failed or
 * is missing keeps its issue as it is.
 *
 * @returns 0, or 1 when a plan failed or is missing
 */
export async function driftIssues(config: PlatformConfig, options: DriftIssuesOptions): Promise<number> {
  const github = options.github ?? new GitHubCli();
  await github.ensureLabel(DRIFT_LABEL, 'D93F0B', 'The deployed resources differ from the stacks');
  let failures = 0;
  for (const name of plannedEnvironments(config)) {
    const environment = { name };
    const report = readPlanReport(options.dir, name);
    const title = driftIssueTitle(name);
    if (report === undefined || report.failed) {
      options.output.error(`${environment.name}: no complete plan${report ? ` (${report.stacks.filter((stack) => stack.error).map((stack) => stack.stack).join(', ')} failed)` : ''}; its drift issue is left as it is`);
      failures += 1;
      continue;
    }
    const existing = await github.openIssue(DRIFT_LABEL, title);
    if (!report.changes) {
      if (existing !== undefined) {
        await github.closeIssue(existing.number, `No drift in ${environment.name} any more${options.runUrl ? ` (${options.runUrl})` : ''}.`);
        options.output.line(`${environment.name}: no drift; closed #${existing.number}`);
      } else {
        options.output.line(`${environment.name}: no drift`);
      }
      continue;
    }
    const bodyFile = join(options.dir, `drift-${environment.name}.md`);
    writeFileSync(bodyFile, driftBody(report, options.runUrl));
    if (existing !== undefined) {
      await github.editIssue(existing.number, bodyFile);
      options.output.line(`${environment.name}: drift; updated #${existing.number}`);
    } else {
      const number = await github.createIssue(title, bodyFile, DRIFT_LABEL);
      options.output.line(`${environment.name}: drift; opened #${number}`);
    }
  }
  return failures > 0 ? 1 : 0;
}

/** The issue body: every resource the plan would touch, by stack, those changed outside Terraform marked. */
export function driftBody(report: PlanReport, runUrl?: string): string {
  const rows = report.stacks.flatMap((stack) => stack.resources.map((resource) =>
    `| ${stack.stack} | \`${resource.address}\` | ${resource.actions.join(', ')} | ${resource.drifted ? 'yes' : ''} |`));
  return [
    DRIFT_MARKER,
    `The deployed resources of **${report.environment}** differ from the stacks: a plan with the read-only role would change them${runUrl ? ` ([run](${runUrl}))` : ''}.`,
    'Apply the stacks (`npx projen deploy:' + report.environment + '`) to put them back, or change `.projenrc.ts` to keep what changed. This issue closes itself once a plan finds nothing to do.',
    ['| Stack | Resource | Actions | Changed outside Terraform |', '|---|---|---|---|', ...rows].join('\n'),
  ].join('\n\n') + '\n';
}
