import { mermaidId, mermaidLabel } from './mermaid';
import type { EnvironmentConfig } from '../../platform/contract/config';
import type { JobConfig, WorkerConfig } from '../../platform/contract/workloads';

/** The queue workers and scheduled jobs as nodes inside the cluster's subgraph. */
export function workloadTaskNodes(environment: EnvironmentConfig): string[] {
  const workloads = environment.workloads;
  if (workloads === undefined) return [];
  return [
    ...workloads.workers.map((worker) => `  ${mermaidId('worker', worker.name)}[${mermaidLabel(
      `worker ${worker.name} × ${worker.scaling.minCapacity}–${worker.scaling.maxCapacity}`,
      `${worker.cpu / 1024} vCPU / ${worker.memoryMiB} MiB, ${worker.cpuArchitecture}`,
      `${worker.scaling.backlogPerTaskTarget} messages per task`,
    )}]`),
    ...workloads.jobs.map((job) => `  ${mermaidId('job', job.name)}[${mermaidLabel(
      `job ${job.name}`,
      `${job.cpu / 1024} vCPU / ${job.memoryMiB} MiB, ${job.cpuArchitecture}`,
    )}]`),
  ];
}

/**
 * The messaging around them, outside the VPC: topics and who publishes to them, each worker's
 * queue with its dead-letter queue and subscriptions, and each job's schedule.
 */
export function messagingLines(environment: EnvironmentConfig): string[] {
  const workloads = environment.workloads;
  if (workloads === undefined) return [];
  const publisherNode = (name: string) => (environment.services.some((service) => service.name === name)
    ? mermaidId('svc', name)
    : mermaidId('worker', name));
  return [
    ...workloads.topics.flatMap((topic) => [
      `${mermaidId('topic', topic.name)}([${mermaidLabel(`SNS ${topic.name}`, 'KMS-encrypted')}])`,
      `${publisherNode(topic.publisher)} -->|${mermaidLabel('publish')}| ${mermaidId('topic', topic.name)}`,
    ]),
    ...workloads.workers.flatMap(workerLines),
    ...workloads.jobs.flatMap(jobLines),
  ];
}

function workerLines(worker: WorkerConfig): string[] {
  const queue = mermaidId('queue', worker.name);
  return [
    `${queue}[(${mermaidLabel(`SQS ${worker.queue.name}`, `dead letters after ${worker.queue.maxReceiveCount} receives`)})]`,
    `${queue} -->|${mermaidLabel('receive')}| ${mermaidId('worker', worker.name)}`,
    ...worker.subscriptions.map((subscription) =>
      `${mermaidId('topic', subscription.topic)} -->|${mermaidLabel(subscription.filterPolicy !== undefined ? 'filtered' : 'all messages')}| ${queue}`),
  ];
}

function jobLines(job: JobConfig): string[] {
  const schedule = mermaidId('schedule', job.name);
  return [
    `${schedule}([${mermaidLabel(`EventBridge Scheduler ${job.schedule}`, job.timezone, job.allowOverlap ? 'runs may overlap' : 'one run at a time')}])`,
    `${schedule} -->|${mermaidLabel('Step Functions: run task')}| ${mermaidId('job', job.name)}`,
  ];
}

/** The workers and jobs in words, for the description of the repository. */
export function describeWorkloads(environment: EnvironmentConfig): string[] {
  const workloads = environment.workloads;
  if (workloads === undefined) return [];
  return [
    ...workloads.workers.map((worker) => `- **${worker.name}** (queue worker): consumes \`${worker.queue.name}\`${worker.subscriptions.length > 0
      ? ` (subscribed to ${worker.subscriptions.map((subscription) => subscription.topic).join(', ')})` : ''}, `
      + `${worker.scaling.minCapacity} to ${worker.scaling.maxCapacity} tasks at ${worker.scaling.backlogPerTaskTarget} messages per task; `
      + `dead letters after ${worker.queue.maxReceiveCount} receives.`),
    ...workloads.jobs.map((job) => `- **${job.name}** (scheduled job): \`${job.schedule}\` ${job.timezone}, `
      + `${job.retryAttempts} retries, stopped after ${job.timeoutSeconds} s, ${job.allowOverlap ? 'runs may overlap' : 'skipped while the previous run runs'}; `
      + `\`npx projen run-task:${environment.name} --job ${job.name}\` runs it now.`),
    ...workloads.topics.map((topic) => `- **${topic.name}** (SNS topic): published by ${topic.publisher}, ARN in \`${topic.variable}\`.`),
  ];
}
