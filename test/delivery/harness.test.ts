import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createWorkflowRun, runJob, RunJobOptions } from './support/workflow-runner';

const WORKFLOW = join(__dirname, 'fixtures', 'harness-workflow.yml');

describe('workflow runner', () => {
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'runner-workspace-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  const run = (jobId: string, extra: Partial<RunJobOptions> = {}) =>
    runJob({ workflowPath: WORKFLOW, jobId, cwd: workspace, event: 'workflow_dispatch', ...extra });

  test('merges env workflow → job → step and sets the standard variables', async () => {
    const job = await run('precedence');
    expect(job.conclusion).toBe('success');
    expect(job.step('levels').stdout).toContain('level=step workflow=from-workflow job=from-job');
    expect(job.step('levels').stdout).toContain('sha=0123456789abcdef0123456789abcdef01234567 ci=true actions=true');
  });

  test('passes GITHUB_OUTPUT (also multi-line) and GITHUB_ENV values to later steps', async () => {
    const job = await run('precedence', { inputs: { environment: 'staging' } });
    expect(job.step('levels').outputs).toEqual({ environment: 'staging', notes: 'first line\nsecond line' });
    expect(job.step('reader').name).toBe('Reads outputs of staging');
    expect(job.step('reader').stdout).toContain('notes=first line|second line|');
    expect(job.step('reader').stdout).toContain('exported=from-github-env level=job');
    expect(job.summary).toBe('### Summary of workflow_dispatch\n');
  });

  test('evaluates if: comparisons of inputs', async () => {
    expect((await run('precedence')).step('Only for prod').outcome).toBe('skipped');
    expect((await run('precedence', { inputs: { environment: 'prod' } })).step('Only for prod').outcome).toBe('success');
  });

  test('a failing step fails the job; later steps run only if their if: says so', async () => {
    const job = await run('failing');
    expect(job.conclusion).toBe('failure');
    expect(job.steps.map((step) => [step.name, step.outcome, step.conclusion])).toEqual([
      ['Tolerated failure', 'failure', 'success'],
      ['Fails', 'failure', 'failure'],
      ['Skipped after failure', 'skipped', 'skipped'],
      ['Reports the failure', 'success', 'success'],
      ['Always cleans up', 'success', 'success'],
    ]);
    expect(job.step('fails').exitCode).toBe(1);
    expect(job.step('fails').stdout).toBe('about to fail\n');
    expect(job.step('Reports the failure').stdout).toBe('outcome was failure\n');
    expect(readFileSync(job.logFile, 'utf-8')).toContain('about to fail');
  });

  test('kills a step that runs past its timeout-minutes', async () => {
    const job = await run('slow');
    expect(job.conclusion).toBe('failure');
    expect(job.steps[0]).toMatchObject({ outcome: 'failure', timedOut: true, exitCode: null });
    expect(job.steps[0].durationMs).toBeLessThan(10_000);
  });

  test('hands artifacts from one job to the next job of the same run', async () => {
    const workflowRun = createWorkflowRun();
    const produced = await run('produce', { run: workflowRun });
    expect(produced.conclusion).toBe('success');
    expect(produced.outputs).toEqual({ bundle: 'out' });
    const consumed = await run('consume', { run: workflowRun, needs: { produce: produced } });
    expect(consumed.conclusion).toBe('success');
    expect(consumed.steps[1].stdout).toBe('image\nplan\nfrom out\n');
  });

  test('throws on an expression it does not support, naming it', async () => {
    await expect(run('unsupported')).rejects.toThrow("hashFiles('**/package-lock.json')");
  });
});
