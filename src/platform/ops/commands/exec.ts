import { ExecuteCommandCommand, ListTasksCommand, DescribeTasksCommand } from '@aws-sdk/client-ecs';
import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';
import { dnsSuffixOf } from '../images';
import { runProcess } from '../processes';

/** Options of {@link exec}. */
export interface ExecOptions {
  /** The service. @default - the first one */
  readonly service?: string;
  /** The container. @default - the service's application container */
  readonly container?: string;
  /** The command. @default "/bin/sh" */
  readonly command?: string;
  /** A task id. @default - the first running task */
  readonly task?: string;
}

const PLUGIN = 'session-manager-plugin';

/**
 * Opens an interactive ECS Exec session in a running task of a service, after checking what it
 * needs, each missing piece as one line: ECS Exec enabled for the environment, a running task,
 * the Session Manager plugin installed.
 */
export async function exec(context: OperationsContext, options: ExecOptions): Promise<number> {
  const { environment, target } = context;
  if (!environment.cluster.executeCommand) {
    throw new OperationError(`ECS Exec is off in ${environment.name}: set executeCommand: true for ${environment.name} in .projenrc.ts, run \`npx projen\` and deploy`);
  }
  const service = context.services(options.service ?? target.services[0].name)[0];
  const taskArn = options.task ?? await firstRunningTask(context, service.ecsServiceName);
  const plugin = await runProcess(PLUGIN, ['--version'], { capture: true });
  if (plugin.status !== 0) {
    throw new OperationError(`${PLUGIN} does not run (exit ${plugin.status}): reinstall the Session Manager plugin`);
  }
  const container = options.container ?? service.name;
  const session = await context.aws.ecs.send(new ExecuteCommandCommand({
    cluster: target.clusterName,
    task: taskArn,
    container,
    interactive: true,
    command: options.command ?? '/bin/sh',
  }));
  const described = await context.aws.ecs.send(new DescribeTasksCommand({ cluster: target.clusterName, tasks: [taskArn] }));
  const runtimeId = described.tasks?.[0]?.containers?.find((candidate) => candidate.name === container)?.runtimeId;
  if (runtimeId === undefined) {
    throw new OperationError(`task ${taskArn.split('/').pop()} has no running container ${container}`);
  }
  const taskId = taskArn.split('/').pop();
  const endpoint = `https://ssm.${environment.region}.${dnsSuffixOf(environment.partition)}`;
  const result = await runProcess(PLUGIN, [
    JSON.stringify(session.session),
    environment.region,
    'StartSession',
    '',
    JSON.stringify({ Target: `ecs:${target.clusterName}_${taskId}_${runtimeId}` }),
    endpoint,
  ], { interactive: true });
  return result.status;
}

async function firstRunningTask(context: OperationsContext, serviceName: string): Promise<string> {
  const listed = await context.aws.ecs.send(new ListTasksCommand({ cluster: context.target.clusterName, serviceName, desiredStatus: 'RUNNING' }));
  const task = listed.taskArns?.[0];
  if (task === undefined) {
    throw new OperationError(`${serviceName} has no running task: deploy it, or check \`npx projen status:${context.environment.name}\``);
  }
  return task;
}
