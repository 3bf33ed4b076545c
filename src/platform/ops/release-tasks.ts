import type { OperationsContext } from './environment';
import { OperationError } from './errors';
import { runOneOffTask, TaskPlacement } from './one-off-task';
import { describeService } from './rollout';
import type { StackJson } from './terraform';
import type { ServiceConfig } from '../contract/config';
import type { ServiceDeploymentTarget } from '../contract/deployment-config';
import { RELEASE_PREREQUISITE_TYPES, ReleaseTaskConfig } from '../contract/release-task';
import { NETWORK_OUTPUTS } from '../contract/stack-interface';

/** A service of the environment that has a release task. */
export interface ReleasingService {
  readonly target: ServiceDeploymentTarget;
  readonly config: ServiceConfig;
  readonly release: ReleaseTaskConfig;
}

/** The environment's services with a release task, in deployment order. */
export function releasingServices(context: OperationsContext): ReleasingService[] {
  return context.target.services.flatMap((target) => {
    const config = context.environment.services.find((service) => service.name === target.name);
    return config?.release !== undefined ? [{ target, config, release: config.release }] : [];
  });
}

const TASK_DEFINITION_ID = /task_definition_[0-9A-Fa-f]{8}$/;

/**
 * The Terraform addresses a service's release task needs before the service is updated: its task
 * definition and, in the same construct (logical ids share its prefix), the roles, their policies,
 * the security groups and their rules (RELEASE_PREREQUISITE_TYPES). A resource belongs to the
 * service with the longest matching prefix, so `web` does not take `web-admin`'s resources.
 */
export function releasePrerequisites(stack: StackJson, family: string): string[] {
  const definitions = Object.entries(stack.resource?.aws_ecs_task_definition ?? {});
  const own = definitions.find(([, body]) => body.family === family);
  if (own === undefined) {
    throw new OperationError(`the service stack has no task definition of family ${family}: run \`npx projen synth\``);
  }
  const prefixOf = (id: string) => id.replace(TASK_DEFINITION_ID, '');
  const prefix = prefixOf(own[0]);
  const longer = definitions.map(([id]) => prefixOf(id)).filter((other) => other.length > prefix.length && other.startsWith(prefix));
  return RELEASE_PREREQUISITE_TYPES.flatMap((type) => Object.keys(stack.resource?.[type] ?? {})
    .filter((id) => id.startsWith(prefix) && !longer.some((other) => id.startsWith(other)))
    .map((id) => `${type}.${id}`));
}

/**
 * Runs a service's release task on `taskDefinition` and fails unless it exits with 0: the caller
 * has not touched the service yet, so the service keeps its revision.
 */
export async function runReleaseTask(
  context: OperationsContext,
  service: ReleasingService,
  taskDefinition: string,
  placement: TaskPlacement,
): Promise<void> {
  const name = service.target.name;
  const stops = `the deployment stops and ${name} keeps its current revision`;
  const exitCode = await runOneOffTask(context, {
    taskDefinition,
    container: name,
    command: service.release.command,
    placement,
    startedBy: `release-${name}`.slice(0, 36),
    timeoutSeconds: service.release.timeoutSeconds,
  }).catch((error: unknown) => {
    throw error instanceof OperationError ? new OperationError(`the release task of ${name} failed: ${error.message}; ${stops}`) : error;
  });
  if (exitCode !== 0) {
    throw new OperationError(`the release task of ${name} exited with ${exitCode}: ${stops}`);
  }
}

/**
 * Where a release task runs: like the running service (its subnets, security groups and capacity);
 * before the first deployment, in the private subnets (network stack) with the service's security
 * groups from the service stack's state and the capacity of its configuration.
 */
export async function releasePlacement(
  context: OperationsContext,
  service: ReleasingService,
  securityGroups: () => Promise<string[]>,
): Promise<TaskPlacement> {
  const running = await describeService(context, service.target).catch(() => undefined);
  if (running?.networkConfiguration !== undefined) {
    return running;
  }
  const networkStack = `${context.environment.name}-network`;
  const subnets = (await context.terraform.outputs(networkStack))[NETWORK_OUTPUTS.privateSubnetIds];
  if (!Array.isArray(subnets) || subnets.length === 0) {
    throw new OperationError(`${networkStack} has no ${NETWORK_OUTPUTS.privateSubnetIds} output: apply it first`);
  }
  const ec2 = context.environment.cluster.ec2Capacity?.name;
  return {
    networkConfiguration: { awsvpcConfiguration: { subnets: subnets as string[], securityGroups: await securityGroups(), assignPublicIp: 'DISABLED' } },
    capacityProviderStrategy: service.config.capacityProviderStrategy.map((item) => ({
      capacityProvider: item.capacityProvider === 'EC2' && ec2 !== undefined ? ec2 : item.capacityProvider,
      base: item.base,
      weight: item.weight,
    })),
  };
}

/**
 * The release tasks of a deployment whose task definitions Terraform owns. The new revision must
 * exist before the service points to it, and the service must not move before the task succeeded:
 * a targeted apply (`-target`) registers the new task definition revisions with what a task needs
 * to start (roles, policies, security groups), the release tasks run on those revisions, and only
 * then does the caller apply the whole stack, which points the services at them. A failed release
 * leaves the services on their running revisions (ECS keeps running and scaling a revision that
 * Terraform's replacement deregistered); the next deploy registers a revision again.
 */
export async function releaseTerraformRevisions(context: OperationsContext, serviceStack: string, variables: Record<string, string>): Promise<void> {
  const releasing = releasingServices(context);
  if (releasing.length === 0) {
    return;
  }
  const { steps, terraform } = context;
  const json = terraform.stackJson(serviceStack);
  const targets = new Map(releasing.map((service) => [service.target.name, releasePrerequisites(json, service.target.taskDefinitionFamily)]));
  const names = releasing.map((service) => service.target.name).join(', ');
  await steps.run(`Register the new task definitions of ${names} (targeted apply of ${serviceStack})`, () =>
    terraform.apply(serviceStack, variables, [...targets.values()].flat()));
  const state = await terraform.stateResources(serviceStack);
  const attribute = (address: string, name: string) => state.find((resource) => resource.address === address)?.values[name];
  for (const service of releasing) {
    const addresses = targets.get(service.target.name)!;
    const revision = attribute(addresses.find((address) => address.startsWith('aws_ecs_task_definition.'))!, 'arn');
    if (typeof revision !== 'string') {
      throw new OperationError(`the state of ${serviceStack} has no task definition of ${service.target.name} after the targeted apply`);
    }
    const securityGroups = async () => addresses.filter((address) => address.startsWith('aws_security_group.'))
      .map((address) => attribute(address, 'id')).filter((id): id is string => typeof id === 'string');
    await steps.run(`Run the release task of ${service.target.name} on ${revision.split('/').pop()}`, async () =>
      runReleaseTask(context, service, revision, await releasePlacement(context, service, securityGroups)));
  }
}
