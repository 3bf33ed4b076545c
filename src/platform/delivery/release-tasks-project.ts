import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { releaseBuildspec } from './buildspec';
import { passTaskRoles } from './pipeline-permissions';
import type { ServiceConfig } from '../contract/config';
import type { EnvironmentDeploymentConfig, ServiceDeploymentTarget } from '../contract/deployment-config';
import { policyDocument, PolicyStatement, serviceTrustPolicy } from '../contract/policies';
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
  /** CodeBuild image, e.g. `{ type: 'LINUX_CONTAINER', image: 'aws/codebuild/amazonlinux-x86_64-standard:5.0' }`. */
  readonly image: { readonly type: string; readonly image: string };
}

/**
 * The CodeBuild project the pipeline's release stage runs once per service with a release task
 * (`RELEASE_SERVICE`), with a role that may run exactly those services' task definition families
 * in the environment's cluster, pass exactly their task and execution roles to ECS, and watch,
 * stop and read the logs of the tasks. Not privileged: it builds no image.
 */
export class ReleaseTasksProject extends Construct {
  /** Role of the builds. */
  public readonly role: IamRole;
  /** The project. */
  public readonly project: CodebuildProject;
  /** Names of the services it runs release tasks for, in pipeline order. */
  public readonly services: string[];

  constructor(scope: Construct, id: string, props: ReleaseTasksProjectProps) {
    super(scope, id);
    const { aws, target } = props;
    this.services = props.services.map((service) => service.target.name);
    this.role = new IamRole(this, 'role', {
      name: target.roleNames.releaseTasks,
      description: `CodeBuild runs of the release tasks of ${props.services.map((service) => service.target.name).join(', ')} in ${props.environment}`,
      assumeRolePolicy: serviceTrustPolicy(`codebuild.${aws.dnsSuffix}`, aws.accountId),
    });
    new IamRolePolicy(this, 'policy', { role: this.role.id, name: 'run-release-tasks', policy: policyDocument([...props.artifactAccess, ...releasePermissions(props)]) });
    const longest = Math.max(...props.services.map((service) => service.config.release?.timeoutSeconds ?? 0));
    this.project = new CodebuildProject(this, 'project', {
      name: props.projectName,
      description: `Runs the release tasks of ${props.environment} before the pipeline deploys`,
      serviceRole: this.role.arn,
      encryptionKey: props.encryptionKeyArn,
      buildTimeout: Math.min(BUILD_TIMEOUT_MAX_MINUTES, Math.ceil(longest / 60) + SETUP_MINUTES),
      source: { type: 'CODEPIPELINE', buildspec: releaseBuildspec(props.environment) },
      artifacts: { type: 'CODEPIPELINE' },
      environment: { type: props.image.type, computeType: 'BUILD_GENERAL1_SMALL', image: props.image.image, privilegedMode: false },
      logsConfig: { cloudwatchLogs: { status: 'ENABLED', groupName: props.buildLogGroupName } },
    });
  }
}

/** What `release-task:<env>` calls, scoped to the releasing services. */
function releasePermissions(props: ReleaseTasksProjectProps): PolicyStatement[] {
  const { aws, target } = props;
  const clusterArn = aws.arn('ecs', `cluster/${target.clusterName}`);
  const services = props.services.map((service) => service.target);
  return [
    { Sid: 'WriteBuildLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${aws.logGroupArn(props.buildLogGroupName)}:*` },
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
