import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ActionContext, assertOfflineTerraformAvailable, createFakeBin, createWorkflowRun, FakeAws, FakeBin, JobResult, runJob } from './support';
import { createDeployableRepo, DEV_ACCOUNT } from './support/deployable-repo';
import { readGeneratedConfig } from '../../src/platform/ops/cost';

// Executes the generated workflows of a deployable repository as GitHub would: every `run:` step in
// order in the repository (npm ci, the projen tasks, the operations commands), `uses:` steps
// replaced by what they provide, `docker` recorded, AWS answered by a local fake endpoint, and the
// real terraform and AWS provider planning each stack where the workflow applies it.
const SHA = '0123456789abcdef0123456789abcdef01234567';
const BASE_SHA = 'fedcba9876543210fedcba9876543210fedcba98';
const TASK_DEFINITION = `arn:aws:ecs:us-east-1:${DEV_ACCOUNT}:task-definition/orders-dev-orders:2`;
const IMAGE = `${DEV_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders`;
const SERVICE_URL = 'http://orders-dev-1234567890.us-east-1.elb.amazonaws.com';
const workdir = mkdtempSync(join(tmpdir(), 'deploy-workflow-'));
const repo = join(workdir, 'orders');
let fakes: FakeBin;
let aws: FakeAws;

beforeAll(async () => {
  assertOfflineTerraformAvailable();
  createDeployableRepo(workdir, repo);
  fakes = createFakeBin({ terraform: { repoDir: repo } });
  fakes.setTerraformOutputs('dev-service', { service_url: SERVICE_URL });
  aws = await FakeAws.start({ accountId: DEV_ACCOUNT });
}, 1_800_000);

afterAll(async () => {
  await aws?.stop();
  fakes?.remove();
  rmSync(workdir, { recursive: true, force: true });
});

/** The service runs `tag` after a rollout in state `rollout`. */
function serviceRunning(tag: string, rollout: 'COMPLETED' | 'FAILED'): void {
  aws.on('ECS.DescribeServices', () => ({
    services: [{
      serviceName: 'orders',
      status: 'ACTIVE',
      deploymentController: { type: 'ECS' },
      deployments: [{ status: 'PRIMARY', rolloutState: rollout, rolloutStateReason: rollout === 'FAILED' ? 'ECS deployment circuit breaker: tasks failed to start.' : undefined, taskDefinition: TASK_DEFINITION }],
      events: [{ createdAt: 1_700_000_000, message: '(service orders) has started 1 tasks: (task 0123).' }],
    }],
  }));
  aws.on('ECS.DescribeTaskDefinition', () => ({ taskDefinition: { taskDefinitionArn: TASK_DEFINITION, containerDefinitions: [{ name: 'orders', image: `${IMAGE}:${tag}` }] } }));
  aws.on('ECS.ListTasks', () => ({ taskArns: [`arn:aws:ecs:us-east-1:${DEV_ACCOUNT}:task/orders-dev/0123`] }));
  aws.on('ECS.DescribeTasks', () => ({
    tasks: [{ taskArn: `arn:aws:ecs:us-east-1:${DEV_ACCOUNT}:task/orders-dev/0123`, stoppedReason: 'Essential container in task exited', containers: [{ name: 'orders', exitCode: 1 }] }],
  }));
}

async function runDeployJob(env: Record<string, string> = {}): Promise<JobResult> {
  return runJob({
    workflowPath: join(repo, '.github', 'workflows', 'deploy.yml'),
    jobId: 'deploy-dev',
    cwd: repo,
    event: 'push',
    facts: { sha: SHA, ref: 'refs/heads/main', repository: 'acme/orders' },
    env: { PATH: fakes.path(), ...aws.env('us-east-1'), ...env },
  });
}

describe('deploy.yml, job deploy-dev, on a push to main', () => {
  let job: JobResult;
  let applied: Array<{ stack: string; vars: Record<string, string> }>;

  beforeAll(async () => {
    serviceRunning(SHA, 'COMPLETED');
    job = await runDeployJob();
    applied = fakes.terraformInvocations()
      .filter((call) => call.command === 'apply')
      .map((call) => ({ stack: call.dir.split('/').pop()!, vars: call.vars }));
  }, 1_800_000);

  test('succeeds', () => {
    expect(job.steps.map((step) => `${step.name}: ${step.outcome}`)).toEqual(job.steps.map((step) => `${step.name}: success`));
    expect(job.conclusion).toBe('success');
  });

  test('assumes the deploy role of dev', () => {
    expect(job.steps.find((step) => step.action === 'aws-actions/configure-aws-credentials')?.record).toEqual(expect.objectContaining({
      roleToAssume: `arn:aws:iam::${DEV_ACCOUNT}:role/delivery/orders-dev-github-deploy`,
    }));
  });

  test('applies network, cluster and service in that order, the service with the commit as image tag', () => {
    expect(applied.map((call) => call.stack)).toEqual(['dev-network', 'dev-cluster', 'dev-service']);
    expect(applied[2].vars).toEqual({ image_tag: SHA });
  });

  test('pushes the image tagged with the commit, after the cluster (which creates the repository) and before the service', () => {
    const pushes = fakes.invocations('docker').filter((call) => call.argv[0] === 'push').map((call) => call.argv[1]);
    expect(pushes).toEqual([`${IMAGE}:${SHA}`]);
    const applies = fakes.terraformInvocations().filter((call) => call.command === 'apply').map((call) => ({ at: call.finishedAt, what: call.dir.split('/').pop() }));
    const push = fakes.invocations('docker').filter((call) => call.argv[0] === 'push').map((call) => ({ at: call.finishedAt, what: 'push' }));
    const order = [...applies, ...push].sort((a, b) => a.at - b.at).map((call) => call.what);
    expect(order).toEqual(['dev-network', 'dev-cluster', 'push', 'dev-service']);
  });

  test('logs in to the registry with the ECR token, never on the command line', () => {
    const login = fakes.invocations('docker').find((call) => call.argv[0] === 'login');
    expect(login?.argv).toEqual(['login', '--username', 'AWS', '--password-stdin', `${DEV_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`]);
  });

  test('waits for the rollout of the new revision', () => {
    expect(aws.operations()).toEqual(expect.arrayContaining(['STS.GetCallerIdentity', 'ECR.DescribeImages', 'ECS.DescribeServices', 'ECS.DescribeTaskDefinition']));
    expect(aws.unhandledCalls()).toEqual([]);
  });

  test('prints the service URL and a summary', () => {
    const deploy = job.step('Deploy dev');
    expect(deploy.stdout).toContain(`URL: ${SERVICE_URL}`);
    expect(deploy.stdout).toMatch(new RegExp(`Deployed ${SHA} to dev: \\d+ step\\(s\\) in`));
  });
});

test('a rollout the circuit breaker failed fails the job with the stopped tasks\' reasons', async () => {
  serviceRunning(SHA, 'FAILED');
  const job = await runDeployJob();
  expect(job.conclusion).toBe('failure');
  expect(job.step('Deploy dev').stderr).toContain('the deployment failed: ECS deployment circuit breaker: tasks failed to start.');
  expect(job.step('Deploy dev').stderr).toContain('stopped task 0123: Essential container in task exited; orders exit 1');
}, 1_800_000);

test('a synthesis that wrote no stacks fails the job instead of deploying nothing', async () => {
  serviceRunning(SHA, 'COMPLETED');
  const elsewhere = join(workdir, 'elsewhere');
  const before = fakes.terraformInvocations().length;
  // The app writes the stacks where CDKTF_OUTDIR says; the deploy command reads cdktf.out, now empty.
  rmSync(join(repo, 'cdktf.out'), { recursive: true, force: true });
  const job = await runDeployJob({ CDKTF_OUTDIR: elsewhere });
  expect(existsSync(join(elsewhere, 'manifest.json'))).toBe(true);
  expect(job.conclusion).toBe('failure');
  expect(job.step('Deploy dev').stderr).toContain('cdktf.out/manifest.json is missing: the stacks were not synthesized');
  expect(fakes.terraformInvocations().length).toBe(before);
}, 1_800_000);

/**
 * Checks out the pull request's base where the cost job asks for it: the repository as it is, but
 * with one task more of the first service in dev, so that the change lowers the estimate.
 */
function checkoutBase(ctx: ActionContext): void {
  if (ctx.inputs.path === undefined) {
    return;
  }
  const config = readGeneratedConfig(join(repo, 'src', 'config.generated.ts'));
  const [dev] = config.environments;
  const base = { ...config, environments: [{ ...dev, services: [{ ...dev.services[0], desiredCount: dev.services[0].desiredCount + 1 }] }] };
  mkdirSync(join(ctx.workspace, ctx.inputs.path, 'src'), { recursive: true });
  writeFileSync(join(ctx.workspace, ctx.inputs.path, 'src', 'config.generated.ts'), `export const config = ${JSON.stringify(base, undefined, 2)};\n`);
}

describe('terraform-plan.yml on a pull request', () => {
  let plan: JobResult;
  let cost: JobResult;
  let comment: JobResult;
  const run = createWorkflowRun();

  beforeAll(async () => {
    const common = {
      workflowPath: join(repo, '.github', 'workflows', 'terraform-plan.yml'),
      cwd: repo,
      event: { name: 'pull_request', payload: { number: 7, pull_request: { number: 7, head: { repo: { full_name: 'acme/orders' } }, base: { sha: BASE_SHA, ref: 'main' } } } },
      facts: { sha: SHA, ref: 'refs/pull/7/merge', repository: 'acme/orders' },
      env: { PATH: fakes.path(), ...aws.env('us-east-1') },
      run,
    };
    plan = await runJob({ ...common, jobId: 'plan-dev' });
    cost = await runJob({ ...common, jobId: 'cost', actions: { 'actions/checkout': checkoutBase } });
    comment = await runJob({ ...common, jobId: 'comment', needs: { 'cost': cost, 'plan-dev': plan } });
  }, 1_800_000);

  test('plans with the read-only plan role and never applies', () => {
    expect(plan.conclusion).toBe('success');
    expect(plan.steps.find((step) => step.action === 'aws-actions/configure-aws-credentials')?.record).toEqual(expect.objectContaining({ roleToAssume: `arn:aws:iam::${DEV_ACCOUNT}:role/delivery/orders-dev-github-plan` }));
  });

  test('the job summary has a row for every stack, each with resources to add', () => {
    const rows = plan.summary.split('\n').filter((line) => /^\| dev-/.test(line)).map((line) => line.split('|').map((cell) => cell.trim()).filter(Boolean));
    expect(rows.map((row) => row[0])).toEqual(['dev-network', 'dev-cluster', 'dev-service']);
    expect(rows.every((row) => Number(row[1]) > 0)).toBe(true);
  });

  test('one pull request comment carries the plan table', () => {
    expect(comment.conclusion).toBe('success');
    const comments = run.githubApi.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('<!-- projen-cdktf-ecs:terraform-plan -->');
    expect(comments[0].body).toMatch(/\| dev-service \| \d+ \| 0 \| 0 \|/);
  });

  test('the comment shows the monthly cost change against the base', () => {
    expect(cost.conclusion).toBe('success');
    const [body] = run.githubApi.commentsOn(7).map((c) => c.body);
    expect(body).toContain('### Monthly cost estimate');
    expect(body).toMatch(/\| dev \| \d+\.\d{2} \| \d+\.\d{2} \| −\d+\.\d{2} \|/);
  });
});
