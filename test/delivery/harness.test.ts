import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createFakeBin, FakeBin } from './support/fake-bin';
import { assertOfflineTerraformAvailable } from './support/offline-preconditions';
import { createWorkflowRun, runJob, RunJobOptions } from './support/workflow-runner';

const WORKFLOW = join(__dirname, 'fixtures', 'harness-workflow.yml');
const FAKES_WORKFLOW = join(__dirname, 'fixtures', 'fakes-workflow.yml');
const PLATFORM_TESTING_SOURCES = join(__dirname, '..', '..', 'src', 'platform', 'testing', 'index.ts');

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

  test('runs github-script against a recording fake of the issues API', async () => {
    const workflowRun = createWorkflowRun();
    workflowRun.githubApi.seedComment(12, 'unrelated');
    const event = { name: 'pull_request', payload: { number: 12, pull_request: { number: 12 } } };
    const first = await run('comment', { run: workflowRun, event });
    expect(first.conclusion).toBe('success');
    expect(first.step('upsert').outputs).toEqual({ updated: 'false', result: '{"comments":1}' });
    const second = await run('comment', { run: workflowRun, event });
    expect(second.step('upsert').outputs.updated).toBe('true');
    expect(workflowRun.githubApi.commentsOn(12).map((comment) => comment.body)).toEqual(['unrelated', '<!-- plan:dev -->\nPlan for 0123456']);
    expect(workflowRun.githubApi.calls.map((call) => call.method)).toEqual([
      'issues.listComments', 'issues.createComment', 'issues.listComments', 'issues.updateComment',
    ]);
  });

  test('throws on an action without a handler, naming it', async () => {
    await expect(run('unknown-action')).rejects.toThrow('No handler for the action some-org/deploy-magic');
  });

  test('throws on an expression it does not support, naming it', async () => {
    await expect(run('unsupported')).rejects.toThrow("hashFiles('**/package-lock.json')");
  });
});

describe('recording fakes on PATH', () => {
  let workspace: string;
  let fakes: FakeBin;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'fakes-workspace-'));
    fakes = createFakeBin();
  });
  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
    fakes.remove();
  });

  const publish = () => runJob({ workflowPath: FAKES_WORKFLOW, jobId: 'publish', cwd: workspace, env: { PATH: fakes.path() } });

  test('record docker and aws invocations, with the password docker login reads', async () => {
    const job = await publish();
    expect(job.conclusion).toBe('success');
    expect(job.steps[0].record).toEqual({ roleToAssume: 'arn:aws:iam::123456789012:role/demo-dev-deploy', region: 'us-east-1' });
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo-web:0123456789abcdef0123456789abcdef01234567';
    expect(fakes.invocations().map((call) => [call.program, ...call.argv])).toEqual([
      ['aws', 'ecr', 'get-login-password', '--region', 'us-east-1'],
      ['docker', 'login', '--username', 'AWS', '--password-stdin', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
      ['docker', 'build', '--platform', 'linux/amd64', '-t', image, '.'],
      ['docker', 'push', image],
      ['docker', 'save', '--output', 'dist/image.tar', image],
    ]);
    expect(fakes.invocations('docker')[0].stdin).toBe('fake-ecr-password');
    expect(fakes.invocations('docker')[1]).toMatchObject({ cwd: workspace, env: { AWS_REGION: 'us-east-1', CI: 'true' } });
    expect(existsSync(join(workspace, 'dist', 'image.tar'))).toBe(true);
    expect(job.step('push').outputs).toEqual({ archive: 'image.tar' });
  });

  test('fail as programmed: a failing docker push fails the step and stops the job', async () => {
    fakes.program('docker push', { exitCode: 1, stderr: 'denied: not authorized to push\n' });
    const job = await publish();
    expect(job.conclusion).toBe('failure');
    expect(job.step('push')).toMatchObject({ outcome: 'failure', exitCode: 1, stderr: 'denied: not authorized to push\n' });
    expect(fakes.invocations('docker').map((call) => call.argv[0])).toEqual(['login', 'build', 'push']);
    expect(fakes.invocations('docker')[2].exitCode).toBe(1);
  });

  test('answer a sequence: the first push fails, the retry succeeds', async () => {
    fakes.program('docker push', [{ exitCode: 1, stderr: 'timeout' }, {}]);
    const workflowPath = join(workspace, 'retry.yml');
    writeFileSync(workflowPath, 'jobs:\n  push:\n    steps:\n      - run: docker push img:1 || docker push img:1\n');
    const job = await runJob({ workflowPath, jobId: 'push', cwd: workspace, env: { PATH: fakes.path() } });
    expect(job.conclusion).toBe('success');
    expect(fakes.invocations('docker').map((call) => call.exitCode)).toEqual([1, 0]);
    expect(job.steps[0].stderr).toBe('timeout');
  });
});

describe('terraform wrapper', () => {
  let workspace: string;
  let fakes: FakeBin;
  beforeAll(() => {
    assertOfflineTerraformAvailable();
    workspace = mkdtempSync(join(tmpdir(), 'terraform-workspace-'));
    writeMinimalStack(join(workspace, 'stack'));
    fakes = createFakeBin({ terraform: { platformTestingModule: PLATFORM_TESTING_SOURCES } });
  });
  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
    fakes.remove();
  });

  test('prepares the stack offline, turns apply -auto-approve into a plan with the real provider and answers output', async () => {
    fakes.setTerraformOutputs('stack', { repository_url: '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo-web' });
    const job = await runJob({ workflowPath: FAKES_WORKFLOW, jobId: 'terraform', cwd: workspace, env: { PATH: fakes.path() } });
    expect(job.steps.map((step) => [step.name, step.outcome])).toEqual([
      ['Run hashicorp/setup-terraform@b9cd54a3c349d3f38e8881555d616ced269862dd', 'success'],
      ['Init', 'success'],
      ['Apply', 'success'],
      ['Outputs', 'success'],
    ]);
    expect(job.step('Apply').stdout).toMatch(/# aws_ecr_repository\.web will be created[\s\S]*"ImageTag" = "abc"[\s\S]*Plan: 1 to add, 0 to change, 0 to destroy/);
    expect(job.step('outputs').outputs).toEqual({ url: '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo-web' });

    const [init, apply, output] = fakes.terraformInvocations();
    expect(init).toMatchObject({
      command: 'init',
      chdir: 'stack',
      prepared: { override: true, upstreamStates: [] },
      executed: ['-chdir=stack', 'init', '-input=false', '-no-color'],
      exitCode: 0,
    });
    expect(JSON.parse(readFileSync(join(workspace, 'stack', 'zz_offline_override.tf.json'), 'utf-8')).terraform.backend).toEqual({ local: { path: expect.any(String) } });
    expect(apply).toMatchObject({
      command: 'apply',
      vars: { image_tag: 'abc' },
      executed: ['-chdir=stack', 'plan', '-input=false', '-no-color', '-var', 'image_tag=abc'],
      exitCode: 0,
    });
    expect(output).toMatchObject({ command: 'output', args: ['-chdir=stack', 'output', '-raw', 'repository_url'], exitCode: 0 });
    expect(output.executed).toBeUndefined();
  });
});

/** A hand-written Terraform JSON stack: the aws provider, S3 state and one ECR repository. */
function writeMinimalStack(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const stack = {
    terraform: {
      required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } },
      backend: { s3: { bucket: 'demo-terraform-state', key: 'stack.tfstate', region: 'us-east-1' } },
    },
    provider: { aws: [{ region: 'us-east-1' }] },
    variable: { image_tag: { type: 'string' } },
    resource: { aws_ecr_repository: { web: { name: 'demo-web', image_tag_mutability: 'IMMUTABLE', tags: { ImageTag: '${var.image_tag}' } } } },
    output: { repository_url: { value: '${aws_ecr_repository.web.repository_url}' } },
  };
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(stack, undefined, 2));
}
