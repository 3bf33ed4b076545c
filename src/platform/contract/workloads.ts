import type { CapacityProviderStrategyConfig, SecretConfig } from './config';

/**
 * The workloads of an environment that no load balancer fronts: queue workers, scheduled jobs and
 * the SNS topics services and workers publish to. They live in the service stack, next to the
 * services whose images, roles and topics they share.
 */
export interface WorkloadsConfig {
  readonly topics: TopicConfig[];
  readonly workers: WorkerConfig[];
  readonly jobs: JobConfig[];
  /** Alias of the KMS key of the topics and queues (created in the service stack when any exists). */
  readonly messagingKeyAlias: string;
}

/** What a task of a worker or job runs; the same fields as a service's. */
export interface WorkloadTaskConfig {
  /** Name, unique among the services, workers and jobs of the environment. */
  readonly name: string;
  /** Task definition family, `<project>-<env>-<name>`. */
  readonly family: string;
  /** External image; unset when `imageOf` names the service whose ECR image runs. */
  readonly image?: string;
  /** Service whose repository image (and deployed tag) the task runs. */
  readonly imageOf?: string;
  readonly command?: string[];
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly cpuArchitecture: 'X86_64' | 'ARM64';
  readonly compatibility: 'FARGATE' | 'EC2';
  readonly capacityProviderStrategy: CapacityProviderStrategyConfig[];
  readonly environment: Record<string, string>;
  readonly secrets: SecretConfig[];
  readonly secretsKmsKeyArn?: string;
  readonly stopTimeoutSeconds: number;
  readonly readonlyRootFilesystem: boolean;
  /** Security group of the tasks. */
  readonly securityGroupName: string;
  /** Name of the task execution role (fitted to IAM's 64 characters). */
  readonly executionRoleName: string;
  /** Name of the task role (fitted to IAM's 64 characters). */
  readonly taskRoleName: string;
}

/** An SNS topic, KMS-encrypted with the messaging key; its publisher may `sns:Publish` to it only. */
export interface TopicConfig {
  /** Name in the options, referenced by subscriptions. */
  readonly name: string;
  /** Physical name, `<project>-<env>-<topic>`. */
  readonly topicName: string;
  /** Service or worker publishing to it. */
  readonly publisher: string;
  /** Environment variable holding its ARN in the publisher's container. */
  readonly variable: string;
}

/** A worker queue's subscription to a topic. */
export interface TopicSubscriptionConfig {
  /** Topic name (a {@link TopicConfig.name}). */
  readonly topic: string;
  /** JSON filter policy on message attributes. */
  readonly filterPolicy?: string;
  readonly rawMessageDelivery: boolean;
}

/** The SQS queue of a worker, its dead-letter queue and the dead-letter queue's age alarm. */
export interface QueueConfig {
  readonly name: string;
  readonly deadLetterQueueName: string;
  readonly visibilityTimeoutSeconds: number;
  readonly messageRetentionSeconds: number;
  readonly maxReceiveCount: number;
  /** Customer managed key; unset for the environment's messaging key. */
  readonly kmsKeyArn?: string;
  readonly deadLetterAlarmName: string;
  readonly deadLetterAlarmAgeSeconds: number;
  /** Alarm when the oldest message has waited longer than the worker's acceptable latency for five minutes: the worker falls behind. */
  readonly ageAlarmName: string;
  readonly ageAlarmSeconds: number;
}

/** Scaling on backlog per task: visible messages ÷ running tasks kept at `backlogPerTaskTarget`. */
export interface BacklogScalingConfig {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** `acceptableLatencySeconds / processingTimeSeconds`, at least 1. */
  readonly backlogPerTaskTarget: number;
  readonly scaleInCooldownSeconds: number;
  readonly scaleOutCooldownSeconds: number;
}

/** A queue worker: an ECS service without load balancer consuming its queue, scaled on its backlog. */
export interface WorkerConfig extends WorkloadTaskConfig {
  readonly processingTimeSeconds: number;
  readonly acceptableLatencySeconds: number;
  readonly queue: QueueConfig;
  readonly subscriptions: TopicSubscriptionConfig[];
  readonly scaling: BacklogScalingConfig;
  /** Tasks at the first deployment; scaling owns the count afterwards. */
  readonly desiredCount: number;
}

/** A scheduled job: EventBridge Scheduler starts a Step Functions execution that runs the task. */
export interface JobConfig extends WorkloadTaskConfig {
  /** `cron(...)` or `rate(...)`. */
  readonly schedule: string;
  readonly timezone: string;
  readonly enabled: boolean;
  readonly retryAttempts: number;
  readonly maximumEventAgeSeconds: number;
  readonly timeoutSeconds: number;
  /** Runs may overlap: no check for a running task before starting one. */
  readonly allowOverlap: boolean;
  readonly scheduleName: string;
  readonly stateMachineName: string;
  readonly stateMachineLogGroupName: string;
  readonly schedulerRoleName: string;
  readonly stateMachineRoleName: string;
  readonly deadLetterQueueName: string;
  readonly deadLetterAlarmName: string;
  readonly failureAlarmName: string;
}
