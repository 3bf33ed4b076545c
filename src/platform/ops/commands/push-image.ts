import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';
import { publishImages } from '../images';
import { writePipelineArtifacts } from '../pipeline-artifacts';

/** Options of {@link pushImage}. */
export interface PushImageOptions {
  /** The image tag. */
  readonly imageTag: string;
  /** Only this service's repository. @default - every service with an image of this repository */
  readonly service?: string;
  /** Also write the files CodePipeline's deploy action reads (in the current directory). @default false */
  readonly pipelineArtifacts?: boolean;
}

/**
 * Builds the app image and pushes it tagged `imageTag` to the environment's repositories (skipped
 * where the tag exists): the image half of `deploy`, which CodeBuild runs in the CodePipeline path.
 */
export async function pushImage(context: OperationsContext, options: PushImageOptions): Promise<number> {
  const services = options.service !== undefined ? context.services(options.service) : context.ownImageServices;
  const external = services.filter((service) => service.imageRepositoryName === undefined);
  if (external.length > 0) {
    throw new OperationError(`${external.map((service) => service.name).join(', ')} run an external image: nothing to build`);
  }
  const accountId = await context.steps.run('Check the AWS credentials', () => context.aws.accountId(context.environment.accountId));
  const images = await context.steps.run(`Build and push image ${options.imageTag}`, () => publishImages(context, accountId, options.imageTag, services));
  if (options.pipelineArtifacts) {
    for (const image of images) {
      const service = services.find((candidate) => candidate.name === image.service)!;
      const files = await context.steps.run(`Write the deploy files of ${service.name}`, () => writePipelineArtifacts(context, service, image.uri));
      context.output.line(`  ${files.join(', ')}`);
    }
  }
  return 0;
}
