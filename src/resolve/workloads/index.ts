import { resolveJob } from './job';
import { resolveTopics } from './topics';
import { resolveWorker } from './worker';
import type { ClusterConfig, ServiceConfig } from '../../platform/contract/config';
import type { WorkloadsConfig, WorkloadTaskConfig } from '../../platform/contract/workloads';
import type { EnvironmentContext } from '../context';
import type { AttachableTask } from '../data';

/**
 * The workers, jobs and topics of one environment, or undefined when there are none; names are
 * unique among services, workers and jobs (they share task definition families and roles' prefixes).
 */
export function resolveWorkloads(ctx: EnvironmentContext, cluster: ClusterConfig, services: ServiceConfig[]): WorkloadsConfig | undefined {
  const workerOptions = ctx.options.workers ?? [];
  const jobOptions = ctx.options.jobs ?? [];
  const topics = resolveTopics(ctx, ctx.options.services ?? [], workerOptions);
  if (workerOptions.length === 0 && jobOptions.length === 0 && topics.length === 0) {
    return undefined;
  }
  const workers = workerOptions.map((worker, index) => resolveWorker(ctx, cluster, services, topics, worker, `workers[${index}]`));
  const jobs = jobOptions.map((job, index) => resolveJob(ctx, cluster, services, job, `jobs[${index}]`));
  const taken = new Map(services.map((service, index) => [service.name, `services[${index}]`]));
  const check = (name: string, path: string) => {
    ctx.problems.check(!taken.has(name), `${path}.name`, name, `is used by ${taken.get(name)} too; names must be unique among services, workers and jobs`);
    taken.set(name, path);
  };
  workers.forEach((worker, index) => check(worker.name, `workers[${index}]`));
  jobs.forEach((job, index) => check(job.name, `jobs[${index}]`));
  checkQueueNames(ctx, [
    ...workers.flatMap((worker, index) => [worker.queue.name, worker.queue.deadLetterQueueName].map((name) => ({ name, path: `workers[${index}].name` }))),
    ...jobs.map((job, index) => ({ name: job.deadLetterQueueName, path: `jobs[${index}].name` })),
  ]);
  return { topics, workers, jobs, messagingKeyAlias: `${ctx.project}-${ctx.env.name}-messaging` };
}

/** The tasks of the workers and jobs (none without workloads). */
export function workloadTasks(workloads: WorkloadsConfig | undefined): WorkloadTaskConfig[] {
  return [...(workloads?.workers ?? []), ...(workloads?.jobs ?? [])];
}

/** The interface endpoints the workloads' tasks call without a NAT gateway: SQS for workers, SNS for publishers. */
export function workloadEndpoints(workloads: WorkloadsConfig | undefined): string[] {
  return [
    ...((workloads?.workers.length ?? 0) > 0 ? ['sqs'] : []),
    ...((workloads?.topics.length ?? 0) > 0 ? ['sns'] : []),
  ];
}

/** Queue names derive from workload names; `billing-dlq` would take the dead-letter queue of `billing`. */
function checkQueueNames(ctx: EnvironmentContext, queues: Array<{ name: string; path: string }>): void {
  const owners = new Map<string, string>();
  for (const { name, path } of queues) {
    const owner = owners.get(name);
    ctx.problems.check(owner === undefined || owner === path, path, name, `gives a queue name that ${owner} uses too; choose another name`);
    owners.set(name, owner ?? path);
  }
}

/** Every task data resources may attach to, with the option path that names it. */
export function attachableTasks(services: readonly ServiceConfig[], workloads: WorkloadsConfig | undefined): AttachableTask[] {
  return [
    ...services.map((task, i) => ({ task, path: `services[${i}]` })),
    ...(workloads?.workers ?? []).map((task, i) => ({ task, path: `workers[${i}]` })),
    ...(workloads?.jobs ?? []).map((task, i) => ({ task, path: `jobs[${i}]` })),
  ];
}
