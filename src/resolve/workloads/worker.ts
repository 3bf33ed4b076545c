import { resolveWorkloadTask } from './task';
import type { WorkerOptions } from '../../options';
import type { ClusterConfig, ServiceConfig } from '../../platform/contract/config';
import { fitName } from '../../platform/contract/naming';
import {
  MESSAGE_RETENTION_SECONDS, SQS_VISIBILITY_TIMEOUT_MAX, VISIBILITY_TIMEOUT_FACTOR, WORKER_RULES, WORKLOAD_NAME_LIMITS,
} from '../../platform/contract/workload-rules';
import type { BacklogScalingConfig, QueueConfig, TopicConfig, TopicSubscriptionConfig, WorkerConfig } from '../../platform/contract/workloads';
import type { EnvironmentContext } from '../context';
import { KMS_KEY_ARN_PATTERN } from '../service/container-settings';

/** One worker: its task, its queue and dead-letter queue, its subscriptions and its backlog scaling. */
export function resolveWorker(
  ctx: EnvironmentContext,
  cluster: ClusterConfig,
  services: ServiceConfig[],
  topics: TopicConfig[],
  worker: WorkerOptions,
  path: string,
): WorkerConfig {
  const { problems } = ctx;
  const task = resolveWorkloadTask(ctx, cluster, services, worker, path);
  const processingTimeSeconds = worker.processingTimeSeconds ?? WORKER_RULES.processingTimeSeconds.default;
  const acceptableLatencySeconds = worker.acceptableLatencySeconds ?? WORKER_RULES.acceptableLatencySeconds.default;
  const processingOk = problems.checkRange(`${path}.processingTimeSeconds`, processingTimeSeconds, WORKER_RULES.processingTimeSeconds);
  if (problems.checkRange(`${path}.acceptableLatencySeconds`, acceptableLatencySeconds, WORKER_RULES.acceptableLatencySeconds) && processingOk) {
    problems.check(
      acceptableLatencySeconds >= processingTimeSeconds,
      `${path}.acceptableLatencySeconds`,
      acceptableLatencySeconds,
      `is below processingTimeSeconds ${processingTimeSeconds}; a message cannot wait less than it takes to process one`,
    );
  }
  if (!cluster.existing) {
    problems.check(
      cluster.containerInsights,
      `${path}`,
      task.name,
      'scales on backlog per task, which reads RunningTaskCount from Container Insights; set cluster.containerInsights to true',
    );
  }
  const scaling = resolveBacklogScaling(ctx, worker, path, processingTimeSeconds, acceptableLatencySeconds);
  return {
    ...task,
    processingTimeSeconds,
    acceptableLatencySeconds,
    queue: resolveQueue(ctx, worker, path, task.family, { processingTimeSeconds, acceptableLatencySeconds }),
    subscriptions: resolveSubscriptions(ctx, worker, path, topics),
    scaling,
    desiredCount: scaling.minCapacity,
  };
}

function resolveQueue(
  ctx: EnvironmentContext, worker: WorkerOptions, path: string, family: string,
  { processingTimeSeconds, acceptableLatencySeconds }: Pick<WorkerConfig, 'processingTimeSeconds' | 'acceptableLatencySeconds'>,
): QueueConfig {
  const { problems } = ctx;
  const maxReceiveCount = worker.maxReceiveCount ?? WORKER_RULES.maxReceiveCount.default;
  problems.checkRange(`${path}.maxReceiveCount`, maxReceiveCount, WORKER_RULES.maxReceiveCount);
  const deadLetterAlarmAgeSeconds = worker.deadLetterAlarmAgeSeconds ?? WORKER_RULES.deadLetterAlarmAgeSeconds.default;
  problems.checkRange(`${path}.deadLetterAlarmAgeSeconds`, deadLetterAlarmAgeSeconds, WORKER_RULES.deadLetterAlarmAgeSeconds);
  if (worker.queueKmsKeyArn !== undefined) {
    problems.check(KMS_KEY_ARN_PATTERN.test(worker.queueKmsKeyArn), `${path}.queueKmsKeyArn`, worker.queueKmsKeyArn,
      'is not a KMS key ARN; expected arn:<partition>:kms:<region>:<account>:key/<uuid>');
  }
  return {
    name: fitName(family, WORKLOAD_NAME_LIMITS.queue),
    deadLetterQueueName: fitName([family, 'dlq'], WORKLOAD_NAME_LIMITS.queue),
    visibilityTimeoutSeconds: Math.min(processingTimeSeconds * VISIBILITY_TIMEOUT_FACTOR, SQS_VISIBILITY_TIMEOUT_MAX),
    messageRetentionSeconds: MESSAGE_RETENTION_SECONDS,
    maxReceiveCount,
    ...(worker.queueKmsKeyArn !== undefined ? { kmsKeyArn: worker.queueKmsKeyArn } : {}),
    deadLetterAlarmName: fitName([family, 'dead-letters'], WORKLOAD_NAME_LIMITS.alarm),
    deadLetterAlarmAgeSeconds,
    ageAlarmName: fitName([family, 'queue-age'], WORKLOAD_NAME_LIMITS.alarm),
    ageAlarmSeconds: acceptableLatencySeconds,
  };
}

function resolveSubscriptions(ctx: EnvironmentContext, worker: WorkerOptions, path: string, topics: TopicConfig[]): TopicSubscriptionConfig[] {
  const known = topics.map((topic) => topic.name);
  return (worker.subscribes ?? []).map((subscription, index) => {
    const itemPath = `${path}.subscribes[${index}]`;
    ctx.problems.check(
      known.includes(subscription.topic),
      `${itemPath}.topic`,
      subscription.topic,
      `is not a topic of this project; expected one of the services' and workers' publishes: ${known.join(', ') || '(none)'}`,
    );
    const publisher = topics.find((topic) => topic.name === subscription.topic)?.publisher;
    ctx.problems.check(publisher !== worker.name, `${itemPath}.topic`, subscription.topic, 'is published by this worker; a worker does not subscribe to its own topic');
    return {
      topic: subscription.topic,
      ...(subscription.filterPolicy !== undefined ? { filterPolicy: JSON.stringify(subscription.filterPolicy) } : {}),
      rawMessageDelivery: subscription.rawMessageDelivery ?? true,
    };
  });
}

/** Backlog per task target: the messages one task works off within the acceptable latency; scale to zero in development. */
function resolveBacklogScaling(
  ctx: EnvironmentContext,
  worker: WorkerOptions,
  path: string,
  processingTimeSeconds: number,
  acceptableLatencySeconds: number,
): BacklogScalingConfig {
  const { problems } = ctx;
  const minCapacity = worker.minCapacity ?? (ctx.production ? 1 : 0);
  const maxCapacity = worker.maxCapacity ?? Math.max(WORKER_RULES.maxCapacity.default, minCapacity);
  const minOk = problems.checkRange(`${path}.minCapacity`, minCapacity, WORKER_RULES.minCapacity);
  if (problems.checkRange(`${path}.maxCapacity`, maxCapacity, WORKER_RULES.maxCapacity) && minOk) {
    problems.check(maxCapacity >= minCapacity, `${path}.maxCapacity`, maxCapacity, `is below minCapacity ${minCapacity}; expected at least ${minCapacity}`);
  }
  return {
    minCapacity,
    maxCapacity,
    backlogPerTaskTarget: Math.max(1, Math.floor(acceptableLatencySeconds / Math.max(processingTimeSeconds, 1))),
    scaleInCooldownSeconds: 300,
    scaleOutCooldownSeconds: 60,
  };
}
