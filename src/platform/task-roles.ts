import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { AwsContext } from './aws-context';
import { boundedName, IAM_ROLE_NAME_MAX } from './naming';
import { policyDocument, PolicyStatement, serviceTrustPolicy } from './policies';

const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

/** Properties of {@link TaskRoles}. */
export interface TaskRolesProps {
  /** Provider, partition, region and account of the stack. */
  readonly aws: AwsContext;
  /** Prefix of the role names, e.g. `<project>-<env>-<service>`. */
  readonly namePrefix: string;
  /** ARN of the service's ECR repository; no ECR permissions when the image comes from elsewhere. */
  readonly imageRepositoryArn?: string;
  /** ARN of the log group the containers write to. */
  readonly logGroupArn: string;
}

/**
 * The two roles of a task: the execution role ECS uses to pull the image and ship logs, limited to
 * the service's repository and log group, and the task role the application runs as, which starts
 * without permissions.
 */
export class TaskRoles extends Construct {
  /** Role ECS assumes to start the task. */
  public readonly executionRole: IamRole;
  /** Inline policy of the execution role. */
  public readonly executionRolePolicy: IamRolePolicy;
  /** Role the application's AWS SDK calls run as; attach policies here. */
  public readonly taskRole: IamRole;

  constructor(scope: Construct, id: string, props: TaskRolesProps) {
    super(scope, id);
    const trustPolicy = serviceTrustPolicy(ECS_TASKS_PRINCIPAL, props.aws.accountId);

    this.executionRole = new IamRole(this, 'execution_role', {
      name: boundedName(`${props.namePrefix}-execution`, IAM_ROLE_NAME_MAX),
      description: 'Lets ECS pull the service image and write its logs',
      assumeRolePolicy: trustPolicy,
    });
    const statements: PolicyStatement[] = [];
    if (props.imageRepositoryArn !== undefined) {
      statements.push(
        {
          Sid: 'GetEcrToken',
          Effect: 'Allow',
          Action: 'ecr:GetAuthorizationToken',
          // ECR authorization tokens are not tied to a repository; AWS only accepts "*" here.
          Resource: '*',
        },
        {
          Sid: 'PullServiceImage',
          Effect: 'Allow',
          Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
          Resource: props.imageRepositoryArn,
        },
      );
    }
    statements.push({
      Sid: 'WriteServiceLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${props.logGroupArn}:*`,
    });
    this.executionRolePolicy = new IamRolePolicy(this, 'execution_role_policy', {
      name: 'pull-image-write-logs',
      role: this.executionRole.id,
      policy: policyDocument(statements),
    });

    this.taskRole = new IamRole(this, 'task_role', {
      name: boundedName(`${props.namePrefix}-task`, IAM_ROLE_NAME_MAX),
      description: 'Identity of the service\'s application; no permissions until you grant some',
      assumeRolePolicy: trustPolicy,
    });
  }
}
