import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { createServiceRepo, packOrganisationExample, packPackage, runProjen } from './service-repo';
import { ActionContext, assertOfflineTerraformAvailable, createFakeBin, createWorkflowRun, FakeAws, FakeBin, JobResult, runJob } from '../delivery/support';

// End to end for a platform team: pack this package, build and pack the example organisation
// package (examples/acme-ecs-service) against it, `projen new --from` the organisation's package,
// build the repository, then run its fleet workflows (drift detection, template upgrade) as GitHub
// would, with the real terraform planning offline and a recording fake `gh`.
const ACME_DEV_ACCOUNT = '111122223333';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const workdir = mkdtempSync(join(tmpdir(), 'organisation-e2e-'));
const repo = join(workdir, 'orders');
let acmeTarball: string;
let fakes: FakeBin;
/** PATH of the simulated runner: the fakes, then `npm` without `ci`, then this machine's. */
let runnerPath: string;
let aws: FakeAws;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf-8' });

beforeAll(async () => {
  assertOfflineTerraformAvailable();
  const tarball = packPackage(join(workdir, 'pack'));
  acmeTarball = packOrganisationExample(tarball, workdir);
  createServiceRepo(acmeTarball, repo, '@acme/ecs-service');
  runProjen(repo, 'build');
  execFileSync('git', ['init', '--quiet', '--bare', join(workdir, 'origin.git')]);
  git('init', '--quiet', '-b', 'main');
  git('remote', 'add', 'origin', join(workdir, 'origin.git'));
  git('add', '--all');
  git('commit', '--quiet', '-m', 'projen new');
  fakes = createFakeBin({ terraform: { repoDir: repo } });
  runnerPath = fakes.path(`${installedNpmBin(join(workdir, 'npm-bin'))}${delimiter}${process.env.PATH}`);
  aws = await FakeAws.start({ accountId: ACME_DEV_ACCOUNT });
}, 1_800_000);

/**
 * An `npm` whose `ci` keeps the repository's installed dependencies (the build installed exactly the
 * lockfile; reinstalling the provider bindings in every job would take minutes) and which runs
 * every other command with the real npm.
 * @returns the directory holding it
 */
function installedNpmBin(dir: string): string {
  const realNpm = execFileSync('which', ['npm'], { encoding: 'utf-8' }).trim();
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'npm');
  writeFileSync(script, `#!/bin/sh\nif [ "$1" = ci ]; then echo "npm ci: dependencies already installed from the lockfile"; exit 0; fi\nexec ${JSON.stringify(realNpm)} "$@"\n`);
  chmodSync(script, 0o755);
  return dir;
}

afterAll(async () => {
  await aws?.stop();
  fakes?.remove();
  rmSync(workdir, { recursive: true, force: true });
});

describe('a repository created from the organisation\'s project type', () => {
  test('.projenrc.ts instantiates the organisation\'s class', () => {
    const projenrc = readFileSync(join(repo, '.projenrc.ts'), 'utf-8');
    expect(projenrc).toContain("from '@acme/ecs-service'");
    expect(projenrc).toContain('new AcmeEcsServiceProject({');
  });

  test('carries the organisation\'s defaults: region, account, state bucket, tags, repository', () => {
    const service = readFileSync(join(repo, 'docs', 'SERVICE.md'), 'utf-8');
    expect(service).toContain(`| dev | eu-west-1 | ${ACME_DEV_ACCOUNT} | development |`);
    expect(service).toContain('`company=acme`, `cost-center=unassigned`');
    const config = readFileSync(join(repo, 'src', 'config.generated.ts'), 'utf-8');
    expect(config).toContain('"bucket": "acme-terraform-state"');
    expect(config).toContain('"repository": "acme/orders"');
  });

  test('built: its tests validated and planned every stack', () => {
    const report = readFileSync(join(repo, 'test-reports', 'junit.xml'), 'utf-8');
    expect(report).toMatch(/<testsuites [^>]*failures="0" errors="0"/);
    for (const stack of ['dev-network', 'dev-cluster', 'dev-service']) {
      expect(report).toContain(`${stack} passes terraform validate`);
    }
  });

  test('a guardrail refuses an option: exit 1, one line with the path, the value and what Acme allows, no stack trace', () => {
    const projenrc = join(repo, '.projenrc.ts');
    const original = readFileSync(projenrc, 'utf-8');
    try {
      writeFileSync(projenrc, original.replace('new AcmeEcsServiceProject({', "new AcmeEcsServiceProject({\n  region: 'us-west-2',"));
      const result = spawnSync('npx', ['projen'], { cwd: repo, encoding: 'utf-8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('  - region: "us-west-2" is not allowed by allowed-regions; expected one of eu-west-1, eu-central-1\n');
      expect(result.stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(1);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      writeFileSync(projenrc, original);
    }
  });
});

describe('drift.yml', () => {
  let plan: JobResult;
  let issues: JobResult;

  beforeAll(async () => {
    const run = createWorkflowRun();
    const common = {
      workflowPath: join(repo, '.github', 'workflows', 'drift.yml'),
      cwd: repo,
      event: 'schedule',
      run,
      facts: { sha: SHA, ref: 'refs/heads/main', repository: 'acme/orders' },
      env: { PATH: runnerPath, ...aws.env('eu-west-1') },
    };
    plan = await runJob({ ...common, jobId: 'plan-dev' });
    issues = await runJob({ ...common, jobId: 'issues', needs: { 'plan-dev': plan } });
  }, 1_800_000);

  test('plans dev with the read-only plan role and -detailed-exitcode, applying nothing', () => {
    expect(plan.conclusion).toBe('success');
    expect(plan.steps.find((step) => step.action === 'aws-actions/configure-aws-credentials')?.record).toEqual(expect.objectContaining({
      roleToAssume: `arn:aws:iam::${ACME_DEV_ACCOUNT}:role/delivery/orders-dev-github-plan`,
    }));
    // Terraform would change everything (nothing is deployed): `plan --detailed-exitcode` exits 2,
    // which projen's task runner reports as 1; the drift job reads the JSON report, not the code.
    expect(plan.step('Plan dev').exitCode).toBe(1);
    expect(plan.step('Plan dev').stdout).toMatch(/dev-service\s+\d+\s+0\s+0/);
    expect(fakes.terraformInvocations().filter((call) => call.command === 'apply')).toEqual([]);
  });

  test('opens one issue for dev listing the resources a plan would change (nothing is deployed: everything)', () => {
    expect(issues.conclusion).toBe('success');
    const create = fakes.invocations('gh').find((call) => call.argv[0] === 'issue' && call.argv[1] === 'create');
    expect(create?.argv.slice(0, 3)).toEqual(['issue', 'create', '--title']);
    expect(create?.argv[3]).toBe('Drift in dev');
    expect(create?.env.GH_TOKEN).toBe('fake-github-token');
    expect(create?.bodyFile).toMatch(/\| dev-cluster \| `aws_ecs_cluster\.[\w]+` \| create \|/);
  });
});

describe('template-upgrade.yml', () => {
  let upgrade: JobResult;
  let pullRequest: JobResult;

  beforeAll(async () => {
    // A template change to pick up: the managed docs as an older template wrote them.
    writeFileSync(join(repo, 'docs', 'SERVICE.md'), '# orders\n');
    git('commit', '--quiet', '--all', '-m', 'older template');
    const run = createWorkflowRun();
    const common = {
      workflowPath: join(repo, '.github', 'workflows', 'template-upgrade.yml'),
      cwd: repo,
      run,
      event: { name: 'workflow_dispatch', payload: { inputs: { packages: `@acme/ecs-service@file:${acmeTarball}` } } },
      inputs: { packages: `@acme/ecs-service@file:${acmeTarball}` },
      facts: { sha: SHA, ref: 'refs/heads/main', repository: 'acme/orders' },
      env: { PATH: runnerPath, ...aws.env('eu-west-1') },
    };
    upgrade = await runJob({ ...common, jobId: 'upgrade' });
    // A fresh checkout of main for the job that writes.
    const freshCheckout = (ctx: ActionContext) => {
      execFileSync('git', ['checkout', '--quiet', '--force', 'main'], { cwd: ctx.workspace });
      execFileSync('git', ['clean', '--quiet', '-fd'], { cwd: ctx.workspace });
    };
    pullRequest = await runJob({ ...common, jobId: 'pull-request', needs: { upgrade }, actions: { 'actions/checkout': freshCheckout } });
  }, 1_800_000);

  test('upgrades, regenerates and plans dev with the plan role', () => {
    expect(upgrade.steps.map((step) => `${step.name}: ${step.outcome}`)).toEqual(upgrade.steps.map((step) => `${step.name}: success`));
    expect(upgrade.step('Upgrade the template').stdout).toContain('docs/SERVICE.md');
  });

  test('pushes the regenerated files on one branch and opens one pull request with the diff summary and the plan', () => {
    expect(pullRequest.conclusion).toBe('success');
    const pushed = execFileSync('git', ['--git-dir', join(workdir, 'origin.git'), 'show', 'projen-cdktf-ecs/template-upgrade:docs/SERVICE.md'], { encoding: 'utf-8' });
    expect(pushed).toContain('## Environments');
    const create = fakes.invocations('gh').find((call) => call.argv[0] === 'pr' && call.argv[1] === 'create');
    expect(create?.bodyFile).toMatch(/docs\/SERVICE\.md\s+\|\s+\d+/);
    expect(create?.bodyFile).toMatch(/\| dev-service \| \d+ \| 0 \| 0 \|/);
    expect(fakes.invocations('gh').map((call) => call.argv.join(' '))).toContain('pr edit 1 --remove-label destroys-resources');
  });
});
