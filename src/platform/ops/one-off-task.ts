import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeTasksCommand, NetworkConfiguration, RunTaskCommand, RunTaskCommandInput, StopTaskCommand, Task } from '@aws-sdk/client-ecs';
import type { OperationsContext } from './environment';
import { OperationError } from './errors';
import { formatSeconds } from './output';

/** Where a one-off task runs: a service's network and capacity. */
export interface TaskPlacement {
  readonly networkConfiguration?: NetworkConfiguration;
  readonly capacityProviderStrategy?: RunTaskCommandInput['capacityProviderStrategy'];
  readonly launchType?: RunTaskCommandInput['launchType'];
}

/** A one-off task: a task definition revision with the application container's command replaced. */
export interface OneOffTask {
  /** Task definition ARN (or family). */
  readonly taskDefinition: string;
  /** The application container, whose command is replaced. */
  readonly container: string;
  /** Replaces the container's command; an empty list keeps the task definition's. */
  readonly command: string[];
  readonly placement: TaskPlacement;
  /** `startedBy` of the task, shown in the console. */
  readonly startedBy: string;
  /** Seconds to wait for it to stop; it is stopped then. */
  readonly timeoutSeconds: number;
  /** Seconds between two looks at it. @default 6 */
  readonly pollSeconds?: number;
}

/**
 * Starts a one-off task, waits for it to stop (stopping it at the timeout), prints its log lines
 * and returns the application container's exit code. A task ECS does not start, and a task that
 * stops without an exit code (image pull or secret failure), are errors naming the reason.
 */
export async function runOneOffTask(context: OperationsContext, task: OneOffTask): Promise<number> {
  const { placement } = task;
  const started = await context.aws.ecs.send(new RunTaskCommand({
    cluster: context.target.clusterName,
    taskDefinition: task.taskDefinition,
    networkConfiguration: placement.networkConfiguration,
    ...(placement.capacityProviderStrategy?.length
      ? { capacityProviderStrategy: placement.capacityProviderStrategy }
      : { launchType: placement.launchType }),
    ...(task.command.length > 0 ? { overrides: { containerOverrides: [{ name: task.container, command: task.command }] } } : {}),
    startedBy: task.startedBy,
    enableExecuteCommand: false,
    propagateTags: 'TASK_DEFINITION',
  }));
  const arn = started.tasks?.[0]?.taskArn;
  if (arn === undefined) {
    const reasons = (started.failures ?? []).map((failure) => `${failure.arn ?? ''} ${failure.reason ?? ''}`.trim()).join('; ');
    throw new OperationError(`ECS did not start the task: ${reasons || 'no reason given'}`);
  }
  const taskId = arn.slice(arn.lastIndexOf('/') + 1);
  context.output.line(`Started task ${taskId} (${task.command.length > 0 ? task.command.join(' ') : `${task.container}'s own command`})`);
  const stopped = await waitForStop(context, arn, task);
  for (const line of await taskLogLines(context, task.container, taskId)) {
    context.output.line(line);
  }
  const container = stopped.containers?.find((candidate) => candidate.name === task.container);
  const exitCode = container?.exitCode;
  if (exitCode === undefined) {
    throw new OperationError(`task ${taskId} stopped without an exit code: ${stopped.stoppedReason ?? container?.reason ?? 'no reason given'}`);
  }
  context.output.line(`Task ${taskId} exited with ${exitCode}${stopped.stoppedReason ? ` (${stopped.stoppedReason})` : ''}`);
  return exitCode;
}

async function waitForStop(context: OperationsContext, taskArn: string, task: OneOffTask): Promise<Task> {
  const cluster = context.target.clusterName;
  const deadline = Date.now() + task.timeoutSeconds * 1000;
  for (;;) {
    const described = await context.aws.ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] }));
    const found = described.tasks?.[0];
    if (found?.lastStatus === 'STOPPED') {
      return found;
    }
    if (Date.now() >= deadline) {
      const reason = `did not stop within ${formatSeconds(task.timeoutSeconds)}`;
      await context.aws.ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason: `${task.startedBy}: ${reason}`.slice(0, 255) }));
      throw new OperationError(`task ${taskArn.split('/').pop()} ${reason}; it was stopped`);
    }
    await context.sleep((task.pollSeconds ?? 6) * 1000);
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
