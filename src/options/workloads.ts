import type { CapacityProviderStrategyItem } from './cluster';
import type { CpuArchitecture } from './service';

/**
 * What every workload without a load balancer runs: its image, size, command, variables and secrets.
 */
export interface WorkloadTaskOptions {
  /**
   * Name: lowercase letters, digits and hyphens, starting with a letter, at most 32 characters;
   * unique among the services, workers and jobs.
   */
  readonly name: string;

  /**
   * Run this image (e.g. "public.ecr.aws/docker/library/busybox:1.36").
   * @default - the image of `imageOf`
   */
  readonly image?: string;

  /**
   * Run the image built for this service (its ECR repository, the tag deployed with it), usually
   * with another `command`.
   * @default - the first service built from this repository
   */
  readonly imageOf?: string;

  /**
   * Command overriding the image's.
   * @default - the image's command
   */
  readonly command?: string[];

  /**
   * CPU units of the task (256 = 0.25 vCPU).
   * @default 256
   */
  readonly cpu?: number;

  /**
   * Memory of the task in MiB; on Fargate it must be a valid combination with `cpu`.
   * @default 512
   */
  readonly memoryMiB?: number;

  /**
   * CPU architecture of the task.
   * @default - CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: CpuArchitecture;

  /**
   * Where the tasks run.
   * @default - the cluster's capacity provider strategy (Fargate Spot first in development)
   */
  readonly capacityProviderStrategy?: CapacityProviderStrategyItem[];

  /**
   * Environment variables of the container.
   * @default {}
   */
  readonly environment?: { [name: string]: string };

  /**
   * Secrets injected as environment variables, by variable name (as for services).
   * @default {}
   */
  readonly secrets?: { [name: string]: string };

  /**
   * KMS key encrypting the secrets, when it is a customer managed key.
   * @default - the AWS managed keys
   */
  readonly secretsKmsKeyArn?: string;

  /**
   * Seconds between SIGTERM and SIGKILL when a task stops (2 to 120).
   * @default 30
   */
  readonly stopTimeoutSeconds?: number;

  /**
   * Mount the root file system read-only; `/tmp` stays writable.
   * @default true
   */
  readonly readonlyRootFilesystem?: boolean;
}

/** A subscription of a worker's queue to an SNS topic published by a service or a worker. */
export interface TopicSubscriptionOptions {
  /** Name of the topic, as listed in the `publishes` of a service or worker. */
  readonly topic: string;

  /**
   * SNS filter policy on the message attributes, e.g. {"eventType":["order-placed"]}.
   * @default - every message of the topic
   */
  readonly filterPolicy?: { [attribute: string]: any };

  /**
   * Deliver the message body as published, without the SNS envelope.
   * @default true
   */
  readonly rawMessageDelivery?: boolean;
}

/**
 * A service without load balancer consuming the SQS queue the platform creates for it.
 */
export interface WorkerOptions extends WorkloadTaskOptions {
  /**
   * Seconds one message takes to process, at most: the queue's visibility timeout is six times
   * this, and the scaling target is `acceptableLatencySeconds / processingTimeSeconds` messages per task.
   * @default 30
   */
  readonly processingTimeSeconds?: number;

  /**
   * Seconds a message may wait in the queue before someone works on it.
   * @default 300
   */
  readonly acceptableLatencySeconds?: number;

  /**
   * Receives after which a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;

  /**
   * Age in seconds of the oldest message of the dead-letter queue that raises its alarm.
   * @default 300
   */
  readonly deadLetterAlarmAgeSeconds?: number;

  /**
   * Customer managed KMS key of the queues (it must allow SNS to use it when the worker subscribes to topics).
   * @default - the environment's messaging key
   */
  readonly queueKmsKeyArn?: string;

  /**
   * Lower bound of the task count.
   * @default - 0 in development (scale to zero), 1 in production
   */
  readonly minCapacity?: number;

  /**
   * Upper bound of the task count.
   * @default 10
   */
  readonly maxCapacity?: number;

  /**
   * SNS topics this worker's queue receives.
   * @default []
   */
  readonly subscribes?: TopicSubscriptionOptions[];

  /**
   * SNS topics this worker publishes to: each a KMS-encrypted topic `<project>-<env>-<topic>`,
   * its ARN in `<TOPIC>_TOPIC_ARN`.
   * @default []
   */
  readonly publishes?: string[];
}

/**
 * A task started on a schedule by EventBridge Scheduler.
 */
export interface JobOptions extends WorkloadTaskOptions {
  /**
   * When the job runs: `cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)` or
   * `rate(<value> <minute|minutes|hour|hours|day|days>)`, e.g. "cron(0 3 * * ? *)" or "rate(15 minutes)".
   */
  readonly schedule: string;

  /**
   * IANA time zone of a cron expression, e.g. "Europe/Paris".
   * @default "UTC"
   */
  readonly timezone?: string;

  /**
   * Retries of an invocation the scheduler could not deliver (0 to 185).
   * @default 2
   */
  readonly retryAttempts?: number;

  /**
   * Seconds the scheduler keeps trying to deliver an invocation (60 to 86400).
   * @default 3600
   */
  readonly maximumEventAgeSeconds?: number;

  /**
   * Seconds a run may last before it is stopped and counted as failed (60 to 86400).
   * @default 3600
   */
  readonly timeoutSeconds?: number;

  /**
   * Start a run while the previous one still runs.
   * @default false
   */
  readonly allowOverlap?: boolean;

  /**
   * Create the schedule enabled.
   * @default true
   */
  readonly enabled?: boolean;
}
