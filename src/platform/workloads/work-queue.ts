import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Construct } from 'constructs';
import { toIdentifier } from '../contract/naming';
import { policyDocument, PolicyStatement } from '../contract/policies';
import type { QueueConfig, TopicSubscriptionConfig } from '../contract/workloads';
import type { AwsContext } from '../core/aws-context';
import type { AlarmActions } from '../observability/alarm-actions';

/** SQS reuses a data key this long (seconds) before asking KMS again: fewer KMS calls, same protection. */
const DATA_KEY_REUSE_SECONDS = 300;

/** Properties of {@link WorkQueue}. */
export interface WorkQueueProps {
  readonly aws: AwsContext;
  readonly config: QueueConfig;
  /** KMS key of both queues (the queue's own key, else the messaging key). */
  readonly kmsKeyArn: string;
  /** Topics the queue receives, with their filter policies. */
  readonly subscriptions: Array<{ readonly config: TopicSubscriptionConfig; readonly topic: SnsTopic }>;
  /** Where the queue's alarms notify. @default - nowhere */
  readonly alarmActions?: AlarmActions;
}

/**
 * A worker's queue: KMS-encrypted, TLS only, its messages moved to a dead-letter queue after
 * `maxReceiveCount` receives, an alarm when the oldest dead letter gets too old, and the SNS
 * subscriptions it receives (only those topics may send to it).
 */
export class WorkQueue extends Construct {
  public readonly queue: SqsQueue;
  public readonly deadLetterQueue: SqsQueue;
  public readonly deadLetterAlarm: CloudwatchMetricAlarm;
  public readonly ageAlarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    const { config, aws } = props;
    const queueArn = aws.arn('sqs', config.name);
    this.deadLetterQueue = new SqsQueue(this, 'dead_letter_queue', {
      name: config.deadLetterQueueName,
      kmsMasterKeyId: props.kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: DATA_KEY_REUSE_SECONDS,
      messageRetentionSeconds: config.messageRetentionSeconds,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [queueArn] }),
    });
    this.queue = new SqsQueue(this, 'queue', {
      name: config.name,
      kmsMasterKeyId: props.kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: DATA_KEY_REUSE_SECONDS,
      visibilityTimeoutSeconds: config.visibilityTimeoutSeconds,
      messageRetentionSeconds: config.messageRetentionSeconds,
      // Long polling: fewer empty receives.
      receiveWaitTimeSeconds: 20,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: config.maxReceiveCount }),
    });
    new SqsQueuePolicy(this, 'policy', { queueUrl: this.queue.url, policy: queuePolicy(this.queue.arn, props.subscriptions.map((s) => s.topic.arn)) });
    new SqsQueuePolicy(this, 'dead_letter_policy', { queueUrl: this.deadLetterQueue.url, policy: queuePolicy(this.deadLetterQueue.arn, []) });
    props.subscriptions.forEach((subscription) => this.subscribe(subscription));
    this.deadLetterAlarm = new CloudwatchMetricAlarm(this, 'dead_letter_alarm', {
      alarmName: config.deadLetterAlarmName,
      alarmDescription: `Messages of ${config.name} failed ${config.maxReceiveCount} times and wait in ${config.deadLetterQueueName} for more than ${config.deadLetterAlarmAgeSeconds} s`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateAgeOfOldestMessage',
      dimensions: { QueueName: this.deadLetterQueue.name },
      statistic: 'Maximum',
      period: 60,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      threshold: config.deadLetterAlarmAgeSeconds,
      treatMissingData: 'notBreaching',
      ...props.alarmActions,
    });
    this.ageAlarm = new CloudwatchMetricAlarm(this, 'age_alarm', {
      alarmName: config.ageAlarmName,
      alarmDescription: `The oldest message of ${config.name} has waited more than ${config.ageAlarmSeconds} s (the acceptable latency) for 5 minutes: the worker falls behind`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateAgeOfOldestMessage',
      dimensions: { QueueName: this.queue.name },
      statistic: 'Maximum',
      period: 60,
      evaluationPeriods: 5,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: config.ageAlarmSeconds,
      treatMissingData: 'notBreaching',
      ...props.alarmActions,
    });
  }

  /** Subscribes the queue to a topic. */
  private subscribe({ config: subscription, topic }: WorkQueueProps['subscriptions'][number]): SnsTopicSubscription {
    return new SnsTopicSubscription(this, `subscription_${toIdentifier(subscription.topic)}`, {
      topicArn: topic.arn,
      protocol: 'sqs',
      endpoint: this.queue.arn,
      rawMessageDelivery: subscription.rawMessageDelivery,
      ...(subscription.filterPolicy !== undefined ? { filterPolicy: subscription.filterPolicy, filterPolicyScope: 'MessageAttributes' } : {}),
    });
  }
}

/** A queue's policy: TLS only for everyone; the given topics (and nothing else outside IAM) may send. */
export function queuePolicy(queueArn: string, topicArns: string[]): string {
  const statements: PolicyStatement[] = [{
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 'sqs:*',
    Resource: queueArn,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  }];
  if (topicArns.length > 0) {
    statements.push({
      Sid: 'SubscribedTopicsSend',
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queueArn,
      Condition: { ArnEquals: { 'aws:SourceArn': topicArns } },
    });
  }
  return policyDocument(statements);
}
