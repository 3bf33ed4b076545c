import type { PolicyStatement } from '../contract/policies';
import type { JobConfig } from '../contract/workloads';
import type { AwsContext } from '../core/aws-context';

/** What the job's state machine acts on. */
export interface JobRunResources {
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly executionRoleArn: string;
  readonly taskRoleArn: string;
}

/**
 * The state machine's permissions: run only the job's task definition family in the environment's
 * cluster, pass only the job's two roles to ECS tasks, list, watch and stop the cluster's tasks,
 * keep the managed rule through which `.sync` learns that the task stopped, write its logs and traces.
 */
export function stateMachineStatements(aws: AwsContext, job: JobConfig, resources: JobRunResources): PolicyStatement[] {
  const inCluster = { ArnEquals: { 'ecs:cluster': resources.clusterArn } };
  const tasks = aws.arn('ecs', `task/${resources.clusterName}/*`);
  return [
    { Sid: 'RunJobTask', Effect: 'Allow', Action: 'ecs:RunTask', Resource: aws.arn('ecs', `task-definition/${job.family}:*`), Condition: inCluster },
    // ListTasks is not resource-scoped; the condition keeps it to the environment's cluster.
    { Sid: 'ListClusterTasks', Effect: 'Allow', Action: 'ecs:ListTasks', Resource: '*', Condition: inCluster },
    { Sid: 'WatchAndStopJobTask', Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:StopTask'], Resource: tasks },
    { Sid: 'TagJobTask', Effect: 'Allow', Action: 'ecs:TagResource', Resource: tasks, Condition: { StringEquals: { 'ecs:CreateAction': 'RunTask' } } },
    {
      Sid: 'PassJobRoles',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: [resources.executionRoleArn, resources.taskRoleArn],
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    },
    {
      Sid: 'LearnWhenTaskStops',
      Effect: 'Allow',
      Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      Resource: aws.arn('events', 'rule/StepFunctionsGetEventsForECSTaskRule'),
    },
    {
      Sid: 'DeliverLogs',
      Effect: 'Allow',
      Action: [
        'logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries',
        'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups',
      ],
      // Log deliveries of vended logs have no resource-level permissions.
      Resource: '*',
    },
    {
      Sid: 'WriteTraces',
      Effect: 'Allow',
      Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
      // X-Ray has no resource-level permissions.
      Resource: '*',
    },
  ];
}

/** The scheduler's permissions: start only the job's state machine, send only to the job's dead-letter queue. */
export function schedulerStatements(stateMachineArn: string, deadLetterQueueArn: string, kmsKeyArn: string): PolicyStatement[] {
  return [
    { Sid: 'StartJobRun', Effect: 'Allow', Action: 'states:StartExecution', Resource: stateMachineArn },
    { Sid: 'SendUndeliveredRuns', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: deadLetterQueueArn },
    { Sid: 'EncryptUndeliveredRuns', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: kmsKeyArn },
  ];
}
