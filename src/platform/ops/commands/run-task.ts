import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';
import { runOneOffTask } from '../one-off-task';
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
  const service = await describeService(context, target);
  return runOneOffTask(context, {
    taskDefinition: service.taskDefinition!,
    container: target.name,
    command: words,
    placement: service,
    startedBy: 'run-task',
    timeoutSeconds: (options.timeoutMinutes ?? 60) * 60,
    pollSeconds: options.pollSeconds,
  });
}
