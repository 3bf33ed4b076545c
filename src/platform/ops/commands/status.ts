import { DescribeServicesCommand, Service } from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SERVICE_OUTPUTS } from '../../contract/stack-interface';
import type { OperationsContext } from '../environment';
import { formatTable } from '../output';
import { failureDetails } from '../rollout';

/** Options of {@link status}. */
export interface StatusOptions {
  /** Only this service. @default - every service */
  readonly service?: string;
  /** Events and stopped tasks shown per service. @default 5 */
  readonly events?: number;
}

/**
 * Prints, per service: desired, running and pending tasks; its deployments and their rollout
 * state; the health of its load balancer targets; recent events and stopped-task reasons; then
 * the environment's URL.
 */
export async function status(context: OperationsContext, options: StatusOptions): Promise<number> {
  const targets = context.services(options.service);
  const described = await context.aws.ecs.send(new DescribeServicesCommand({
    cluster: context.target.clusterName,
    services: targets.map((service) => service.ecsServiceName),
  }));
  const byName = new Map((described.services ?? []).map((service) => [service.serviceName, service]));
  const { output } = context;
  output.line(`${context.config.project} in ${context.environment.name} (${context.environment.region}), cluster ${context.target.clusterName}`);
  let healthy = true;
  for (const target of targets) {
    const service = byName.get(target.ecsServiceName);
    output.line('');
    if (service === undefined || service.status === 'INACTIVE') {
      output.line(`${target.name}: not deployed`);
      healthy = false;
      continue;
    }
    output.line(`${target.name}: ${service.runningCount ?? 0}/${service.desiredCount ?? 0} running, ${service.pendingCount ?? 0} pending`);
    formatTable(['deployment', 'status', 'rollout', 'revision', 'running'], deploymentRows(service)).forEach((line) => output.line(`  ${line}`));
    for (const line of await targetHealth(context, service)) {
      output.line(line);
    }
    const details = await failureDetails(context, target, options.events ?? 5);
    details.forEach((line) => output.line(line));
    healthy = healthy && service.runningCount === service.desiredCount && (service.deployments ?? []).every((d) => d.rolloutState !== 'FAILED');
  }
  const outputs = await context.terraform.outputs(`${context.environment.name}-service`).catch(() => ({} as Record<string, unknown>));
  if (typeof outputs[SERVICE_OUTPUTS.serviceUrl] === 'string') {
    output.line('');
    output.line(`URL: ${outputs[SERVICE_OUTPUTS.serviceUrl]}`);
  }
  return healthy ? 0 : 1;
}

function deploymentRows(service: Service): string[][] {
  return (service.deployments ?? []).map((deployment) => [
    deployment.id ?? '',
    deployment.status ?? '',
    deployment.rolloutState ?? '',
    deployment.taskDefinition?.split('/').pop() ?? '',
    `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0}`,
  ]);
}

async function targetHealth(context: OperationsContext, service: Service): Promise<string[]> {
  const lines: string[] = [];
  for (const balancer of service.loadBalancers ?? []) {
    if (balancer.targetGroupArn === undefined) {
      continue;
    }
    const health = await context.aws.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: balancer.targetGroupArn }));
    const states = (health.TargetHealthDescriptions ?? []).map((description) =>
      `${description.Target?.Id}:${description.Target?.Port} ${description.TargetHealth?.State}${description.TargetHealth?.Reason ? ` (${description.TargetHealth.Reason})` : ''}`);
    lines.push(`  targets of ${balancer.targetGroupArn.split('/')[1]}: ${states.length > 0 ? states.join(', ') : 'none registered'}`);
  }
  return lines;
}
