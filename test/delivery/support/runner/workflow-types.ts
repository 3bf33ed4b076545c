/** `defaults.run` of a workflow or job. */
export interface RunDefaults {
  readonly 'shell'?: string;
  readonly 'working-directory'?: string;
}

/** One step of a job, as written in the workflow YAML. */
export interface WorkflowStep {
  readonly 'id'?: string;
  readonly 'name'?: string;
  readonly 'run'?: string;
  readonly 'uses'?: string;
  readonly 'with'?: Record<string, unknown>;
  readonly 'env'?: Record<string, unknown>;
  readonly 'shell'?: string;
  readonly 'working-directory'?: string;
  readonly 'if'?: string | boolean;
  readonly 'continue-on-error'?: boolean | string;
  readonly 'timeout-minutes'?: number | string;
}

/** One job of a workflow, as written in the workflow YAML. */
export interface WorkflowJob {
  readonly 'name'?: string;
  readonly 'needs'?: string | string[];
  readonly 'if'?: string | boolean;
  readonly 'env'?: Record<string, unknown>;
  readonly 'defaults'?: { readonly run?: RunDefaults };
  readonly 'outputs'?: Record<string, string>;
  readonly 'timeout-minutes'?: number | string;
  readonly 'steps'?: WorkflowStep[];
  readonly 'uses'?: string;
}

/** Definition of one `workflow_dispatch` or `workflow_call` input. */
export interface WorkflowInputDefinition {
  readonly type?: string;
  readonly default?: unknown;
  readonly required?: boolean;
}

/** A workflow file, as written in YAML. */
export interface WorkflowFile {
  readonly name?: string;
  readonly on?: unknown;
  readonly env?: Record<string, unknown>;
  readonly defaults?: { readonly run?: RunDefaults };
  readonly jobs: Record<string, WorkflowJob>;
}

/** How a step ended: `outcome` before `continue-on-error`, `conclusion` after. */
export type StepOutcome = 'success' | 'failure' | 'skipped';

/** What one step did. */
export interface StepResult {
  /** Position in the job, from 0. */
  readonly index: number;
  /** The step's name as GitHub shows it (its `name`, else `Run <first line>` or `Run <action>`). */
  readonly name: string;
  readonly id?: string;
  /** The action, without `@ref`, for `uses:` steps. */
  readonly action?: string;
  /** The evaluated `with:` inputs of a `uses:` step. */
  readonly with?: Record<string, string>;
  readonly outcome: StepOutcome;
  readonly conclusion: StepOutcome;
  /** Exit code of a `run:` step; `null` when it did not run or was killed. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Outputs the step set (through `GITHUB_OUTPUT` or its action). */
  readonly outputs: Record<string, string>;
  readonly durationMs: number;
  /** The step ran out of its `timeout-minutes` (or the job's). */
  readonly timedOut: boolean;
  /** What an action handler recorded about the call (e.g. the role `configure-aws-credentials` assumed). */
  readonly record?: unknown;
}

/** How a job ended. */
export type JobConclusion = 'success' | 'failure' | 'cancelled' | 'skipped';

/** What one job did. */
export interface JobResult {
  readonly jobId: string;
  readonly conclusion: JobConclusion;
  readonly steps: StepResult[];
  /** The job's `outputs:`, evaluated after its last step. */
  readonly outputs: Record<string, string>;
  /** Everything the steps wrote to `GITHUB_STEP_SUMMARY`, in order. */
  readonly summary: string;
  /** Log file holding every step's output. */
  readonly logFile: string;
  /** The step with this id or name; throws when there is none. */
  step(idOrName: string): StepResult;
}
