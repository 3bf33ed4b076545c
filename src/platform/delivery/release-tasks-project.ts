import { Construct } from 'constructs';
import { releaseBuildspec } from './buildspec';
import { OperationsBuildProject } from './operations-build-project';
import { passTaskRoles } from './pipeline-permissions';
import type { ServiceConfig } from '../contract/config';
import type { EnvironmentDeploymentConfig, ServiceDeploymentTarget } from '../contract/deployment-config';
import type { PolicyStatement } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Minutes CodeBuild allows a build at most. */
const BUILD_TIMEOUT_MAX_MINUTES = 2160;
/** Minutes for installing the dependencies and registering the revision, besides the task itself. */
const SETUP_MINUTES = 15;

/** Properties of {@link ReleaseTasksProject}. */
export interface ReleaseTasksProjectProps {
  readonly aws: AwsContext;
  /** Environment name: the `release-task:<env>` task. */
  readonly environment: string;
  /** Deployment settings of the environment: cluster and role names. */
  readonly target: EnvironmentDeploymentConfig;
  /** The services with a release task, with their configuration (roles, timeout). */
  readonly services: ReadonlyArray<{ readonly target: ServiceDeploymentTarget; readonly config: ServiceConfig }>;
  /** Name of the CodeBuild project. */
  readonly projectName: string;
  /** Log group of the builds, and of the services (the task's log lines are printed). */
  readonly buildLogGroupName: string;
  readonly serviceLogGroupName: string;
  /** Reading the source artifact and its key. */
  readonly artifactAccess: PolicyStatement[];
  /** KMS key of the build's artifacts. */
  readonly encryptionKeyArn: string;
  /** CodeBuild image. */
  readonly image: { readonly type: string; readonly image: string };
}

/**
 * The CodeBuild project the pipeline's release stage runs once per service with a release task
 * (`RELEASE_SERVICE`), with a role that may run exactly those services' task definition families
 * in the environment's cluster, pass exactly their task and execution roles to ECS, and watch,
 * stop and read the logs of the tasks.
 */
export class ReleaseTasksProject extends Construct {
  /** The project and its role. */
  public readonly build: OperationsBuildProject;
  /** Names of the services it runs release tasks for, in pipeline order. */
  public readonly services: string[];

  constructor(scope: Construct, id: string, props: ReleaseTasksProjectProps) {
    super(scope, id);
    this.services = props.services.map((service) => service.target.name);
    const longest = Math.max(...props.services.map((service) => service.config.release?.timeoutSeconds ?? 0));
    this.build = new OperationsBuildProject(this, 'build', {
      aws: props.aws,
      projectName: props.projectName,
      roleName: props.target.roleNames.releaseTasks,
      description: `Runs the release tasks of ${this.services.join(', ')} in ${props.environment} before the pipeline deploys`,
      policyName: 'run-release-tasks',
      statements: [...props.artifactAccess, ...releasePermissions(props)],
      buildspec: releaseBuildspec(props.environment),
      timeoutMinutes: Math.min(BUILD_TIMEOUT_MAX_MINUTES, Math.ceil(longest / 60) + SETUP_MINUTES),
      buildLogGroupName: props.buildLogGroupName,
      encryptionKeyArn: props.encryptionKeyArn,
      image: props.image,
    });
  }
}

/** What `release-task:<env>` calls, scoped to the releasing services. */
function releasePermissions(props: ReleaseTasksProjectProps): PolicyStatement[] {
  const { aws, target } = props;
  const clusterArn = aws.arn('ecs', `cluster/${target.clusterName}`);
  const services = props.services.map((service) => service.target);
  return [
    { Sid: 'ReadIdentity', Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
    { Sid: 'DescribeServices', Effect: 'Allow', Action: 'ecs:DescribeServices', Resource: services.map((service) => aws.arn('ecs', `service/${target.clusterName}/${service.ecsServiceName}`)) },
    // Registering and reading task definitions has no resource-level permissions.
    { Sid: 'RegisterTaskDefinitions', Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition'], Resource: '*' },
    {
      Sid: 'RunReleaseTasks',
      Effect: 'Allow',
      Action: 'ecs:RunTask',
      Resource: services.map((service) => aws.arn('ecs', `task-definition/${service.taskDefinitionFamily}:*`)),
      Condition: { ArnEquals: { 'ecs:cluster': clusterArn } },
    },
    { Sid: 'WatchReleaseTasks', Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:StopTask'], Resource: aws.arn('ecs', `task/${target.clusterName}/*`) },
    { Sid: 'ReadTaskLogs', Effect: 'Allow', Action: 'logs:GetLogEvents', Resource: `${aws.logGroupArn(props.serviceLogGroupName)}:*` },
    passTaskRoles(aws, props.services.flatMap((service) => [service.config.executionRoleName, service.config.taskRoleName])),
  ];
}
