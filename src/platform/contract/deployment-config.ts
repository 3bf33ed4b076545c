/**
 * How the services are built and deployed: resolved from the `deployment` options, every default
 * applied and every name computed, so that the stacks and the generated workflows agree.
 */
export interface DeploymentConfig {
  /** What deploys the services. */
  readonly pipeline: 'github-actions' | 'codepipeline';
  /** Rolling ECS deployments, or blue/green through CodeDeploy. */
  readonly strategy: 'rolling' | 'blue-green';
  /** Who registers the task definition revisions the services run. */
  readonly taskDefinitionOwner: 'terraform' | 'pipeline';
  /** Branch whose pushes are deployed. */
  readonly releaseBranch: string;
  /** Blue/green settings; present with the blue-green strategy. */
  readonly blueGreen?: BlueGreenConfig;
  /** The GitHub repository and OIDC trust; present when a repository is configured. */
  readonly github?: GitHubTrustConfig;
  /** CodeConnections connection of CodePipeline; present with the CodePipeline option. */
  readonly connectionArn?: string;
  /** The bootstrap stacks: one per account; empty when no repository is configured. */
  readonly bootstrap: BootstrapConfig[];
}

/** Blue/green deployments through CodeDeploy. */
export interface BlueGreenConfig {
  /** Minutes the old tasks are kept after traffic shifted. */
  readonly terminationWaitMinutes: number;
  /** Port of the first service's test listener; later services follow one by one. */
  readonly testListenerPort: number;
  /** CodeDeploy deployment configuration. */
  readonly deploymentConfigName: string;
}

/** The GitHub repository allowed to deploy. */
export interface GitHubTrustConfig {
  /** `<owner>/<name>`. */
  readonly repository: string;
  /** Numeric owner id, for the immutable OIDC subject format. */
  readonly ownerId?: string;
  /** Numeric repository id, for the immutable OIDC subject format. */
  readonly repositoryId?: string;
}

/** Names of one service's deployment targets. */
export interface ServiceDeploymentTarget {
  /** Service name (also the name of the application container). */
  readonly name: string;
  /** Container the load balancer targets: the application, or its reverse proxy. */
  readonly containerName: string;
  /** ECS service name. */
  readonly ecsServiceName: string;
  /** Task definition family. */
  readonly taskDefinitionFamily: string;
  /** Port of the targeted container, for the CodeDeploy AppSpec and the green target group. */
  readonly containerPort: number;
  /** ECR repository name; absent when the service runs an external image. */
  readonly imageRepositoryName?: string;
  /** Directory its image is built from (`app` or `app/<service>`); absent with an external image. */
  readonly buildContext?: string;
  /** CodeDeploy deployment group name (blue/green). */
  readonly codeDeployDeploymentGroupName: string;
  /** Name of the second (green) target group (blue/green, AWS limit 32 characters). */
  readonly greenTargetGroupName: string;
}

/** A service whose image this repository builds: it has an ECR repository and a build directory. */
export type BuiltServiceTarget = ServiceDeploymentTarget & { readonly imageRepositoryName: string; readonly buildContext: string };

/** Whether this repository builds the service's image (the service runs no external image). */
export function isBuiltHere(service: ServiceDeploymentTarget): service is BuiltServiceTarget {
  return service.imageRepositoryName !== undefined && service.buildContext !== undefined;
}

/**
 * Deployment settings of one environment (`EnvironmentConfig.deployment`): who deploys and plans it
 * and the names its deployments work with.
 */
export interface EnvironmentDeploymentConfig {
  /** Deployed only after a person approved it. */
  readonly requireApproval: boolean;
  /** OIDC role of the GitHub Actions deploy job; no deploy job without it. */
  readonly deployRoleArn?: string;
  /** OIDC role of the pull request plan; no plan without it. */
  readonly planRoleArn?: string;
  /** ECS cluster name. */
  readonly clusterName: string;
  /** CodeDeploy application name (blue/green). */
  readonly codeDeployApplicationName: string;
  /** The services of the environment. */
  readonly services: ServiceDeploymentTarget[];
  /** IPv4 CIDR blocks admitted to the blue/green test listeners; present with the blue-green strategy. */
  readonly testListenerAllowedCidrs?: string[];
  /** CPU architecture of the image built from `app/`. */
  readonly imageArchitecture: 'X86_64' | 'ARM64';
  /** Names of the roles of the environment's deployment resources (fitted to IAM's 64 characters). */
  readonly roleNames: DeploymentRoleNames;
  /** The OIDC roles and the permissions boundary; present when a repository is configured (a bootstrap stack creates them). */
  readonly deliveryRoles?: DeliveryRolesConfig;
}

/**
 * The managed policy the bootstrap stack creates per environment as permissions boundary of every
 * role the environment's deploy role creates (task, execution, instance, flow log and pipeline roles).
 */
export interface PermissionsBoundaryConfig {
  /** Policy name. */
  readonly policyName: string;
  /** IAM path of the policy, e.g. `/delivery/`. */
  readonly path: string;
  /** Full ARN, when the environment's account is configured; built from the stack's account otherwise. */
  readonly arn?: string;
}

/** What one account needs once so that pipelines can deploy to it. */
export interface BootstrapConfig {
  /** Stack name: `bootstrap`, or `bootstrap-<account>` when environments use several accounts. */
  readonly stackName: string;
  /** Account id; absent when the environments leave it to the credentials. */
  readonly accountId?: string;
  /** Region of the stack's provider (the state bucket's region). */
  readonly region: string;
  /** AWS partition. */
  readonly partition: string;
  /** State bucket created by this stack; absent when another bootstrap stack creates it or state is local. */
  readonly stateBucket?: string;
  /** Create the GitHub OIDC provider (false: it exists already). */
  readonly createOidcProvider: boolean;
}

/**
 * The OIDC roles GitHub Actions assumes in one environment, created by the bootstrap stack of the
 * environment's account, and the boundary of every role the environment's stacks create.
 */
export interface DeliveryRolesConfig {
  /** The bootstrap stack that creates them (`BootstrapConfig.stackName`). */
  readonly bootstrapStack: string;
  /** Name of the role the deploy job assumes. */
  readonly deployRoleName: string;
  /** Name of the read-only role pull requests plan with. */
  readonly planRoleName: string;
  /** IAM path of both roles and of their policies. */
  readonly rolePath: string;
  /** The permissions boundary the deploy role must put on every role it creates. */
  readonly permissionsBoundary: PermissionsBoundaryConfig;
}

/** Names of the IAM roles of an environment's deployment resources. */
export interface DeploymentRoleNames {
  /** CodeBuild image builds (CodePipeline). */
  readonly codeBuild: string;
  /** The CodePipeline. */
  readonly codePipeline: string;
  /** CodeDeploy blue/green deployments. */
  readonly codeDeploy: string;
  /** CodeBuild runs of the services' release tasks (CodePipeline). */
  readonly releaseTasks: string;
  /** CodeBuild runs of `publish-site` (CodePipeline, with a static site). */
  readonly publishSite: string;
}
