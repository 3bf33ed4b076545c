import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeTasksCommand, RunTaskCommand, Task } from '@aws-sdk/client-ecs';
import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';
import { formatSeconds } from '../output';
import { describeService } from '../rollout';

/** Options of {@link runTask}. */
export interface RunTaskOptions {
  /** The service whose task definition, network and secrets the task uses. @default - the first one */
  readonly service?: string;
  /** The command, split like a shell would (quotes group words). */
  readonly command: string;
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
 * groups and with its secrets, the application container's command replaced; waits for it to
 * stop and prints its log lines and exit code.
 *
 * @returns the container's exit code
 */
export async function runTask(context: OperationsContext, options: RunTaskOptions): Promise<number> {
  const words = splitCommand(options.command);
  if (words.length === 0) {
    throw new OperationError('--command is empty; expected e.g. --command "node scripts/migrate.js"');
  }
  const target = context.services(options.service ?? context.target.services[0].name)[0];
  const cluster = context.target.clusterName;
  const service = await describeService(context, target);
  const started = await context.aws.ecs.send(new RunTaskCommand({
    cluster,
    taskDefinition: service.taskDefinition,
    networkConfiguration: service.networkConfiguration,
    ...(service.capacityProviderStrategy?.length
      ? { capacityProviderStrategy: service.capacityProviderStrategy }
      : { launchType: service.launchType }),
    overrides: { containerOverrides: [{ name: target.name, command: words }] },
    startedBy: 'run-task',
    enableExecuteCommand: false,
    propagateTags: 'TASK_DEFINITION',
  }));
  const task = started.tasks?.[0];
  if (task?.taskArn === undefined) {
    const reasons = (started.failures ?? []).map((failure) => `${failure.arn ?? ''} ${failure.reason ?? ''}`.trim()).join('; ');
    throw new OperationError(`ECS did not start the task: ${reasons || 'no reason given'}`);
  }
  const taskId = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1);
  context.output.line(`Started task ${taskId} (${words.join(' ')})`);
  const stopped = await waitForStop(context, task.taskArn, options);
  for (const line of await taskLogLines(context, target.name, taskId)) {
    context.output.line(line);
  }
  const container = stopped.containers?.find((candidate) => candidate.name === target.name);
  const exitCode = container?.exitCode;
  if (exitCode === undefined) {
    throw new OperationError(`task ${taskId} stopped without an exit code: ${stopped.stoppedReason ?? container?.reason ?? 'no reason given'}`);
  }
  context.output.line(`Task ${taskId} exited with ${exitCode}${stopped.stoppedReason ? ` (${stopped.stoppedReason})` : ''}`);
  return exitCode;
}

async function waitForStop(context: OperationsContext, taskArn: string, options: RunTaskOptions): Promise<Task> {
  const deadline = Date.now() + (options.timeoutMinutes ?? 60) * 60_000;
  for (;;) {
    const described = await context.aws.ecs.send(new DescribeTasksCommand({ cluster: context.target.clusterName, tasks: [taskArn] }));
    const task = described.tasks?.[0];
    if (task?.lastStatus === 'STOPPED') {
      return task;
    }
    if (Date.now() >= deadline) {
      throw new OperationError(`task ${taskArn.split('/').pop()} did not stop within ${formatSeconds((options.timeoutMinutes ?? 60) * 60)}`);
    }
    await context.sleep((options.pollSeconds ?? 6) * 1000);
  }
}

async function taskLogLines(context: OperationsContext, container: string, taskId: string): Promise<string[]> {
  try {
    const events = await context.aws.logs.send(new GetLogEventsCommand({
      logGroupName: context.logGroupName,
      logStreamName: `${container}/${container}/${taskId}`,
      startFromHead: true,
    }));
    return (events.events ?? []).map((event) => `  ${(event.message ?? '').trimEnd()}`);
  } catch (error) {
    return [`  (no log lines: ${(error as Error).name})`];
  }
}
