import { isBuiltHere } from '../../contract/deployment-config';
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
  const selected = options.service !== undefined ? context.services(options.service) : context.ownImageServices;
  const services = selected.filter(isBuiltHere);
  const external = selected.filter((service) => !isBuiltHere(service));
  if (external.length > 0) {
    throw new OperationError(`${external.map((service) => service.name).join(', ')} run an external image: nothing to build`);
  }
  const accountId = await context.steps.run('Check the AWS credentials', () => context.aws.accountId(context.environment.accountId));
  const images = await context.steps.run(`Build and push image ${options.imageTag}`, () => publishImages(context, accountId, options.imageTag, services));
  if (options.pipelineArtifacts) {
    for (const { service, uri } of images) {
      const files = await context.steps.run(`Write the deploy files of ${service.name}`, () => writePipelineArtifacts(context, service, uri));
      context.output.line(`  ${files.join(', ')}`);
    }
  }
  return 0;
}
