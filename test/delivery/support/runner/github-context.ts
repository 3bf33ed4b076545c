import type { WorkflowRun } from './workflow-run';
import type { WorkflowInputDefinition } from './workflow-types';

/** The event that triggered the run. */
export interface WorkflowEvent {
  /** e.g. `push`, `pull_request`, `workflow_dispatch`. */
  readonly name: string;
  /** The webhook payload (`github.event`). @default {} */
  readonly payload?: Record<string, unknown>;
}

/** Facts about the repository and commit the run is for. */
export interface RunFacts {
  /** @default "0123456789abcdef0123456789abcdef01234567" */
  readonly sha?: string;
  /** @default "refs/heads/main" */
  readonly ref?: string;
  /** @default "example/service" */
  readonly repository?: string;
  /** @default "octocat" */
  readonly actor?: string;
}

/** Commit every run is for unless a test names another. */
export const DEFAULT_SHA = '0123456789abcdef0123456789abcdef01234567';

/** Builds the `github` context of one job, with only the properties the runner supports. */
export function githubContext(options: {
  readonly event: WorkflowEvent;
  readonly facts: RunFacts;
  readonly run: WorkflowRun;
  readonly workspace: string;
  readonly jobId: string;
  readonly workflowName: string;
}): Record<string, unknown> {
  const { event, facts, run } = options;
  const ref = facts.ref ?? 'refs/heads/main';
  const repository = facts.repository ?? 'example/service';
  const pullRequest = event.payload?.pull_request as { head?: { ref?: string }; base?: { ref?: string } } | undefined;
  return {
    sha: facts.sha ?? DEFAULT_SHA,
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    head_ref: pullRequest?.head?.ref ?? '',
    base_ref: pullRequest?.base?.ref ?? '',
    event_name: event.name,
    event: event.payload ?? {},
    run_id: run.runId,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    repository,
    repository_owner: repository.split('/')[0],
    actor: facts.actor ?? 'octocat',
    workspace: options.workspace,
    job: options.jobId,
    workflow: options.workflowName,
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
    token: 'fake-github-token',
  };
}

/** The standard variables GitHub sets for every step, from the `github` context. */
export function defaultVariables(github: Record<string, unknown>, runnerTemp: string, eventPath: string): Record<string, string> {
  const text = (key: string) => String(github[key]);
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_SHA: text('sha'),
    GITHUB_REF: text('ref'),
    GITHUB_REF_NAME: text('ref_name'),
    GITHUB_REF_TYPE: text('ref_type'),
    GITHUB_HEAD_REF: text('head_ref'),
    GITHUB_BASE_REF: text('base_ref'),
    GITHUB_EVENT_NAME: text('event_name'),
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: text('run_id'),
    GITHUB_RUN_NUMBER: text('run_number'),
    GITHUB_RUN_ATTEMPT: text('run_attempt'),
    GITHUB_REPOSITORY: text('repository'),
    GITHUB_REPOSITORY_OWNER: text('repository_owner'),
    GITHUB_ACTOR: text('actor'),
    GITHUB_WORKSPACE: text('workspace'),
    GITHUB_JOB: text('job'),
    GITHUB_WORKFLOW: text('workflow'),
    GITHUB_SERVER_URL: text('server_url'),
    GITHUB_API_URL: text('api_url'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'workflow-runner',
    RUNNER_TEMP: runnerTemp,
  };
}

/** The `runner` context. */
export function runnerContext(runnerTemp: string): Record<string, unknown> {
  return { os: 'Linux', arch: 'X64', name: 'workflow-runner', temp: runnerTemp, environment: 'github-hosted', debug: '' };
}

/**
 * The `inputs` context: the defaults `workflow_dispatch` and `workflow_call` declare, overridden by
 * the given inputs; boolean and number inputs typed as on GitHub.
 */
export function inputsContext(on: unknown, given: Record<string, unknown>): Record<string, unknown> {
  const triggers = on !== null && typeof on === 'object' ? on as Record<string, { inputs?: Record<string, WorkflowInputDefinition> } | null> : {};
  const definitions: Record<string, WorkflowInputDefinition> = {
    ...triggers.workflow_call?.inputs,
    ...triggers.workflow_dispatch?.inputs,
  };
  const inputs: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const value = name in given ? given[name] : definition.default ?? (definition.type === 'boolean' ? false : '');
    inputs[name] = typed(value, definition.type);
  }
  for (const [name, value] of Object.entries(given)) {
    if (!(name in definitions)) {
      inputs[name] = value;
    }
  }
  return inputs;
}

function typed(value: unknown, type: string | undefined): unknown {
  if (type === 'boolean') {
    return value === true || value === 'true';
  }
  if (type === 'number') {
    return Number(value);
  }
  return value;
}
