import { createWriteStream, mkdirSync, readFileSync, writeFileSync, WriteStream } from 'fs';
import { delimiter, join, resolve } from 'path';
import { parse } from 'yaml';
import { defaultActions } from './actions/default-actions';
import { ExpressionContexts, interpolate, evaluateCondition, StepContext } from './expressions/expression-evaluator';
import type { ActionContext, ActionHandler } from './runner/action-context';
import { parseKeyValueFile, parsePathFile, readOptionalFile } from './runner/command-files';
import { defaultVariables, githubContext, inputsContext, runnerContext, RunFacts, WorkflowEvent } from './runner/github-context';
import { runShellStep } from './runner/shell-step';
import { createWorkflowRun, WorkflowRun } from './runner/workflow-run';
import type { JobConclusion, JobResult, StepResult, WorkflowFile, WorkflowJob, WorkflowStep } from './runner/workflow-types';

export type { ActionContext, ActionHandler } from './runner/action-context';
export type { JobResult, StepResult, StepOutcome, JobConclusion } from './runner/workflow-types';
export type { WorkflowEvent, RunFacts } from './runner/github-context';
export { createWorkflowRun } from './runner/workflow-run';
export type { WorkflowRun } from './runner/workflow-run';

/** GitHub's limit when a job names none: 360 minutes. */
const DEFAULT_TIMEOUT_MINUTES = 360;
/** Inherited variables that would leak the outer CI's run into the simulated one. */
const OUTER_RUN_VARIABLES = /^(GITHUB_|RUNNER_|ACTIONS_)/;

/** A job this job needs: a result of `runJob`, or just its outputs and result. */
export type NeededJob = JobResult | { readonly outputs: Record<string, string>; readonly result: JobConclusion };

/** Options of {@link runJob}. */
export interface RunJobOptions {
  /** Path of the workflow YAML. */
  readonly workflowPath: string;
  /** Key of the job under `jobs:`. */
  readonly jobId: string;
  /** The checked-out repository: `GITHUB_WORKSPACE` and the default working directory. */
  readonly cwd: string;
  /** Variables of the machine, over this process's environment (e.g. `PATH` with fakes first). */
  readonly env?: Record<string, string | undefined>;
  /** Start from an empty environment instead of this process's. @default false */
  readonly cleanEnv?: boolean;
  /** The triggering event; a string is an event name with an empty payload. @default "push" */
  readonly event?: WorkflowEvent | string;
  /** `inputs.*`; declared inputs not given take their defaults. */
  readonly inputs?: Record<string, unknown>;
  /** `secrets.*`; `GITHUB_TOKEN` defaults to a fake token. */
  readonly secrets?: Record<string, string>;
  /** `vars.*`. */
  readonly vars?: Record<string, string>;
  /** Jobs listed in `needs:`, by id. */
  readonly needs?: Record<string, NeededJob>;
  /** Commit, ref, repository, actor. */
  readonly facts?: RunFacts;
  /**
   * Handlers for `uses:` actions, by name without `@ref` (e.g. `actions/checkout`), over the
   * defaults of {@link defaultActions}.
   */
  readonly actions?: Record<string, ActionHandler>;
  /** The run this job belongs to; jobs of one run share artifacts. @default - a new run */
  readonly run?: WorkflowRun;
  /** Override the shell of steps that name none (GitHub: `bash -e {0}`). */
  readonly defaultShell?: string;
}

/**
 * Runs one job of a workflow as a GitHub-hosted Linux runner would, on this machine: `run:` steps in
 * their shell and working directory with the merged environment, `uses:` steps through
 * handlers, `${{ }}` expressions, `if:`, `continue-on-error`, `timeout-minutes` and the
 * `GITHUB_ENV`/`GITHUB_OUTPUT`/`GITHUB_PATH`/`GITHUB_STEP_SUMMARY` files.
 *
 * A failing step fails the job, not the promise; check `conclusion` and the steps.
 *
 * @throws (rejects) for what GitHub would run but this runner cannot faithfully: an unsupported
 *   expression, an action without a handler, an unsupported shell, a missing job
 */
export async function runJob(options: RunJobOptions): Promise<JobResult> {
  const workflow = parse(readFileSync(options.workflowPath, 'utf-8')) as WorkflowFile;
  const job = workflow.jobs?.[options.jobId];
  if (job === undefined) {
    throw new Error(`${options.workflowPath} has no job "${options.jobId}" (jobs: ${Object.keys(workflow.jobs ?? {}).join(', ')})`);
  }
  if (job.uses !== undefined) {
    throw new Error(`Job ${options.jobId} calls the reusable workflow ${job.uses}; run that workflow's jobs instead`);
  }
  return new JobExecution(options, workflow, job).execute();
}

/** One job being run: its contexts, environment and step results. */
class JobExecution {
  private readonly run: WorkflowRun;
  private readonly actions: Record<string, ActionHandler>;
  private readonly jobDir: string;
  private readonly runnerTemp: string;
  private readonly logFile: string;
  private readonly github: Record<string, unknown>;
  private readonly baseEnv: Record<string, string>;
  private readonly exported: Record<string, string> = {};
  private readonly addedPaths: string[] = [];
  private readonly stepContexts: Record<string, StepContext> = {};
  private readonly results: StepResult[] = [];
  private readonly contextsBase: Omit<ExpressionContexts, 'env' | 'steps' | 'status'>;
  private workflowEnv: Record<string, string> = {};
  private jobEnv: Record<string, string> = {};
  private summary = '';
  private failed = false;
  private cancelled = false;

  constructor(private readonly options: RunJobOptions, private readonly workflow: WorkflowFile, private readonly job: WorkflowJob) {
    this.run = options.run ?? createWorkflowRun();
    this.actions = { ...defaultActions(), ...options.actions };
    this.jobDir = uniqueDir(join(this.run.rootDir, 'jobs'), options.jobId);
    this.runnerTemp = join(this.jobDir, 'temp');
    mkdirSync(this.runnerTemp, { recursive: true });
    this.logFile = join(this.run.logsDir, `${options.jobId}.log`);
    const event: WorkflowEvent = typeof options.event === 'string' ? { name: options.event } : options.event ?? { name: 'push' };
    const workspace = resolve(options.cwd);
    this.github = githubContext({
      event, facts: options.facts ?? {}, run: this.run, workspace, jobId: options.jobId, workflowName: workflow.name ?? options.workflowPath,
    });
    const eventPath = join(this.jobDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(event.payload ?? {}, undefined, 2));
    this.baseEnv = {
      ...inheritedEnv(options.cleanEnv ? {} : process.env),
      ...definedOnly(options.env ?? {}),
      ...defaultVariables(this.github, this.runnerTemp, eventPath),
    };
    const needs = Object.fromEntries(Object.entries(options.needs ?? {}).map(([id, needed]) => [id, {
      outputs: needed.outputs,
      result: 'result' in needed ? needed.result : needed.conclusion,
    }]));
    this.contextsBase = {
      github: this.github,
      runner: runnerContext(this.runnerTemp),
      inputs: inputsContext(workflow.on, options.inputs ?? {}),
      secrets: { GITHUB_TOKEN: 'fake-github-token', ...options.secrets },
      vars: options.vars ?? {},
      needs,
      declaredStepIds: new Set((job.steps ?? []).map((step) => step.id).filter((id): id is string => id !== undefined)),
    };
  }

  public async execute(): Promise<JobResult> {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    try {
      const needsFailed = Object.values(this.contextsBase.needs).some((needed) => needed.result !== 'success');
      this.workflowEnv = this.evaluateEnv(this.workflow.env, {});
      this.jobEnv = { ...this.workflowEnv, ...this.evaluateEnv(this.job.env, this.workflowEnv) };
      const runs = evaluateCondition(this.job.if, this.contexts({}, { failed: needsFailed, cancelled: false }));
      const steps = this.job.steps ?? [];
      const deadline = Date.now() + minutes(this.evaluateScalar(this.job['timeout-minutes']), DEFAULT_TIMEOUT_MINUTES);
      log.write(`=== job ${this.options.jobId} (run ${this.run.runId})\n`);
      for (const [index, step] of steps.entries()) {
        this.results.push(runs ? await this.runStep(step, index, deadline, log) : this.skipped(step, index));
      }
      const conclusion: JobConclusion = !runs ? 'skipped' : this.cancelled ? 'cancelled' : this.failed ? 'failure' : 'success';
      const outputs = Object.fromEntries(Object.entries(this.job.outputs ?? {}).map(([name, value]) => [
        name, interpolate(String(value), this.contexts(this.jobEnv)),
      ]));
      return jobResult({ jobId: this.options.jobId, conclusion, steps: this.results, outputs, summary: this.summary, logFile: this.logFile });
    } finally {
      await new Promise((done) => log.end(done));
    }
  }

  private async runStep(step: WorkflowStep, index: number, deadline: number, log: WriteStream): Promise<StepResult> {
    const envContext = { ...this.jobEnv, ...this.exported };
    const stepEnv = { ...envContext, ...this.evaluateEnv(step.env, envContext) };
    const contexts = this.contexts(stepEnv);
    const name = this.stepName(step, contexts);
    if (!evaluateCondition(step.if, contexts)) {
      log.write(`--- step ${index + 1}: ${name} (skipped)\n`);
      return this.skipped(step, index, name);
    }
    log.write(`--- step ${index + 1}: ${name}\n`);
    const started = Date.now();
    const commandFiles = this.commandFiles(index);
    const processEnv = { ...this.baseEnv, ...stepEnv, ...commandFiles, PATH: this.path(stepEnv) };
    const stepTimeout = minutes(this.evaluateScalar(step['timeout-minutes'], contexts), DEFAULT_TIMEOUT_MINUTES);
    const timeoutMs = Math.max(0, Math.min(stepTimeout, deadline - started));
    const jobTimeoutFirst = deadline - started <= stepTimeout;

    const execution = step.run !== undefined
      ? await this.runScript(step, index, interpolate(step.run, contexts), processEnv, contexts, timeoutMs, log)
      : await this.runAction(step, processEnv, contexts, log);

    const outputs = { ...parseKeyValueFile(commandFiles.GITHUB_OUTPUT), ...execution.outputs };
    Object.assign(this.exported, parseKeyValueFile(commandFiles.GITHUB_ENV));
    this.addedPaths.unshift(...parsePathFile(commandFiles.GITHUB_PATH).reverse());
    this.summary += readOptionalFile(commandFiles.GITHUB_STEP_SUMMARY);

    const outcome = execution.success ? 'success' : 'failure';
    const continueOnError = execution.timedOut && jobTimeoutFirst ? false : this.isTruthy(step['continue-on-error'], contexts);
    const conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome;
    if (execution.timedOut && jobTimeoutFirst) {
      this.cancelled = true;
    } else if (conclusion === 'failure') {
      this.failed = true;
    }
    if (step.id !== undefined) {
      this.stepContexts[step.id] = { outputs, outcome, conclusion };
    }
    log.write(`--- step ${index + 1}: ${outcome}${execution.timedOut ? ' (timed out)' : ''}\n`);
    return {
      index,
      name,
      id: step.id,
      action: execution.action,
      with: execution.with,
      outcome,
      conclusion,
      exitCode: execution.exitCode,
      stdout: execution.stdout,
      stderr: execution.stderr,
      outputs,
      durationMs: Date.now() - started,
      timedOut: execution.timedOut,
      record: execution.record,
    };
  }

  private async runScript(step: WorkflowStep, index: number, script: string, env: Record<string, string>,
    contexts: ExpressionContexts, timeoutMs: number, log: WriteStream): Promise<StepExecution> {
    const defaults = { ...this.workflow.defaults?.run, ...this.job.defaults?.run };
    const workingDirectory = step['working-directory'] ?? defaults['working-directory'];
    const shell = step.shell ?? defaults.shell ?? this.options.defaultShell;
    const result = await runShellStep({
      script,
      shell: shell === undefined ? undefined : interpolate(shell, contexts),
      cwd: resolve(this.options.cwd, workingDirectory === undefined ? '.' : interpolate(workingDirectory, contexts)),
      env,
      scriptDir: this.runnerTemp,
      scriptName: `step-${index + 1}`,
      timeoutMs,
      log,
    });
    return { ...result, success: result.exitCode === 0 && !result.timedOut, outputs: {} };
  }

  private async runAction(step: WorkflowStep, env: Record<string, string>, contexts: ExpressionContexts, log: WriteStream): Promise<StepExecution> {
    const uses = step.uses;
    if (uses === undefined) {
      throw new Error(`Step ${step.name ?? step.id ?? '(unnamed)'} of job ${this.options.jobId} has neither run nor uses`);
    }
    const at = uses.startsWith('docker://') ? -1 : uses.lastIndexOf('@');
    const action = at === -1 ? uses : uses.slice(0, at);
    const handler = this.actions[action];
    if (handler === undefined) {
      throw new Error(`No handler for the action ${action} (step "${step.name ?? uses}" of job ${this.options.jobId}); pass one in actions`);
    }
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), contexts)]));
    const outputs: Record<string, string> = {};
    const stdout: string[] = [];
    let record: unknown;
    const context: ActionContext = {
      action,
      ref: at === -1 ? undefined : uses.slice(at + 1),
      inputs,
      env,
      workspace: resolve(this.options.cwd),
      run: this.run,
      github: this.github,
      setOutput: (name, value) => {
        outputs[name] = value;
      },
      exportVariable: (name, value) => {
        this.exported[name] = value;
      },
      addPath: (dir) => {
        this.addedPaths.unshift(dir);
      },
      appendSummary: (markdown) => {
        this.summary += markdown;
      },
      log: (line) => {
        stdout.push(`${line}\n`);
        log.write(`${line}\n`);
      },
      record: (value) => {
        record = value;
      },
    };
    try {
      await handler(context);
      return { success: true, exitCode: 0, stdout: stdout.join(''), stderr: '', timedOut: false, outputs, action, with: inputs, record };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.write(`Error: ${message}\n`);
      return { success: false, exitCode: 1, stdout: stdout.join(''), stderr: message, timedOut: false, outputs, action, with: inputs, record };
    }
  }

  private skipped(step: WorkflowStep, index: number, name?: string): StepResult {
    if (step.id !== undefined) {
      this.stepContexts[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
    }
    return {
      index,
      name: name ?? step.name ?? defaultStepName(step),
      id: step.id,
      outcome: 'skipped',
      conclusion: 'skipped',
      exitCode: null,
      stdout: '',
      stderr: '',
      outputs: {},
      durationMs: 0,
      timedOut: false,
    };
  }

  private contexts(env: Record<string, string>, status = { failed: this.failed, cancelled: this.cancelled }): ExpressionContexts {
    return { ...this.contextsBase, env, steps: this.stepContexts, status };
  }

  private evaluateEnv(env: Record<string, unknown> | undefined, envContext: Record<string, string>): Record<string, string> {
    const contexts = this.contexts(envContext);
    return Object.fromEntries(Object.entries(env ?? {}).map(([name, value]) => [name, interpolate(String(value ?? ''), contexts)]));
  }

  private evaluateScalar(value: number | string | undefined, contexts = this.contexts(this.jobEnv)): string | undefined {
    return value === undefined ? undefined : interpolate(String(value), contexts);
  }

  private isTruthy(value: boolean | string | undefined, contexts: ExpressionContexts): boolean {
    return value !== undefined && ['true', '1'].includes(interpolate(String(value), contexts).trim().toLowerCase());
  }

  private stepName(step: WorkflowStep, contexts: ExpressionContexts): string {
    return step.name !== undefined ? interpolate(step.name, contexts) : defaultStepName(step);
  }

  private commandFiles(index: number): Record<'GITHUB_ENV' | 'GITHUB_OUTPUT' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY', string> {
    const dir = join(this.jobDir, 'files', `step-${index + 1}`);
    mkdirSync(dir, { recursive: true });
    const files = {
      GITHUB_ENV: join(dir, 'env'),
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_PATH: join(dir, 'path'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    };
    for (const file of Object.values(files)) {
      writeFileSync(file, '');
    }
    return files;
  }

  private path(stepEnv: Record<string, string>): string {
    const base = stepEnv.PATH ?? this.exported.PATH ?? this.baseEnv.PATH ?? '';
    return [...this.addedPaths, base].filter((part) => part !== '').join(delimiter);
  }
}

interface StepExecution {
  readonly success: boolean;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly outputs: Record<string, string>;
  readonly action?: string;
  readonly with?: Record<string, string>;
  readonly record?: unknown;
}

function jobResult(fields: Omit<JobResult, 'step'>): JobResult {
  return {
    ...fields,
    step(idOrName: string): StepResult {
      const found = fields.steps.find((step) => step.id === idOrName) ?? fields.steps.find((step) => step.name === idOrName);
      if (found === undefined) {
        throw new Error(`Job ${fields.jobId} has no step with id or name "${idOrName}" (steps: ${fields.steps.map((step) => step.id ?? step.name).join(', ')})`);
      }
      return found;
    },
  };
}

function defaultStepName(step: WorkflowStep): string {
  return step.uses !== undefined ? `Run ${step.uses}` : `Run ${(step.run ?? '').trim().split('\n')[0]}`;
}

function minutes(value: string | undefined, fallback: number): number {
  const parsed = value === undefined || value.trim() === '' ? fallback : Number(value);
  if (Number.isNaN(parsed)) {
    throw new Error(`timeout-minutes must be a number, not "${value}"`);
  }
  return parsed * 60_000;
}

function inheritedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return definedOnly(Object.fromEntries(Object.entries(env).filter(([name]) => !OUTER_RUN_VARIABLES.test(name))));
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function uniqueDir(parent: string, name: string): string {
  for (let attempt = 1; ; attempt++) {
    const dir = join(parent, attempt === 1 ? name : `${name}-${attempt}`);
    try {
      mkdirSync(dir, { recursive: false });
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        mkdirSync(parent, { recursive: true });
        attempt--;
      } else if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
  }
}
