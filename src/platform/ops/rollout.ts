import { DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand, Service } from '@aws-sdk/client-ecs';
import type { OperationsContext } from './environment';
import { OperationError } from './errors';
import { formatSeconds } from './output';
import { containerImageTag } from './task-definitions';
import type { ServiceDeploymentTarget } from '../contract/deployment-config';

/** How a rollout is awaited. */
export interface RolloutOptions {
  /** The image tag the service must run; undefined for services running an external image. */
  readonly imageTag?: string;
  /** Give up after this long. @default 30 minutes */
  readonly timeoutSeconds?: number;
  /** Between two looks at the service. @default 15 seconds */
  readonly pollSeconds?: number;
}

/** The service as last seen. */
export async function describeService(context: OperationsContext, service: ServiceDeploymentTarget): Promise<Service> {
  const request = { cluster: context.target.clusterName, services: [service.ecsServiceName] };
  const described = await context.aws.ecs.send(new DescribeServicesCommand(request));
  const found = described.services?.[0];
  if (found === undefined || found.status === 'INACTIVE') {
    throw new OperationError(`service ${service.ecsServiceName} does not exist in cluster ${context.target.clusterName}: deploy the service stack first`);
  }
  return found;
}

type RolloutState = { readonly done: true } | { readonly done: false; readonly failed?: string };

/**
 * Waits until the service runs the new revision: the primary deployment COMPLETED (rolling) or the
 * primary task set steady (blue/green), on a task definition whose container runs `imageTag`.
 * A deployment that failed or was rolled back by the circuit breaker fails with the stopped tasks'
 * reasons and the last service events.
 */
export async function waitForRollout(
  context: OperationsContext,
  service: ServiceDeploymentTarget,
  options: RolloutOptions = {},
): Promise<void> {
  const timeout = (options.timeoutSeconds ?? 1800) * 1000;
  const poll = (options.pollSeconds ?? 15) * 1000;
  const started = Date.now();
  for (;;) {
    const state = await rolloutState(context, service, options.imageTag);
    if (state.done) {
      return;
    }
    if (state.failed !== undefined) {
      throw new OperationError(`${service.name}: ${state.failed}\n${(await failureDetails(context, service)).join('\n')}`);
    }
    if (Date.now() - started >= timeout) {
      throw new OperationError(`${service.name}: the rollout did not finish within ${formatSeconds(timeout / 1000)}\n${(await failureDetails(context, service)).join('\n')}`);
    }
    await context.sleep(poll);
  }
}

async function rolloutState(context: OperationsContext, service: ServiceDeploymentTarget, imageTag: string | undefined): Promise<RolloutState> {
  const described = await describeService(context, service);
  const blueGreen = described.deploymentController?.type === 'CODE_DEPLOY';
  const primary = blueGreen
    ? described.taskSets?.find((set) => set.status === 'PRIMARY')
    : described.deployments?.find((deployment) => deployment.status === 'PRIMARY');
  if (primary?.taskDefinition === undefined) {
    return { done: false };
  }
  const runsTag = imageTag === undefined || await containerImageTag(context, primary.taskDefinition, service.name) === imageTag;
  if (blueGreen) {
    const steady = (primary as { stabilityStatus?: string }).stabilityStatus === 'STEADY_STATE';
    return steady && runsTag ? { done: true } : { done: false };
  }
  const rollout = (primary as { rolloutState?: string; rolloutStateReason?: string }).rolloutState;
  if (rollout === 'FAILED') {
    return { done: false, failed: `the deployment failed: ${(primary as { rolloutStateReason?: string }).rolloutStateReason ?? 'no reason given'}` };
  }
  if (rollout === 'COMPLETED' && !runsTag) {
    const inProgress = (described.deployments ?? []).some((deployment) => deployment.rolloutState === 'IN_PROGRESS');
    return inProgress ? { done: false } : { done: false, failed: `the service runs ${primary.taskDefinition}, not image ${imageTag}: the deployment was rolled back` };
  }
  return rollout === 'COMPLETED' ? { done: true } : { done: false };
}

/** The reasons of the last stopped tasks and the last service events, one line each. */
export async function failureDetails(context: OperationsContext, service: ServiceDeploymentTarget, limit = 5): Promise<string[]> {
  const cluster = context.target.clusterName;
  const lines: string[] = [];
  const stopped = await context.aws.ecs.send(new ListTasksCommand({ cluster, serviceName: service.ecsServiceName, desiredStatus: 'STOPPED', maxResults: limit }));
  if ((stopped.taskArns ?? []).length > 0) {
    const tasks = await context.aws.ecs.send(new DescribeTasksCommand({ cluster, tasks: stopped.taskArns }));
    for (const task of tasks.tasks ?? []) {
      const containers = (task.containers ?? [])
        .filter((container) => container.reason !== undefined || (container.exitCode ?? 0) !== 0)
        .map((container) => `${container.name} exit ${container.exitCode ?? '?'}${container.reason ? ` (${container.reason})` : ''}`);
      lines.push(`  stopped task ${task.taskArn?.split('/').pop()}: ${task.stoppedReason ?? 'no reason'}${containers.length > 0 ? `; ${containers.join(', ')}` : ''}`);
    }
  }
  const described = await describeService(context, service);
  for (const event of (described.events ?? []).slice(0, limit)) {
    lines.push(`  event ${event.createdAt?.toISOString() ?? ''}: ${event.message}`);
  }
  return lines;
}
