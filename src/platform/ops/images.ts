import { DescribeImagesCommand, GetAuthorizationTokenCommand, ImageNotFoundException } from '@aws-sdk/client-ecr';
import type { OperationsContext } from './environment';
import { OperationError } from './errors';
import { runChecked } from './processes';
import type { BuiltServiceTarget } from '../contract/deployment-config';

/** The image platform docker builds for each CPU architecture. */
const DOCKER_PLATFORMS = { X86_64: 'linux/amd64', ARM64: 'linux/arm64' } as const;

/** One image pushed (or found) in one service's repository. */
export interface PublishedImage {
  readonly service: BuiltServiceTarget;
  readonly uri: string;
  /** False when the tag was in the repository already (tags are immutable). */
  readonly pushed: boolean;
}

/** The DNS suffix of AWS endpoints in a partition. */
export function dnsSuffixOf(partition: string): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The registry host of an account and an environment's region. */
export function registryHost(accountId: string, environment: { region: string; partition: string }): string {
  return `${accountId}.dkr.ecr.${environment.region}.${dnsSuffixOf(environment.partition)}`;
}

/** Whether a repository holds an image with this tag. */
export async function imageExists(context: OperationsContext, repositoryName: string, tag: string): Promise<boolean> {
  try {
    const found = await context.aws.ecr.send(new DescribeImagesCommand({ repositoryName, imageIds: [{ imageTag: tag }] }));
    return (found.imageDetails ?? []).length > 0;
  } catch (error) {
    if (error instanceof ImageNotFoundException || (error as Error).name === 'ImageNotFoundException') {
      return false;
    }
    throw error;
  }
}

/**
 * Builds the image of every service that runs an image of this repository from its directory
 * (`app/`, or `app/<service>/` when there are several) and pushes it, tagged `tag`, to its ECR
 * repository; a repository that has the tag already is skipped (a
 * re-run, or an image another environment pushed to a shared registry).
 */
export async function publishImages(
  context: OperationsContext,
  accountId: string,
  tag: string,
  services: BuiltServiceTarget[] = context.ownImageServices,
): Promise<PublishedImage[]> {
  const registry = registryHost(accountId, context.environment);
  const missing: BuiltServiceTarget[] = [];
  const published: PublishedImage[] = [];
  for (const service of services) {
    const uri = `${registry}/${service.imageRepositoryName}:${tag}`;
    if (await imageExists(context, service.imageRepositoryName, tag)) {
      context.output.line(`  ${uri} exists already`);
      published.push({ service, uri, pushed: false });
    } else {
      missing.push(service);
    }
  }
  if (missing.length === 0) {
    return published;
  }
  await dockerLogin(context, registry);
  for (const [buildContext, built] of groupByBuildContext(missing)) {
    // One build per directory: services built from the same directory share the image.
    const local = `${context.config.project}-${buildContext.replace(/[^a-z0-9]+/g, '-')}:${tag}`;
    await runChecked('docker', ['build', '--platform', DOCKER_PLATFORMS[context.target.imageArchitecture], '--tag', local, buildContext]);
    for (const service of built) {
      const uri = `${registry}/${service.imageRepositoryName}:${tag}`;
      await runChecked('docker', ['tag', local, uri]);
      await runChecked('docker', ['push', uri]);
      context.output.line(`  pushed ${uri} (built from ${buildContext}/)`);
      published.push({ service, uri, pushed: true });
    }
  }
  return published;
}

function groupByBuildContext(services: BuiltServiceTarget[]): Map<string, BuiltServiceTarget[]> {
  const groups = new Map<string, BuiltServiceTarget[]>();
  for (const service of services) {
    groups.set(service.buildContext, [...(groups.get(service.buildContext) ?? []), service]);
  }
  return groups;
}

async function dockerLogin(context: OperationsContext, registry: string): Promise<void> {
  const token = await context.aws.ecr.send(new GetAuthorizationTokenCommand({}));
  const encoded = token.authorizationData?.[0]?.authorizationToken;
  if (encoded === undefined) {
    throw new OperationError('ECR returned no authorization token');
  }
  const [user, password] = Buffer.from(encoded, 'base64').toString('utf-8').split(':');
  await runChecked('docker', ['login', '--username', user, '--password-stdin', registry], { input: password, capture: true });
}
