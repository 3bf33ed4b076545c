import { DescribeImagesCommand, ImageDetail } from '@aws-sdk/client-ecr';
import { deploy } from './deploy';
import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';
import { describeService } from '../rollout';
import { containerImageTag } from '../task-definitions';

/** Options of {@link rollback}. */
export interface RollbackOptions {
  /** The tag to go back to. @default - the image pushed before the one running */
  readonly to?: string;
  /** Minutes to wait for each rollout. @default 30 */
  readonly timeoutMinutes?: number;
  /** Seconds between two looks at a rollout. @default 15 */
  readonly pollSeconds?: number;
}

/**
 * Redeploys the image pushed before the one the services run (or `--to <tag>`) through the same
 * path as `deploy`, without building: all services of this repository share one tag, so they go
 * back together.
 */
export async function rollback(context: OperationsContext, options: RollbackOptions): Promise<number> {
  const [service] = context.ownImageServices;
  if (service === undefined) {
    throw new OperationError(`no service in ${context.environment.name} runs an image of this repository: nothing to roll back`);
  }
  const running = await context.steps.run(`Find the image ${service.name} runs`, async () => {
    const described = await describeService(context, service);
    return described.taskDefinition !== undefined ? containerImageTag(context, described.taskDefinition, service.name) : undefined;
  });
  const tag = options.to ?? await context.steps.run('Find the previous image', () => previousTag(context, service.imageRepositoryName, running));
  if (tag === running) {
    throw new OperationError(`${service.name} runs ${tag} already`);
  }
  context.output.line(`Rolling ${context.environment.name} back from ${running ?? 'an unknown image'} to ${tag}`);
  return deploy(context, { imageTag: tag, skipBuild: true, timeoutMinutes: options.timeoutMinutes, pollSeconds: options.pollSeconds });
}

/** The most recent tag pushed before `current` (or the most recent one when `current` is unknown). */
async function previousTag(context: OperationsContext, repositoryName: string, current: string | undefined): Promise<string> {
  const images: ImageDetail[] = [];
  let nextToken: string | undefined;
  do {
    const page = await context.aws.ecr.send(new DescribeImagesCommand({ repositoryName, filter: { tagStatus: 'TAGGED' }, nextToken }));
    images.push(...(page.imageDetails ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  const newestFirst = images.sort((a, b) => (b.imagePushedAt?.getTime() ?? 0) - (a.imagePushedAt?.getTime() ?? 0));
  const currentIndex = current === undefined ? -1 : newestFirst.findIndex((image) => image.imageTags?.includes(current));
  const previous = newestFirst.slice(currentIndex + 1).map((image) => image.imageTags?.[0]).find((tag) => tag !== undefined);
  if (previous === undefined) {
    throw new OperationError(`${repositoryName} holds no image older than ${current ?? 'the running one'}: pass --to <tag>`);
  }
  return previous;
}
