import { IMAGE_TAG_VARIABLE, SERVICE_OUTPUTS } from '../../contract/stack-interface';
import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';
import { imageExists, publishImages, registryHost } from '../images';
import { deployRevision } from '../pipeline-deployment';
import { releaseTerraformRevisions } from '../release-tasks';
import { waitForRollout } from '../rollout';
import { publishSite } from '../site';

/** Options of {@link deploy}. */
export interface DeployOptions {
  /** Image tag to build (or find) and run. */
  readonly imageTag: string;
  /** Do not build: every repository must hold the tag already (rollback). @default false */
  readonly skipBuild?: boolean;
  /** Minutes to wait for each rollout. @default 30 */
  readonly timeoutMinutes?: number;
  /** Seconds between two looks at a rollout. @default 15 */
  readonly pollSeconds?: number;
}

/** Kinds of stack applied before the images are pushed: they create the repositories and the data resources the services read. */
const FOUNDATION_STACKS = ['network', 'cluster', 'data'];

/**
 * Deploys one environment: applies the network and cluster stacks in manifest order, builds the
 * app image and pushes it tagged `imageTag` (skipped where the tag exists), runs the release
 * tasks on the new revisions (a failure stops here), applies the service stack with that tag (or,
 * where the pipeline owns task definitions, registers a new revision, runs the release task on it
 * and deploys it), applies what follows the service stack (the pipeline stack), publishes the
 * static site, waits for every service to run the new image and prints the URL.
 * Deploys one environment: applies the network, cluster and data stacks in manifest order, builds the
 * app image and pushes it tagged `imageTag` (skipped where the tag exists), applies the service
 * stack with that tag (or, where the pipeline owns task definitions, registers and deploys a new
 * revision), applies what follows the service stack (the pipeline stack), waits for every service
 * to run the new image and prints the URL.
 *
 * @returns the exit code
 */
export async function deploy(context: OperationsContext, options: DeployOptions): Promise<number> {
  const { steps, terraform, output } = context;
  const stacks = context.stacks();
  const serviceStack = `${context.environment.name}-service`;
  if (!stacks.includes(serviceStack)) {
    throw new OperationError(`${context.outdir}/manifest.json has no stack ${serviceStack}`);
  }
  const foundation = stacks.filter((stack) => FOUNDATION_STACKS.some((kind) => stack === `${context.environment.name}-${kind}`));
  const after = stacks.slice(stacks.indexOf(serviceStack) + 1);
  const variables = { [IMAGE_TAG_VARIABLE]: options.imageTag };
  output.line(`Deploying ${context.config.project} to ${context.environment.name} (${context.environment.region}), image tag ${options.imageTag}`);

  const accountId = await steps.run('Check the AWS credentials', () => context.aws.accountId(context.environment.accountId));
  for (const stack of foundation) {
    await steps.run(`Apply ${stack}`, () => terraform.apply(stack, variables));
  }
  if (context.ownImageServices.length > 0) {
    await steps.run(options.skipBuild ? `Check that image ${options.imageTag} exists` : `Build and push image ${options.imageTag}`, async () => {
      if (options.skipBuild) {
        await requireExistingImages(context, options.imageTag);
      } else {
        await publishImages(context, accountId, options.imageTag);
      }
    });
  }
  if (context.deployment.taskDefinitionOwner === 'terraform') {
    await releaseTerraformRevisions(context, serviceStack, variables);
  }
  await steps.run(`Apply ${serviceStack}`, () => terraform.apply(serviceStack, variables));
  if (context.deployment.taskDefinitionOwner === 'pipeline') {
    const registry = registryHost(accountId, context.environment);
    for (const service of context.ownImageServices) {
      await steps.run(`Deploy a new revision of ${service.name}`, () =>
        deployRevision(context, service, `${registry}/${service.imageRepositoryName}:${options.imageTag}`, options.pollSeconds));
    }
  }
  for (const stack of after) {
    await steps.run(`Apply ${stack}`, () => terraform.apply(stack, variables));
  }
  if (context.environment.staticSite !== undefined) {
    await steps.run('Publish the static site', () => publishSite(context));
  }
  for (const service of context.target.services) {
    const ownImage = service.imageRepositoryName !== undefined;
    await steps.run(`Wait for ${service.name} to roll out`, () => waitForRollout(context, service, {
      imageTag: ownImage ? options.imageTag : undefined,
      timeoutSeconds: (options.timeoutMinutes ?? 30) * 60,
      pollSeconds: options.pollSeconds,
    }));
  }
  const outputs = await terraform.outputs(serviceStack);
  output.line('');
  output.line(`Deployed ${options.imageTag} to ${context.environment.name}: ${steps.summary()}`);
  if (typeof outputs[SERVICE_OUTPUTS.serviceUrl] === 'string') {
    output.line(`URL: ${outputs[SERVICE_OUTPUTS.serviceUrl]}`);
  }
  return 0;
}

async function requireExistingImages(context: OperationsContext, tag: string): Promise<void> {
  for (const service of context.ownImageServices) {
    if (!await imageExists(context, service.imageRepositoryName, tag)) {
      throw new OperationError(`${service.imageRepositoryName} has no image ${tag}`);
    }
  }
}
