import { mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FakeGitHubApi } from '../actions/fake-github-api';

/** State shared by the jobs of one workflow run: ids, artifacts, logs and the fake GitHub API. */
export interface WorkflowRun {
  readonly runId: string;
  readonly runNumber: string;
  readonly runAttempt: string;
  /** Root of everything the run writes. */
  readonly rootDir: string;
  /** Where `actions/upload-artifact` stores artifacts, one directory per artifact name. */
  readonly artifactsDir: string;
  /** Where each job's log goes (`<job>.log`). */
  readonly logsDir: string;
  /** The API `actions/github-script` steps talk to. */
  readonly githubApi: FakeGitHubApi;
}

/** Options of {@link createWorkflowRun}. */
export interface WorkflowRunOptions {
  /** @default - a new temporary directory */
  readonly rootDir?: string;
  /** @default "4242" */
  readonly runId?: string;
  /** @default "1" */
  readonly runAttempt?: string;
}

/** Creates the shared state of one workflow run; pass it to every `runJob` of the run. */
export function createWorkflowRun(options: WorkflowRunOptions = {}): WorkflowRun {
  const rootDir = options.rootDir ?? mkdtempSync(join(tmpdir(), 'workflow-run-'));
  const artifactsDir = join(rootDir, 'artifacts');
  const logsDir = join(rootDir, 'logs');
  mkdirSync(artifactsDir, { recursive: true });
  mkdirSync(logsDir, { recursive: true });
  return {
    runId: options.runId ?? '4242',
    runNumber: '7',
    runAttempt: options.runAttempt ?? '1',
    rootDir,
    artifactsDir,
    logsDir,
    githubApi: new FakeGitHubApi(),
  };
}
