import { ListTasksCommand, RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { SERVICE_OUTPUTS } from '../../contract/stack-interface';
import type { JobConfig } from '../../contract/workloads';
import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';
import { runOneOffTask, TaskPlacement } from '../one-off-task';
import { describeService } from '../rollout';

/** Options of {@link runTask}. */
export interface RunTaskOptions {
  /** The service whose task definition, network and secrets the task uses. @default - the first one */
  readonly service?: string;
  /** Run this scheduled job now instead: its task definition, network and secrets. @default - a service's task */
  readonly job?: string;
  /** The command, split like a shell would (quotes group words); a job runs its own when unset. */
  readonly command?: string;
  /** Minutes to wait for the task to stop. @default 60 */
  readonly timeoutMinutes?: number;
  /** Seconds between two looks at the task. @default 6 */
  readonly pollSeconds?: number;
}

/** Splits a command line into words: whitespace separates, single and double quotes group. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let match = pattern.exec(command); match !== null; match = pattern.exec(command)) {
    words.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2] ?? match[3]);
  }
  return words;
}

/**
 * Runs a one-off task from a service's current task definition, in its subnets and security
 * groups and with its secrets, the application container's command replaced; or a scheduled job
 * now, with its task definition, network and (unless replaced) command. Waits for the task to stop
 * and prints its log lines and exit code.
 *
 * @returns the container's exit code
 */
export async function runTask(context: OperationsContext, options: RunTaskOptions): Promise<number> {
  const words = splitCommand(options.command ?? '');
  if (options.job === undefined && words.length === 0) {
    throw new OperationError('--command is empty; expected e.g. --command "node scripts/migrate.js"');
  }
  const target = options.job !== undefined ? await jobTarget(context, options.job) : await serviceTarget(context, options.service);
  return runOneOffTask(context, {
    taskDefinition: target.taskDefinition,
    container: target.container,
    command: words,
    placement: target.placement,
    startedBy: 'run-task',
    timeoutSeconds: (options.timeoutMinutes ?? 60) * 60,
    pollSeconds: options.pollSeconds,
  });
}

/** What a one-off task runs: the RunTask input of its task definition and network, and its application container. */
interface TaskTarget {
  readonly taskDefinition: string;
  readonly placement: TaskPlacement;
  readonly container: string;
}

/** A service's current task definition, network and placement, read from its ECS service. */
async function serviceTarget(context: OperationsContext, name: string | undefined): Promise<TaskTarget> {
  const target = context.services(name ?? context.target.services[0].name)[0];
  const service = await describeService(context, target);
  if (service.taskDefinition === undefined) {
    throw new OperationError(`service ${target.ecsServiceName} has no task definition yet: deploy it first (npx projen deploy:${context.environment.name})`);
  }
  return { taskDefinition: service.taskDefinition, placement: service, container: target.name };
}

/**
 * A job's latest task definition (by family) in its subnets and security group (the service stack's
 * `job_networks` output), placed like its schedule places it; refused while a run of the job still
 * runs, as its schedule would skip it, unless the job allows overlaps.
 */
async function jobTarget(context: OperationsContext, name: string): Promise<TaskTarget> {
  const jobs = context.environment.workloads?.jobs ?? [];
  const job = jobs.find((candidate) => candidate.name === name);
  if (job === undefined) {
    throw new OperationError(`no job "${name}" in ${context.environment.name}; expected one of ${jobs.map((candidate) => candidate.name).join(', ') || '(none)'}`);
  }
  if (!job.allowOverlap) {
    const running = await context.aws.ecs.send(new ListTasksCommand({ cluster: context.target.clusterName, family: job.family, desiredStatus: 'RUNNING' }));
    const taskArn = running.taskArns?.[0];
    if (taskArn !== undefined) {
      throw new OperationError(`a run of ${name} is still running (task ${taskArn.slice(taskArn.lastIndexOf('/') + 1)}); its runs never overlap: wait for it or stop it`);
    }
  }
  const outputs = await context.terraform.outputs(`${context.environment.name}-service`);
  const network = (outputs[SERVICE_OUTPUTS.jobNetworks] as Record<string, { subnets: string[]; security_groups: string[] }> | undefined)?.[name];
  if (network === undefined) {
    throw new OperationError(`the ${context.environment.name}-service stack has no network for job ${name}: deploy it first (npx projen deploy:${context.environment.name})`);
  }
  return {
    taskDefinition: job.family,
    placement: {
      networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets, securityGroups: network.security_groups, assignPublicIp: 'DISABLED' } },
      capacityProviderStrategy: jobCapacity(context, job),
    },
    container: job.name,
  };
}

function jobCapacity(context: OperationsContext, job: JobConfig): RunTaskCommandInput['capacityProviderStrategy'] {
  return job.capacityProviderStrategy.map((item) => ({
    capacityProvider: item.capacityProvider === 'EC2' ? context.environment.cluster.ec2Capacity?.name : item.capacityProvider,
    base: item.base,
    weight: item.weight,
  }));
}
