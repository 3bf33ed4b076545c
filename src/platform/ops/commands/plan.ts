import { appendFileSync, mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { IMAGE_TAG_VARIABLE } from '../../contract/stack-interface';
import type { OperationsContext } from '../environment';
import { explainError } from '../errors';
import { formatMarkdownTable, formatTable } from '../output';
import { planReport } from '../plan-report';
import type { PlanSummary } from '../terraform';

/** Options of {@link plan}. */
export interface PlanOptions {
  /** Image tag the service stack is planned with. */
  readonly imageTag: string;
  /** Exit 2 when a stack would change (Terraform's `-detailed-exitcode`). @default false */
  readonly detailedExitCode?: boolean;
  /** Also write the table as Markdown to this file (the pull request comment). @default - no file */
  readonly markdownFile?: string;
  /** Also write a machine-readable summary ({@link PlanReport}) to this file. @default - no file */
  readonly jsonFile?: string;
}

/** A stack's row: its counts, or the reason its plan failed. */
type PlanRow = PlanSummary | { readonly stack: string; readonly error: string };

/**
 * Plans every stack of the environment in deployment order, without taking the state lock, and
 * prints a table of what would be added, changed and destroyed; with `GITHUB_STEP_SUMMARY` set
 * (GitHub Actions) the table also goes to the job summary.
 *
 * @returns 1 when a plan failed; with `detailedExitCode` 2 when something would change; else 0
 */
export async function plan(context: OperationsContext, options: PlanOptions): Promise<number> {
  const rows: PlanRow[] = [];
  for (const stack of context.stacks()) {
    await context.steps.run(`Plan ${stack}`, async () => {
      try {
        rows.push(await context.terraform.plan(stack, { [IMAGE_TAG_VARIABLE]: options.imageTag }));
      } catch (error) {
        rows.push({ stack, error: explainError(error) });
      }
    });
  }
  const header = ['stack', 'add', 'change', 'destroy'];
  const cells = rows.map((row) => ('error' in row ? [row.stack, 'plan failed', '', ''] : [row.stack, String(row.add), String(row.change), String(row.destroy)]));
  context.output.line('');
  formatTable(header, cells).forEach((line) => context.output.line(line));
  const failed = rows.filter((row): row is Extract<PlanRow, { error: string }> => 'error' in row);
  failed.forEach((row) => context.output.error(`${row.stack}: ${row.error}`));

  const markdown = [`### Terraform plan of ${context.environment.name}`, '', ...formatMarkdownTable(header, cells), '',
    ...failed.map((row) => `- **${row.stack}**: ${row.error.split('\n')[0]}`), ''].join('\n');
  if (options.markdownFile !== undefined) {
    writeCreatingDirectory(options.markdownFile, markdown);
  }
  if (options.jsonFile !== undefined) {
    const stacks = rows.map((row) => ('error' in row
      ? { stack: row.stack, add: 0, change: 0, destroy: 0, replace: 0, resources: [], error: row.error.split('\n')[0] }
      : { replace: 0, resources: [], ...row }));
    writeCreatingDirectory(options.jsonFile, `${JSON.stringify(planReport(context.environment.name, stacks), undefined, 2)}\n`);
  }
  if (context.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(context.env.GITHUB_STEP_SUMMARY, markdown);
  }
  if (failed.length > 0) {
    return 1;
  }
  const changes = rows.some((row) => 'add' in row && row.add + row.change + row.destroy > 0);
  return options.detailedExitCode && changes ? 2 : 0;
}

/** Writes a file, creating its directory first (the workflows name files in directories of their own). */
function writeCreatingDirectory(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
