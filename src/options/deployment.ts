/**
 * What deploys the services to the environments.
 */
export enum DeploymentPipeline {
  /**
   * GitHub Actions: on every push to the release branch, each environment in turn gets its
   * network and cluster applied, the image pushed to its ECR repository and the service applied
   * or deployed, then the rollout is checked.
   */
  GITHUB_ACTIONS = 'github-actions',
  /**
   * AWS CodePipeline per environment: a CodeConnections GitHub source, CodeBuild building and
   * pushing the image, then the ECS deploy action (rolling) or CodeDeploy (blue/green).
   * The infrastructure stacks are applied with Terraform outside the pipeline.
   */
  CODEPIPELINE = 'codepipeline',
}

/**
 * How a new version of a service replaces the running one.
 */
export enum DeploymentStrategy {
  /** ECS rolling update with the deployment circuit breaker: 100 % healthy minimum, 200 % maximum. */
  ROLLING = 'rolling',
  /**
   * Blue/green with AWS CodeDeploy: a second target group and a test listener receive the new
   * tasks, traffic shifts once they are healthy, and the deployment rolls back on failure or alarm.
   */
  BLUE_GREEN = 'blue-green',
}

/**
 * Who registers the task definition revisions the ECS service runs.
 */
export enum TaskDefinitionOwner {
  /**
   * Terraform: the service stack registers every revision (the image tag is a variable) and
   * updates the service; the pipeline only pushes images and applies the stack.
   */
  TERRAFORM = 'terraform',
  /**
   * The pipeline: Terraform registers the first revision and then ignores the service's task
   * definition; every deployment registers a revision from the latest one with the new image.
   */
  PIPELINE = 'pipeline',
}

/**
 * Deployment settings of one environment.
 */
export interface EnvironmentDeploymentOptions {
  /**
   * Deploy this environment only after a person approved it. With GitHub Actions, pushes stop
   * before this environment and it is deployed by running the deploy workflow by hand (a GitHub
   * Environment of the same name can add required reviewers); with CodePipeline, a manual
   * approval action precedes the deploy stage.
   * @default - true for environments with the PRODUCTION preset, false otherwise
   */
  readonly requireApproval?: boolean;

  /**
   * IAM role the GitHub Actions deploy job assumes through OIDC. Its trust policy must admit the
   * subject `repo:<owner>/<repo>:environment:<environment>` (the bootstrap stack creates it so).
   * @default - the bootstrap stack's deploy role when `repository` is set and the environment names
   * its account; otherwise no deploy job for this environment
   */
  readonly deployRoleArn?: string;

  /**
   * IAM role (read-only) the pull request workflow assumes through OIDC to plan the environment's
   * stacks. Its trust policy must admit `repo:<owner>/<repo>:pull_request`.
   * @default - the bootstrap stack's plan role when `repository` is set and the environment names
   * its account; otherwise pull requests are not planned against this environment
   */
  readonly planRoleArn?: string;
}

/**
 * How the services are built and deployed.
 */
export interface DeploymentOptions {
  /**
   * What deploys the services.
   * @default - DeploymentPipeline.GITHUB_ACTIONS
   */
  readonly pipeline?: DeploymentPipeline;

  /**
   * How a new version replaces the running one.
   * @default - DeploymentStrategy.ROLLING
   */
  readonly strategy?: DeploymentStrategy;

  /**
   * Who registers the task definition revisions. Blue/green and CodePipeline need the pipeline
   * to own them: CodeDeploy and the CodePipeline ECS action register revisions themselves.
   * @default - TaskDefinitionOwner.TERRAFORM for rolling deployments with GitHub Actions, TaskDefinitionOwner.PIPELINE otherwise
   */
  readonly taskDefinitionOwner?: TaskDefinitionOwner;

  /**
   * Branch whose pushes are deployed.
   * @default - the project's `defaultReleaseBranch`
   */
  readonly releaseBranch?: string;

  /**
   * The GitHub repository, `<owner>/<name>`. Scopes the bootstrap stack's OIDC trust policies and
   * is the CodePipeline source. When set, a `bootstrap` stack is synthesized.
   * @default - no bootstrap stack; role ARNs must be given per environment
   */
  readonly repository?: string;

  /**
   * Numeric id of the repository's owner (organization or user), for GitHub's immutable OIDC subject
   * `repo:<owner>@<ownerId>/<repo>@<repositoryId>:…`. Set together with `repositoryId`; the trust
   * policies then admit both subject formats and require the repository id claim.
   * @default - only the name-based subject is trusted
   */
  readonly ownerId?: string;

  /**
   * Numeric id of the repository, for the immutable OIDC subject format (see `ownerId`).
   * @default - only the name-based subject is trusted
   */
  readonly repositoryId?: string;

  /**
   * Create the account's GitHub OIDC identity provider in the bootstrap stack. An account has at
   * most one provider per URL: set false when it already exists.
   * @default true
   */
  readonly createOidcProvider?: boolean;

  /**
   * ARN of an AWS CodeConnections (or CodeStar Connections) connection to GitHub, used as the
   * CodePipeline source. Connections are created PENDING and must be completed once in the console.
   * @default - required with DeploymentPipeline.CODEPIPELINE
   */
  readonly connectionArn?: string;

  /**
   * Minutes CodeDeploy keeps the old (blue) tasks after traffic moved to the new ones, so that a
   * rollback is instant. 0 to 2880.
   * @default 5
   */
  readonly blueGreenTerminationWaitMinutes?: number;

  /**
   * Port of the test listener through which blue/green deployments reach the new tasks before
   * traffic shifts; the services after the first get the following ports.
   * @default 9000
   */
  readonly blueGreenTestListenerPort?: number;

  /**
   * IPv4 CIDR blocks admitted to the blue/green test listeners. The test listener serves the new tasks
   * before they are approved, so it is not open to the internet: by default only clients inside the VPC
   * (CodeDeploy hooks, a bastion, a VPN) reach it. Required with an existing VPC, whose range the
   * configuration does not know.
   * @default - the environment's VPC CIDR block
   */
  readonly blueGreenTestListenerAllowedCidrs?: string[];

  /**
   * Settings per environment, keyed by environment name.
   * @default {}
   */
  readonly environments?: { [environmentName: string]: EnvironmentDeploymentOptions };
}
