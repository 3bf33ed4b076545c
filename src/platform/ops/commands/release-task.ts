import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';
import { registryHost } from '../images';
import { releasingServices, runReleaseTask } from '../release-tasks';
import { describeService } from '../rollout';
import { registerRevisionWithImage } from '../task-definitions';

/** Options of {@link releaseTask}. */
export interface ReleaseTaskOptions {
  /** The service whose release task runs. */
  readonly service: string;
  /** Tag of the image about to be deployed (pushed already). */
  readonly imageTag: string;
}

/**
 * The release task of one service before CodePipeline deploys it: registers a revision from the
 * latest one with the image about to be deployed, runs the release task on it in the service's
 * network and fails unless it exits with 0, which fails the pipeline's release action before the
 * deploy action. The deploy action then registers its own revision of the same content.
 *
 * @returns 0; failures are errors
 */
export async function releaseTask(context: OperationsContext, options: ReleaseTaskOptions): Promise<number> {
  const [target] = context.services(options.service);
  const releasing = releasingServices(context).find((candidate) => candidate.target.name === target.name);
  if (releasing === undefined) {
    throw new OperationError(`${target.name} has no release task in ${context.environment.name}; set services[].release in .projenrc.ts`);
  }
  const { steps } = context;
  const running = await describeService(context, target);
  const revision = target.imageRepositoryName === undefined
    ? running.taskDefinition!
    : await steps.run(`Register a revision of ${target.name} with image ${options.imageTag}`, async () => {
      const accountId = await context.aws.accountId(context.environment.accountId);
      const image = `${registryHost(accountId, context.environment)}/${target.imageRepositoryName}:${options.imageTag}`;
      return registerRevisionWithImage(context, target.taskDefinitionFamily, target.name, image);
    });
  await steps.run(`Run the release task of ${target.name} on ${revision.split('/').pop()}`, () => runReleaseTask(context, releasing, revision, running));
  return 0;
}
