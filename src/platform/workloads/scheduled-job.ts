import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { schedulerStatements, stateMachineStatements } from './job-policies';
import { jobDefinition } from './job-state-machine';
import type { WorkloadPlacement } from './queue-worker';
import { queuePolicy } from './work-queue';
import { policyDocument, serviceTrustPolicy } from '../contract/policies';
import type { JobConfig } from '../contract/workloads';
import { NO_ATTACHMENT } from '../data/workload-attachment';
import type { AlarmActions } from '../observability/alarm-actions';
import { workloadContainerDefinitionsJson } from '../service/container-definition';
import { capacityProviderStrategy, createTaskRoles, createTaskSecurityGroup, taskDefinitionSettings, withAttachment } from '../service/task-pieces';
import type { TaskRoles } from '../service/task-roles';

/** Properties of {@link ScheduledJob}. */
export interface ScheduledJobProps extends WorkloadPlacement {
  readonly job: JobConfig;
  /** KMS key of the dead-letter queue (the messaging key). */
  readonly kmsKeyArn: string;
  /** Retention of the state machine's log group, days. */
  readonly logRetentionDays: number;
}

/**
 * A scheduled job: EventBridge Scheduler starts a Step Functions execution on the job's cron or
 * rate expression (retried, then dead-lettered); the execution skips the run while the previous
 * one still runs, runs the task with the job's task definition and network, and fails unless the
 * container exits with 0. Two alarms: failed runs, and runs the scheduler could not start.
 */
export class ScheduledJob extends Construct {
  public readonly securityGroup: SecurityGroup;
  /** Every security group of the job's tasks: its own and the client groups of its attached databases and caches. */
  public readonly securityGroupIds: string[];
  public readonly roles: TaskRoles;
  public readonly taskDefinition: EcsTaskDefinition;
  public readonly stateMachine: SfnStateMachine;
  public readonly deadLetterQueue: SqsQueue;
  public readonly schedule: SchedulerSchedule;
  public readonly failureAlarm: CloudwatchMetricAlarm;
  public readonly deadLetterAlarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const { cluster, aws } = props;
    const attachment = props.attachment ?? NO_ATTACHMENT;
    const job = withAttachment(props.job, attachment);
    props = { ...props, job };
    this.securityGroup = createTaskSecurityGroup(this, {
      name: job.securityGroupName,
      description: `Tasks of ${job.family}: no inbound traffic (a scheduled job)`,
      vpcId: props.vpcId,
    });
    this.securityGroupIds = [this.securityGroup.id, ...attachment.securityGroupIds];
    this.roles = createTaskRoles(this, aws, job, cluster, props.imageRepositoryArn, attachment);
    this.taskDefinition = new EcsTaskDefinition(this, 'task_definition', taskDefinitionSettings(job.family, job, this.roles,
      workloadContainerDefinitionsJson({
        task: job,
        image: props.image,
        logGroupName: cluster.logGroupName,
        region: aws.region,
        additionalEnvironment: props.additionalEnvironment,
      })));
    this.stateMachine = this.createStateMachine(props);
    this.deadLetterQueue = new SqsQueue(this, 'dead_letter_queue', {
      name: job.deadLetterQueueName,
      kmsMasterKeyId: props.kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionSeconds: 1209600,
    });
    new SqsQueuePolicy(this, 'dead_letter_policy', { queueUrl: this.deadLetterQueue.url, policy: queuePolicy(this.deadLetterQueue.arn, []) });
    this.schedule = this.createSchedule(props);
    this.failureAlarm = this.createFailureAlarm(job, props.alarmActions);
    this.deadLetterAlarm = new CloudwatchMetricAlarm(this, 'dead_letter_alarm', {
      alarmName: job.deadLetterAlarmName,
      alarmDescription: `The scheduler could not start ${job.family} after ${job.retryAttempts} retries; the undelivered runs wait in ${job.deadLetterQueueName}`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: this.deadLetterQueue.name },
      statistic: 'Maximum',
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      treatMissingData: 'notBreaching',
      ...props.alarmActions,
    });
  }

  private createStateMachine(props: ScheduledJobProps): SfnStateMachine {
    const { job, cluster, aws } = props;
    const role = new IamRole(this, 'state_machine_role', {
      name: job.stateMachineRoleName,
      description: `Runs the task of ${job.family} for its schedule`,
      assumeRolePolicy: serviceTrustPolicy('states.amazonaws.com', aws.accountId),
    });
    const policy = new IamRolePolicy(this, 'state_machine_policy', {
      name: 'run-job',
      role: role.id,
      policy: policyDocument(stateMachineStatements(aws, job, {
        clusterArn: cluster.clusterArn,
        clusterName: cluster.clusterName,
        executionRoleArn: this.roles.executionRole.arn,
        taskRoleArn: this.roles.taskRole.arn,
      })),
    });
    const logGroup = new CloudwatchLogGroup(this, 'state_machine_log_group', {
      name: job.stateMachineLogGroupName,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: cluster.kmsKeyArn,
    });
    const definition = jobDefinition(job, {
      partition: aws.partition,
      clusterArn: cluster.clusterArn,
      subnetIds: props.subnetIds,
      securityGroupIds: this.securityGroupIds,
      capacityProviderStrategy: capacityProviderStrategy(job, cluster),
    });
    return new SfnStateMachine(this, 'state_machine', {
      name: job.stateMachineName,
      roleArn: role.arn,
      definition: Fn.jsonencode(definition),
      loggingConfiguration: { logDestination: `${logGroup.arn}:*`, includeExecutionData: false, level: 'ERROR' },
      tracingConfiguration: { enabled: true },
      dependsOn: [policy],
    });
  }

  private createSchedule(props: ScheduledJobProps): SchedulerSchedule {
    const { job, aws } = props;
    const role = new IamRole(this, 'scheduler_role', {
      name: job.schedulerRoleName,
      description: `Starts the runs of ${job.family}`,
      assumeRolePolicy: serviceTrustPolicy('scheduler.amazonaws.com', aws.accountId),
    });
    const policy = new IamRolePolicy(this, 'scheduler_policy', {
      name: 'start-job',
      role: role.id,
      policy: policyDocument(schedulerStatements(this.stateMachine.arn, this.deadLetterQueue.arn, props.kmsKeyArn)),
    });
    return new SchedulerSchedule(this, 'schedule', {
      name: job.scheduleName,
      description: `Runs ${job.family}`,
      scheduleExpression: job.schedule,
      scheduleExpressionTimezone: job.timezone,
      state: job.enabled ? 'ENABLED' : 'DISABLED',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: this.stateMachine.arn,
        roleArn: role.arn,
        input: '{}',
        retryPolicy: { maximumRetryAttempts: job.retryAttempts, maximumEventAgeInSeconds: job.maximumEventAgeSeconds },
        deadLetterConfig: { arn: this.deadLetterQueue.arn },
      },
      dependsOn: [policy],
    });
  }

  /** Failed, timed-out or aborted runs in the last five minutes. */
  private createFailureAlarm(job: JobConfig, actions: AlarmActions | undefined): CloudwatchMetricAlarm {
    const metric = (id: string, metricName: string) => ({
      id,
      returnData: false,
      metric: {
        namespace: 'AWS/States',
        metricName,
        dimensions: { StateMachineArn: this.stateMachine.arn },
        stat: 'Sum',
        period: 300,
      },
    });
    return new CloudwatchMetricAlarm(this, 'failure_alarm', {
      alarmName: job.failureAlarmName,
      alarmDescription: `A run of ${job.family} failed (non-zero exit, no exit code, timeout after ${job.timeoutSeconds} s, or aborted)`,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      evaluationPeriods: 1,
      treatMissingData: 'notBreaching',
      ...actions,
      metricQuery: [
        metric('failed', 'ExecutionsFailed'),
        metric('timed_out', 'ExecutionsTimedOut'),
        metric('aborted', 'ExecutionsAborted'),
        { id: 'failures', expression: 'FILL(failed, 0) + FILL(timed_out, 0) + FILL(aborted, 0)', label: 'Failed runs', returnData: true },
      ],
    });
  }
}
