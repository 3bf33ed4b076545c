import { DeploymentOptions, DeploymentPipeline, DeploymentStrategy, TaskDefinitionOwner, CpuArchitecture, EnvironmentPreset } from '../../src/options';
import { InvalidOptionsError } from '../../src/resolve/problems';
import { PlatformOptions, resolvePlatformConfig } from '../../src/resolve/resolve';

const CONNECTION_ARN = 'arn:aws:codeconnections:us-east-1:111122223333:connection/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';
const BASE: PlatformOptions = {
  name: 'orders',
  defaultReleaseBranch: 'main',
  environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION }],
  terraformState: { bucket: 'orders-terraform-state' },
  loadBalancer: { allowPlainHttp: 'test fixture without TLS' },
};

function resolve(deployment: DeploymentOptions, options: Partial<PlatformOptions> = {}) {
  return resolvePlatformConfig({ ...BASE, ...options, deployment }).deployment;
}

/** The environments resolved with the given deployment options. */
function environmentsOf(deployment: DeploymentOptions) {
  return resolvePlatformConfig({ ...BASE, deployment }).environments;
}

function problemsOf(deployment: DeploymentOptions, options: Partial<PlatformOptions> = {}): string[] {
  try {
    resolve(deployment, options);
    return [];
  } catch (error) {
    if (error instanceof InvalidOptionsError) return error.problems;
    throw error;
  }
}

describe('defaults', () => {
  const deployment = resolve({});

  test('GitHub Actions, rolling, Terraform owns the task definition, release branch of the project', () => {
    expect(deployment).toEqual(expect.objectContaining({ pipeline: 'github-actions', strategy: 'rolling', taskDefinitionOwner: 'terraform', releaseBranch: 'main' }));
  });

  test('production environments require approval, others do not', () => {
    expect(environmentsOf({}).map((env) => [env.name, env.deployment.requireApproval])).toEqual([['dev', false], ['prod', true]]);
  });

  test('without a repository there are no roles and no bootstrap stack', () => {
    expect(environmentsOf({}).map((env) => env.deployment.deployRoleArn)).toEqual([undefined, undefined]);
    expect(deployment.bootstrap).toEqual([]);
  });

  test('with a repository, environments with an account use the bootstrap roles', () => {
    expect(environmentsOf({ repository: 'acme/orders' })[1].deployment).toEqual(expect.objectContaining({
      deployRoleArn: 'arn:aws:iam::444455556666:role/delivery/orders-prod-github-deploy',
      planRoleArn: 'arn:aws:iam::444455556666:role/delivery/orders-prod-github-plan',
    }));
  });

  test('blue/green and CodePipeline hand the task definition to the pipeline', () => {
    expect(resolve({ strategy: DeploymentStrategy.BLUE_GREEN }).taskDefinitionOwner).toBe('pipeline');
    expect(resolve({ pipeline: DeploymentPipeline.CODEPIPELINE, connectionArn: CONNECTION_ARN, repository: 'acme/orders' }).taskDefinitionOwner).toBe('pipeline');
  });

  test('blue/green keeps the old tasks 5 minutes and tests on port 9000', () => {
    expect(resolve({ strategy: DeploymentStrategy.BLUE_GREEN }).blueGreen).toEqual({
      terminationWaitMinutes: 5, testListenerPort: 9000, deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    });
  });
});

test.each<[string, DeploymentOptions, Partial<PlatformOptions>, string]>([
  ['unknown pipeline', { pipeline: 'jenkins' as DeploymentPipeline }, {}, 'deployment.pipeline: "jenkins" is not allowed; expected one of DeploymentPipeline.GITHUB_ACTIONS ("github-actions"), DeploymentPipeline.CODEPIPELINE ("codepipeline")'],
  ['unknown strategy', { strategy: 'canary' as DeploymentStrategy }, {}, 'deployment.strategy: "canary" is not allowed; expected one of DeploymentStrategy.ROLLING ("rolling"), DeploymentStrategy.BLUE_GREEN ("blue-green")'],
  ['Terraform owner with blue/green', { strategy: DeploymentStrategy.BLUE_GREEN, taskDefinitionOwner: TaskDefinitionOwner.TERRAFORM }, {},
    'deployment.taskDefinitionOwner: "terraform" is not allowed with the blue-green strategy; expected TaskDefinitionOwner.PIPELINE'],
  ['CodePipeline without connection', { pipeline: DeploymentPipeline.CODEPIPELINE, repository: 'acme/orders' }, {},
    'deployment.connectionArn: undefined is required with DeploymentPipeline.CODEPIPELINE'],
  ['CodePipeline without repository', { pipeline: DeploymentPipeline.CODEPIPELINE, connectionArn: CONNECTION_ARN }, {},
    'deployment.repository: undefined is required with DeploymentPipeline.CODEPIPELINE'],
  ['bad connection ARN', { connectionArn: 'arn:aws:s3:::bucket' }, {}, 'deployment.connectionArn: "arn:aws:s3:::bucket" is not a connection ARN'],
  ['bad repository', { repository: 'orders' }, {}, 'deployment.repository: "orders" is not a GitHub repository; expected "<owner>/<name>"'],
  ['owner id without repository id', { repository: 'acme/orders', ownerId: '123' }, {}, 'deployment.repositoryId: undefined is required when the other of ownerId and repositoryId is set'],
  ['non-numeric id', { repository: 'acme/orders', ownerId: 'acme', repositoryId: '1' }, {}, 'deployment.ownerId: "acme" is not a GitHub numeric id'],
  ['unknown environment', { environments: { qa: {} } }, {}, 'deployment.environments.qa: "qa" is not an environment of the project; expected one of dev, prod'],
  ['bad role ARN', { environments: { dev: { deployRoleArn: 'deployer' } } }, {}, 'deployment.environments.dev.deployRoleArn: "deployer" is not an IAM role ARN'],
  ['deploy with local state', { environments: { dev: { deployRoleArn: 'arn:aws:iam::111122223333:role/deployer' } } }, { terraformState: undefined },
    'deployment.environments.dev: "dev" is planned or deployed by GitHub Actions but Terraform state is local; set terraformState.bucket'],
  ['test port 443 with HTTPS', { strategy: DeploymentStrategy.BLUE_GREEN, blueGreenTestListenerPort: 443 },
    { loadBalancer: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21' } },
    'deployment.blueGreenTestListenerPort: 443 collides with the production listeners'],
  ['test port on the HTTP port', { strategy: DeploymentStrategy.BLUE_GREEN, blueGreenTestListenerPort: 8080 }, { loadBalancer: { httpPort: 8080 } },
    'deployment.blueGreenTestListenerPort: 8080 collides with the production listeners; expected test listener ports (8080) other than 8080'],
  ['blue-green with a Service Connect backend', { strategy: DeploymentStrategy.BLUE_GREEN }, { services: [{ name: 'web' }, { name: 'api', loadBalanced: false }] },
    'deployment.strategy: "blue-green" needs every service on the load balancer'],
  ['blue-green with HTTPS but no redirect', { strategy: DeploymentStrategy.BLUE_GREEN },
    { loadBalancer: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21', redirectHttpToHttps: false } },
    'loadBalancer.redirectHttpToHttps: false is not allowed with the blue-green strategy in dev'],
  ['termination wait', { strategy: DeploymentStrategy.BLUE_GREEN, blueGreenTerminationWaitMinutes: 3000 }, {},
    'deployment.blueGreenTerminationWaitMinutes: 3000 is not allowed; expected an integer from 0 to 2880'],
  ['bad branch', { releaseBranch: 'main..x' }, {}, 'deployment.releaseBranch: "main..x" is not a Git branch name'],
  ['mixed architectures', {}, { services: [{ name: 'a' }, { name: 'b', cpuArchitecture: CpuArchitecture.ARM64 }] },
    'services: ["X86_64","ARM64"] mixes CPU architectures for services built from this repository'],
])('%s is rejected with a clear message', (_, deployment, options, message) => {
  expect(problemsOf(deployment, options).filter((problem) => problem.includes(message))).toHaveLength(1);
});
