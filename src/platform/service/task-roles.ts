import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { SecretConfig } from '../contract/config';
import { policyDocument, PolicyStatement, serviceTrustPolicy } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

/** Properties of {@link TaskRoles}. */
export interface TaskRolesProps {
  /** Provider, partition, region and account of the stack. */
  readonly aws: AwsContext;
  /** Names of the roles, decided by the configuration. */
  readonly names: { readonly execution: string; readonly task: string };
  /** ARN of the service's ECR repository; no ECR permissions when the image comes from elsewhere. */
  readonly imageRepositoryArn?: string;
  /** ARN of the log group the containers write to. */
  readonly logGroupArn: string;
  /** Secrets the execution role reads when starting a task. */
  readonly secrets: SecretConfig[];
  /** KMS keys that may decrypt those secrets (through Secrets Manager or SSM only). */
  readonly secretKeyArns: string[];
  /** Statements of the task role from the attached data resources (exact resources). */
  readonly dataStatements?: PolicyStatement[];
  /** ECS Exec: the task role opens SSM sessions and writes their audit log. */
  readonly execute?: {
    /** KMS key encrypting the sessions. */
    readonly kmsKeyArn: string;
    /** Audit log group of the sessions. */
    readonly logGroupArn: string;
  };
}

/**
 * The two roles of a task: the execution role ECS uses to pull the image, read the secrets and
 * ship logs, limited to the service's repository, secrets and log group, and the task role the
 * application runs as, which starts without permissions (but ECS Exec's, when allowed).
 */
export class TaskRoles extends Construct {
  /** Role ECS assumes to start the task. */
  public readonly executionRole: IamRole;
  /** Inline policy of the execution role. */
  public readonly executionRolePolicy: IamRolePolicy;
  /** Role the application's AWS SDK calls run as; attach policies here. */
  public readonly taskRole: IamRole;
  /** ECS Exec permissions of the task role, when ECS Exec is allowed. */
  public readonly executeCommandPolicy?: IamRolePolicy;
  /** Access of the task role to the attached data resources, when any are attached. */
  public readonly dataAccessPolicy?: IamRolePolicy;

  constructor(scope: Construct, id: string, props: TaskRolesProps) {
    super(scope, id);
    const trustPolicy = serviceTrustPolicy(ECS_TASKS_PRINCIPAL, props.aws.accountId);

    this.executionRole = new IamRole(this, 'execution_role', {
      name: props.names.execution,
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
    statements.push(...secretStatements(props));
    statements.push({
      Sid: 'WriteServiceLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${props.logGroupArn}:*`,
    });
    this.executionRolePolicy = new IamRolePolicy(this, 'execution_role_policy', {
      name: 'start-task',
      role: this.executionRole.id,
      policy: policyDocument(statements),
    });

    this.taskRole = new IamRole(this, 'task_role', {
      name: props.names.task,
      description: 'Identity of the service\'s application; no permissions until you grant some',
      assumeRolePolicy: trustPolicy,
    });
    if (props.dataStatements !== undefined && props.dataStatements.length > 0) {
      this.dataAccessPolicy = new IamRolePolicy(this, 'data_access_policy', {
        name: 'data-access',
        role: this.taskRole.id,
        policy: policyDocument(props.dataStatements),
      });
    }
    if (props.execute !== undefined) {
      this.executeCommandPolicy = new IamRolePolicy(this, 'execute_command_policy', {
        name: 'ecs-exec',
        role: this.taskRole.id,
        policy: policyDocument(executeCommandStatements(props.execute.kmsKeyArn, props.execute.logGroupArn)),
      });
    }
  }
}

/** Read exactly the configured secrets, and decrypt them only through the services that hold them. */
function secretStatements(props: TaskRolesProps): PolicyStatement[] {
  if (props.secrets.length === 0) {
    return [];
  }
  const arnOf = (secret: SecretConfig) => secret.resourceArn ?? props.aws.arn('ssm', `parameter${secret.valueFrom}`);
  const unique = (values: string[]) => [...new Set(values)];
  const parameters = unique(props.secrets.filter((s) => s.source === 'ssm').map(arnOf));
  const secrets = unique(props.secrets.filter((s) => s.source === 'secretsmanager').map(arnOf));
  const statements: PolicyStatement[] = [];
  if (parameters.length > 0) {
    statements.push({ Sid: 'ReadParameters', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: parameters });
  }
  if (secrets.length > 0) {
    statements.push({ Sid: 'ReadSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secrets });
  }
  statements.push({
    Sid: 'DecryptSecrets',
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: unique(props.secretKeyArns),
    Condition: {
      StringEquals: {
        'kms:ViaService': [
          ...(parameters.length > 0 ? [`ssm.${props.aws.region}.${props.aws.dnsSuffix}`] : []),
          ...(secrets.length > 0 ? [`secretsmanager.${props.aws.region}.${props.aws.dnsSuffix}`] : []),
        ],
      },
    },
  });
  return statements;
}

/** What the SSM agent in a task needs for ECS Exec sessions, their encryption and their audit log. */
function executeCommandStatements(kmsKeyArn: string, logGroupArn: string): PolicyStatement[] {
  return [
    {
      Sid: 'OpenSessionChannels',
      Effect: 'Allow',
      Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
      // Session channels have no resource ARN; AWS only accepts "*" here.
      Resource: '*',
    },
    { Sid: 'DecryptSessions', Effect: 'Allow', Action: 'kms:Decrypt', Resource: kmsKeyArn },
    {
      Sid: 'AuditSessions',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      Resource: `${logGroupArn}:*`,
    },
    {
      Sid: 'FindAuditLogGroup',
      Effect: 'Allow',
      Action: 'logs:DescribeLogGroups',
      // DescribeLogGroups is not resource-scoped.
      Resource: '*',
    },
  ];
}
