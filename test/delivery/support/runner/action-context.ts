import type { WorkflowRun } from './workflow-run';

/** What an action handler sees and can do, like an action's toolkit on GitHub. */
export interface ActionContext {
  /** The action, without `@ref`, e.g. `actions/checkout`. */
  readonly action: string;
  /** The `@ref` the workflow pins, if any. */
  readonly ref?: string;
  /** The step's `with:` inputs, expressions evaluated. */
  readonly inputs: Record<string, string>;
  /** The step's environment (runner, workflow, job, step variables). */
  readonly env: Record<string, string>;
  /** `GITHUB_WORKSPACE`. */
  readonly workspace: string;
  /** The shared state of the run. */
  readonly run: WorkflowRun;
  /** The `github` context (sha, ref, event, repository…). */
  readonly github: Record<string, unknown>;
  /** Sets a step output. */
  setOutput(name: string, value: string): void;
  /** Sets a variable for the later steps (as `GITHUB_ENV`). */
  exportVariable(name: string, value: string): void;
  /** Prepends a directory to `PATH` for the later steps (as `GITHUB_PATH`). */
  addPath(dir: string): void;
  /** Appends Markdown to the job summary. */
  appendSummary(markdown: string): void;
  /** Writes a line to the step's log (its stdout). */
  log(line: string): void;
  /** Keeps a value in the step result's `record`, for assertions. */
  record(value: unknown): void;
}

/**
 * Runs one `uses:` action. Throwing fails the step with the error message on its stderr, as a
 * failing action does on GitHub.
 */
export type ActionHandler = (context: ActionContext) => void | Promise<void>;
