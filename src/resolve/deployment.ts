import { DeploymentOptions, DeploymentPipeline, DeploymentStrategy, EnvironmentDeploymentOptions, TaskDefinitionOwner } from '../options';
import { OptionProblems } from './problems';
import { resolveTestListenerAllowedCidrs } from './test-listener';
import { appDirectoryOf } from '../platform/contract/app-directory';
import type { EnvironmentConfig } from '../platform/contract/config';
import { trafficContainer, trafficPort } from '../platform/contract/containers';
import type {
  BootstrapConfig,
  DeliveryRolesConfig,
  DeploymentConfig,
  EnvironmentDeploymentConfig,
  PermissionsBoundaryConfig,
  ServiceDeploymentTarget,
} from '../platform/contract/deployment-config';
import { fitName, DELIVERY_IAM_PATH, ELB_NAME_MAX, IAM_ROLE_NAME_MAX, imageRepositoryName } from '../platform/contract/naming';

/** The options the deployment configuration is resolved from. */
export interface DeploymentResolutionInput {
  /** The `deployment` option. */
  readonly deployment?: DeploymentOptions;
  /** The project's release branch. */
  readonly defaultReleaseBranch?: string;
}

/** An environment resolved but for its deployment settings (and the permissions boundary they bring). */
export type EnvironmentSettings = Omit<EnvironmentConfig, 'deployment'>;

/** The project-wide deployment settings and the environments, each with its own. */
export interface ResolvedDeployment {
  readonly deployment: DeploymentConfig;
  readonly environments: EnvironmentConfig[];
}

/** Defaults of the deployment options. */
export const DEPLOYMENT_DEFAULTS = {
  releaseBranch: 'main',
  blueGreenTerminationWaitMinutes: 5,
  blueGreenTestListenerPort: 9000,
  codeDeployConfig: 'CodeDeployDefault.ECSAllAtOnce',
} as const;

const REPOSITORY_PATTERN = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const CONNECTION_ARN_PATTERN = /^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/;
const BRANCH_PATTERN = /^(?!\/)(?!.*\/\/)(?!.*\.\.)[A-Za-z0-9._/-]{1,244}(?<![./])$/;

/**
 * Applies the deployment defaults and validates the `deployment` options against the resolved
 * environments, and gives each environment its deployment settings. Problems are recorded in
 * `problems`, never thrown here.
 */
export function resolveDeployment(
  input: DeploymentResolutionInput,
  project: string,
  environments: EnvironmentSettings[],
  problems: OptionProblems,
): ResolvedDeployment {
  const options = input.deployment ?? {};
  const pipeline = options.pipeline ?? DeploymentPipeline.GITHUB_ACTIONS;
  problems.checkEnum('deployment.pipeline', pipeline, DeploymentPipeline);
  const strategy = options.strategy ?? DeploymentStrategy.ROLLING;
  problems.checkEnum('deployment.strategy', strategy, DeploymentStrategy);

  const taskDefinitionOwner = resolveTaskDefinitionOwner(options, pipeline, strategy, problems);

  const releaseBranch = options.releaseBranch ?? input.defaultReleaseBranch ?? DEPLOYMENT_DEFAULTS.releaseBranch;
  problems.check(BRANCH_PATTERN.test(releaseBranch), 'deployment.releaseBranch', releaseBranch, 'is not a Git branch name; expected e.g. "main"');

  const github = resolveGitHub(options, problems);
  checkPipelineSource(options, pipeline, github, problems);

  const blueGreen = strategy === DeploymentStrategy.BLUE_GREEN ? resolveBlueGreen(options, environments, problems) : undefined;
  const perEnvironment = options.environments ?? {};
  const known = new Set(environments.map((env) => env.name));
  for (const name of Object.keys(perEnvironment)) {
    problems.check(known.has(name), `deployment.environments.${name}`, name, `is not an environment of the project; expected one of ${[...known].join(', ')}`);
  }

  const bootstrapped = github !== undefined;
  const bootstrapStack = bootstrapStackNames(environments);
  const resolvedEnvironments = environments.map((env): EnvironmentConfig => {
    const deliveryRoles = bootstrapped ? resolveDeliveryRoles(project, env, bootstrapStack(env)) : undefined;
    const deployment = resolveEnvironmentDeployment(project, env, perEnvironment[env.name] ?? {}, deliveryRoles, problems);
    return {
      ...env,
      deployment: blueGreen ? { ...deployment, testListenerAllowedCidrs: resolveTestListenerAllowedCidrs(options, env, problems) } : deployment,
    };
  });
  checkBuildArchitectures(environments, problems);
  checkSharedState(pipeline, resolvedEnvironments, problems);

  return {
    deployment: {
      pipeline,
      strategy,
      taskDefinitionOwner,
      releaseBranch,
      ...(blueGreen ? { blueGreen } : {}),
      ...(github ? { github } : {}),
      ...(options.connectionArn !== undefined ? { connectionArn: options.connectionArn } : {}),
      bootstrap: bootstrapped ? resolveBootstrap(environments, bootstrapStack, options.createOidcProvider ?? true) : [],
    },
    environments: resolvedEnvironments,
  };
}

/** CodePipeline reads the repository through a CodeConnections connection: both are required with it. */
function checkPipelineSource(options: DeploymentOptions, pipeline: string, github: DeploymentConfig['github'], problems: OptionProblems): void {
  if (pipeline === DeploymentPipeline.CODEPIPELINE) {
    problems.check(options.connectionArn !== undefined, 'deployment.connectionArn', options.connectionArn, 'is required with DeploymentPipeline.CODEPIPELINE; expected the ARN of a CodeConnections connection to GitHub');
    problems.check(github !== undefined, 'deployment.repository', options.repository, 'is required with DeploymentPipeline.CODEPIPELINE; expected "<owner>/<name>" of the GitHub repository');
  }
  if (options.connectionArn !== undefined) {
    problems.check(
      CONNECTION_ARN_PATTERN.test(options.connectionArn),
      'deployment.connectionArn',
      options.connectionArn,
      'is not a connection ARN; expected arn:aws:codeconnections:<region>:<account>:connection/<uuid>',
    );
  }
}

/** Who registers task definition revisions: the pipeline, necessarily so with blue/green or CodePipeline. */
function resolveTaskDefinitionOwner(options: DeploymentOptions, pipeline: string, strategy: string, problems: OptionProblems): TaskDefinitionOwner {
  const pipelineMustOwn = strategy === DeploymentStrategy.BLUE_GREEN || pipeline === DeploymentPipeline.CODEPIPELINE;
  const taskDefinitionOwner = options.taskDefinitionOwner ?? (pipelineMustOwn ? TaskDefinitionOwner.PIPELINE : TaskDefinitionOwner.TERRAFORM);
  if (problems.checkEnum('deployment.taskDefinitionOwner', taskDefinitionOwner, TaskDefinitionOwner)) {
    problems.check(
      !(pipelineMustOwn && taskDefinitionOwner === TaskDefinitionOwner.TERRAFORM),
      'deployment.taskDefinitionOwner',
      taskDefinitionOwner,
      `is not allowed with ${strategy === DeploymentStrategy.BLUE_GREEN ? 'the blue-green strategy' : 'CodePipeline'}; expected TaskDefinitionOwner.PIPELINE, because CodeDeploy and the CodePipeline ECS action register task definition revisions themselves`,
    );
  }
  return taskDefinitionOwner;
}

/**
 * One runner builds every image of the repository: one CPU architecture. Every environment runs the
 * same services, so the first is checked.
 */
function checkBuildArchitectures(environments: EnvironmentSettings[], problems: OptionProblems): void {
  const built = (environments[0]?.services ?? []).filter((service) => service.image === undefined);
  const architectures = new Set(built.map((service) => service.cpuArchitecture));
  problems.check(
    architectures.size <= 1,
    'services',
    [...architectures],
    'mixes CPU architectures for services built from this repository; expected one cpuArchitecture for all of them, because one runner builds them',
  );
}

/** Runs on GitHub Actions share state: an environment they plan or deploy needs the S3 backend. */
function checkSharedState(pipeline: string, environments: EnvironmentConfig[], problems: OptionProblems): void {
  environments.forEach((env) => {
    const { deployRoleArn, planRoleArn } = env.deployment;
    problems.check(
      pipeline !== DeploymentPipeline.GITHUB_ACTIONS || (deployRoleArn === undefined && planRoleArn === undefined) || env.state.backend === 's3',
      `deployment.environments.${env.name}`,
      env.name,
      'is planned or deployed by GitHub Actions but Terraform state is local; set terraformState.bucket so that runs share state',
    );
  });
}

function resolveGitHub(options: DeploymentOptions, problems: OptionProblems): DeploymentConfig['github'] {
  if (options.ownerId !== undefined || options.repositoryId !== undefined) {
    problems.check(
      options.ownerId !== undefined && options.repositoryId !== undefined,
      options.ownerId === undefined ? 'deployment.ownerId' : 'deployment.repositoryId',
      undefined,
      'is required when the other of ownerId and repositoryId is set; expected the numeric id GitHub reports for it',
    );
    for (const [path, value] of [['deployment.ownerId', options.ownerId], ['deployment.repositoryId', options.repositoryId]] as const) {
      if (value !== undefined) {
        problems.check(/^\d{1,20}$/.test(value), path, value, 'is not a GitHub numeric id; expected digits only, e.g. "123456789"');
      }
    }
    problems.check(options.repository !== undefined, 'deployment.repository', options.repository, 'is required when ownerId and repositoryId are set; expected "<owner>/<name>"');
  }
  if (options.repository === undefined) {
    return undefined;
  }
  problems.check(REPOSITORY_PATTERN.test(options.repository), 'deployment.repository', options.repository, 'is not a GitHub repository; expected "<owner>/<name>", e.g. "acme/orders"');
  return {
    repository: options.repository,
    ...(options.ownerId !== undefined ? { ownerId: options.ownerId } : {}),
    ...(options.repositoryId !== undefined ? { repositoryId: options.repositoryId } : {}),
  };
}

function resolveBlueGreen(options: DeploymentOptions, environments: EnvironmentSettings[], problems: OptionProblems): DeploymentConfig['blueGreen'] {
  const terminationWaitMinutes = options.blueGreenTerminationWaitMinutes ?? DEPLOYMENT_DEFAULTS.blueGreenTerminationWaitMinutes;
  problems.checkInteger('deployment.blueGreenTerminationWaitMinutes', terminationWaitMinutes, 0, 2880);
  const testListenerPort = options.blueGreenTestListenerPort ?? DEPLOYMENT_DEFAULTS.blueGreenTestListenerPort;
  const services = Math.max(...environments.map((env) => env.services.length), 1);
  if (problems.checkInteger('deployment.blueGreenTestListenerPort', testListenerPort, 1, 65535 - services + 1)) {
    const ports = Array.from({ length: services }, (_, i) => testListenerPort + i);
    const listenerPorts = (env: EnvironmentSettings) =>
      [env.loadBalancer.httpPort, ...(env.loadBalancer.https ? [env.loadBalancer.httpsPort] : [])];
    const reserved = [...new Set(environments.flatMap(listenerPorts))];
    problems.check(
      !ports.some((port) => reserved.includes(port)),
      'deployment.blueGreenTestListenerPort',
      testListenerPort,
      `collides with the production listeners; expected test listener ports (${ports.join(', ')}) other than ${reserved.join(' and ')}`,
    );
  }
  // Every environment runs the same services: checking the first reports a backend once.
  const offBalancer = (environments[0]?.services ?? []).filter((service) => service.ingress === undefined).map((service) => service.name);
  problems.check(
    offBalancer.length === 0,
    'deployment.strategy',
    DeploymentStrategy.BLUE_GREEN,
    `needs every service on the load balancer (CodeDeploy shifts traffic between target groups); ${offBalancer.join(', ')} ${offBalancer.length === 1 ? 'is' : 'are'} reached through Service Connect only`,
  );
  checkNoServiceConnect(environments, problems);
  for (const env of environments) {
    problems.check(
      !env.loadBalancer.https || env.loadBalancer.redirectHttpToHttps,
      'loadBalancer.redirectHttpToHttps',
      false,
      `is not allowed with the blue-green strategy in ${env.name}; CodeDeploy shifts one production listener, so plain HTTP must redirect to it`,
    );
  }
  return { terminationWaitMinutes, testListenerPort, deploymentConfigName: DEPLOYMENT_DEFAULTS.codeDeployConfig };
}

function resolveEnvironmentDeployment(
  project: string,
  env: EnvironmentSettings,
  options: EnvironmentDeploymentOptions,
  deliveryRoles: DeliveryRolesConfig | undefined,
  problems: OptionProblems,
): EnvironmentDeploymentConfig {
  const path = `deployment.environments.${env.name}`;
  const prefix = `${project}-${env.name}`;
  const roleArn = (name: string | undefined) => name !== undefined && env.accountId !== undefined
    ? `arn:${env.partition}:iam::${env.accountId}:role${DELIVERY_IAM_PATH}${name}`
    : undefined;
  const deployRoleArn = options.deployRoleArn ?? roleArn(deliveryRoles?.deployRoleName);
  const planRoleArn = options.planRoleArn ?? roleArn(deliveryRoles?.planRoleName);
  for (const [key, value] of [['deployRoleArn', options.deployRoleArn], ['planRoleArn', options.planRoleArn]] as const) {
    if (value !== undefined) {
      problems.check(ROLE_ARN_PATTERN.test(value), `${path}.${key}`, value, 'is not an IAM role ARN; expected arn:aws:iam::<account>:role/<name>');
    }
  }

  const ownImages = env.services.filter((service) => service.image === undefined);

  return {
    requireApproval: options.requireApproval ?? env.preset === 'production',
    ...(deliveryRoles ? { deliveryRoles } : {}),
    ...(deployRoleArn !== undefined ? { deployRoleArn } : {}),
    ...(planRoleArn !== undefined ? { planRoleArn } : {}),
    clusterName: env.cluster.name,
    codeDeployApplicationName: prefix,
    roleNames: {
      codeBuild: fitName([prefix, 'codebuild'], IAM_ROLE_NAME_MAX),
      codePipeline: fitName([prefix, 'codepipeline'], IAM_ROLE_NAME_MAX),
      codeDeploy: fitName([prefix, 'codedeploy'], IAM_ROLE_NAME_MAX),
      releaseTasks: fitName([prefix, 'release-tasks'], IAM_ROLE_NAME_MAX),
      publishSite: fitName([prefix, 'publish-site'], IAM_ROLE_NAME_MAX),
    },
    imageArchitecture: ownImages[0]?.cpuArchitecture ?? 'X86_64',
    services: env.services.map((service): ServiceDeploymentTarget => ({
      name: service.name,
      ecsServiceName: service.name,
      taskDefinitionFamily: `${prefix}-${service.name}`,
      containerName: trafficContainer(service),
      containerPort: trafficPort(service),
      ...(service.image === undefined
        ? { imageRepositoryName: imageRepositoryName(project, env, service.name), buildContext: appDirectoryOf(service.name, ownImages.length) }
        : {}),
      codeDeployDeploymentGroupName: `${prefix}-${service.name}`,
      greenTargetGroupName: fitName([project, env.name, service.name, 'green'], ELB_NAME_MAX),
    })),
  };
}

/**
 * The permissions boundary of an environment's workload roles: one managed policy per environment,
 * under the delivery path, its ARN literal when the account is configured.
 */
function permissionsBoundary(project: string, env: EnvironmentSettings): PermissionsBoundaryConfig {
  const policyName = fitName([project, env.name, 'workload', 'boundary'], IAM_ROLE_NAME_MAX);
  return {
    policyName,
    path: DELIVERY_IAM_PATH,
    ...(env.accountId !== undefined ? { arn: `arn:${env.partition}:iam::${env.accountId}:policy${DELIVERY_IAM_PATH}${policyName}` } : {}),
  };
}

/** The OIDC roles of an environment and their boundary, created by the given bootstrap stack. */
function resolveDeliveryRoles(project: string, env: EnvironmentSettings, bootstrapStack: string): DeliveryRolesConfig {
  return {
    bootstrapStack,
    deployRoleName: fitName([project, env.name, 'github', 'deploy'], IAM_ROLE_NAME_MAX),
    planRoleName: fitName([project, env.name, 'github', 'plan'], IAM_ROLE_NAME_MAX),
    rolePath: DELIVERY_IAM_PATH,
    permissionsBoundary: permissionsBoundary(project, env),
  };
}

/** One bootstrap stack per account: `bootstrap`, or `bootstrap-<account>` when the environments use several. */
function bootstrapStackNames(environments: EnvironmentSettings[]): (env: EnvironmentSettings) => string {
  const accounts = new Set(environments.map((env) => env.accountId ?? ''));
  return (env) => (accounts.size === 1 ? 'bootstrap' : `bootstrap-${env.accountId ?? 'default'}`);
}

function resolveBootstrap(
  environments: EnvironmentSettings[],
  bootstrapStack: (env: EnvironmentSettings) => string,
  createOidcProvider: boolean,
): BootstrapConfig[] {
  const groups = new Map<string, EnvironmentSettings[]>();
  for (const env of environments) {
    groups.set(bootstrapStack(env), [...(groups.get(bootstrapStack(env)) ?? []), env]);
  }
  const firstState = environments[0].state;
  return [...groups.entries()].map(([stackName, members], index) => ({
    stackName,
    ...(members[0].accountId !== undefined ? { accountId: members[0].accountId } : {}),
    region: firstState.backend === 's3' ? firstState.region : members[0].region,
    partition: members[0].partition,
    ...(index === 0 && firstState.backend === 's3' ? { stateBucket: firstState.bucket } : {}),
    createOidcProvider,
  }));
}

/** ECS rejects Service Connect on services whose deployment controller is CodeDeploy. */
function checkNoServiceConnect(environments: EnvironmentSettings[], problems: OptionProblems): void {
  const services = environments.flatMap((env) => env.services);
  const connected = [...new Set(services.filter((service) => service.serviceConnect).map((service) => service.name))];
  problems.check(
    connected.length === 0,
    'deployment.strategy',
    DeploymentStrategy.BLUE_GREEN,
    `cannot deploy services on Service Connect (${connected.join(', ')}): the CodeDeploy deployment controller does not support it; `
      + 'set cluster.serviceConnect to false (and serviceConnect on the services) or use DeploymentStrategy.ROLLING',
  );
}
