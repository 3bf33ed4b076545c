import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, RegisterTaskDefinitionCommandInput, TaskDefinition } from '@aws-sdk/client-ecs';
import type { OperationsContext } from './environment';
import { OperationError } from './errors';

/** The tag of a container's image (`…:tag`), undefined for digests and untagged images. */
export function imageTagOf(image: string | undefined): string | undefined {
  if (image === undefined || image.includes('@')) {
    return undefined;
  }
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : undefined;
}

/** A task definition by ARN or family (latest active revision). */
export async function describeTaskDefinition(context: OperationsContext, taskDefinition: string): Promise<TaskDefinition> {
  const described = await context.aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }));
  if (described.taskDefinition === undefined) {
    throw new OperationError(`task definition ${taskDefinition} not found`);
  }
  return described.taskDefinition;
}

/** The image tag the named container of a task definition runs. */
export async function containerImageTag(context: OperationsContext, taskDefinition: string, container: string): Promise<string | undefined> {
  const definition = await describeTaskDefinition(context, taskDefinition);
  return imageTagOf(definition.containerDefinitions?.find((candidate) => candidate.name === container)?.image);
}

/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition does not take. */
const READ_ONLY_FIELDS = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'] as const;

/** A described task definition as a registration request: the read-only fields dropped. */
export function registrationOf(described: TaskDefinition): RegisterTaskDefinitionCommandInput {
  const input: Record<string, unknown> = { ...described };
  for (const field of READ_ONLY_FIELDS) {
    delete input[field];
  }
  return input as unknown as RegisterTaskDefinitionCommandInput;
}

/**
 * Registers a new revision of a family from its latest one with `container` running `image`
 * (deployments whose task definitions the pipeline owns).
 * @returns the new revision's ARN
 */
export async function registerRevisionWithImage(context: OperationsContext, family: string, container: string, image: string): Promise<string> {
  const latest = await describeTaskDefinition(context, family);
  const containers = (latest.containerDefinitions ?? []).map((definition) => (definition.name === container ? { ...definition, image } : definition));
  if (!containers.some((definition) => definition.name === container)) {
    throw new OperationError(`task definition ${family} has no container ${container}`);
  }
  const request = { ...registrationOf(latest), containerDefinitions: containers };
  const registered = await context.aws.ecs.send(new RegisterTaskDefinitionCommand(request));
  const arn = registered.taskDefinition?.taskDefinitionArn;
  if (arn === undefined) {
    throw new OperationError(`ECS registered no revision of ${family}`);
  }
  return arn;
}
