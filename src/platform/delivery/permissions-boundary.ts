import type { PolicyStatement } from '../contract/policies';

/** What the boundary is built for. */
export interface BoundaryContext {
  readonly partition: string;
  readonly region: string;
  /** Account id (possibly a Terraform expression). */
  readonly accountId: string;
  /** `<project>-<env>`: names of the environment's roles. */
  readonly resourcePrefix: string;
}

/**
 * Application data-plane actions a service's task role is commonly granted. The boundary is a
 * ceiling, not a grant: a role gets only what its own policies allow within it.
 */
const APPLICATION_ACTIONS = [
  's3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetBucketVersioning',
  'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable',
  'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:UpdateItem',
  'sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage', 'sqs:SendMessage',
  'sns:Publish', 'events:PutEvents',
  'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments',
  'cloudwatch:PutMetricData',
  'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue',
  'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey',
];

/** What the platform's own roles do: start tasks, ship logs, ECS Exec, the ECS agent, builds and deployments. */
const PLATFORM_ACTIONS = [
  'ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:DescribeImages',
  'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage',
  'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams', 'logs:DescribeLogGroups',
  'ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel',
  'ec2:DescribeTags', 'ecs:DeregisterContainerInstance', 'ecs:DiscoverPollEndpoint', 'ecs:Poll', 'ecs:RegisterContainerInstance',
  'ecs:StartTelemetrySession', 'ecs:Submit*', 'ecs:UpdateContainerInstancesState', 'ecs:TagResource',
  'codebuild:BatchGetBuilds', 'codebuild:StartBuild', 'codeconnections:UseConnection', 'codestar-connections:UseConnection',
  'ecs:CreateTaskSet', 'ecs:DeleteTaskSet', 'ecs:DescribeServices', 'ecs:DescribeTaskDefinition', 'ecs:DescribeTasks', 'ecs:ListTasks',
  'ecs:RegisterTaskDefinition', 'ecs:UpdateService', 'ecs:UpdateServicePrimaryTaskSet',
  // Release tasks in the pipeline: started, watched, stopped at their timeout, their log lines read.
  'ecs:RunTask', 'ecs:StopTask', 'logs:GetLogEvents',
  'codedeploy:CreateDeployment', 'codedeploy:GetApplication', 'codedeploy:GetApplicationRevision', 'codedeploy:GetDeployment',
  'codedeploy:GetDeploymentConfig', 'codedeploy:RegisterApplicationRevision',
  'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules', 'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:ModifyListener', 'elasticloadbalancing:ModifyRule',
  'cloudwatch:DescribeAlarms',
  // Scheduled jobs: the scheduler starts the job's state machine, which runs, watches and stops the task
  // (through the managed EventBridge rule of `.sync`) and delivers its logs.
  'states:StartExecution', 'ecs:RunTask', 'ecs:StopTask', 'events:DescribeRule', 'events:PutRule', 'events:PutTargets',
  'logs:CreateLogDelivery', 'logs:DeleteLogDelivery', 'logs:DescribeResourcePolicies', 'logs:GetLogDelivery', 'logs:ListLogDeliveries',
  'logs:PutResourcePolicy', 'logs:UpdateLogDelivery',
];

/**
 * The permissions boundary of every role an environment's deploy role creates: what workloads and
 * the platform's service roles may ever do, in the environment's region, and passing the
 * environment's roles to ECS tasks (pipelines and CodeDeploy start tasks). No other IAM action,
 * no STS role chaining, no Organizations or account actions: whatever policy a compromised
 * deploy role writes onto a role, that role stays inside this ceiling.
 */
export function permissionsBoundaryStatements(context: BoundaryContext): PolicyStatement[] {
  return [
    {
      Sid: 'WorkloadActionsInRegion',
      Effect: 'Allow',
      Action: [...new Set([...APPLICATION_ACTIONS, ...PLATFORM_ACTIONS])].sort(),
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': context.region } },
    },
    {
      // CloudFront is global (its requests are in us-east-1): the pipeline's site publishing invalidates its distribution.
      Sid: 'InvalidateDistributions',
      Effect: 'Allow',
      Action: 'cloudfront:CreateInvalidation',
      Resource: `arn:${context.partition}:cloudfront::${context.accountId}:distribution/*`,
    },
    {
      Sid: 'PassEnvironmentRolesToTasks',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:${context.partition}:iam::${context.accountId}:role/${context.resourcePrefix}-*`,
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    },
  ];
}
