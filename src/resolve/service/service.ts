import { resolveAutoscaling } from './autoscaling';
import { resolveServiceCapacity, resolveTaskSize } from './capacity';
import { resolveContainerSettings, withAppVariables } from './container-settings';
import { resolveReverseProxy, resolveSidecars } from './containers';
import { resolveLoadBalancerHealthCheck } from './health-checks';
import { resolveReachability } from './ingress';
import { resolveReleaseTask, resolveTargetHealthCheck } from './release-and-target-health';
import { resolveTaskCount } from './task-count';
import { CpuArchitecture, ServiceOptions } from '../../options';
import type { ClusterConfig, ServiceConfig } from '../../platform/contract/config';
import { fitName, IAM_ROLE_NAME_MAX } from '../../platform/contract/naming';
import { matchesText, SERVICE_RULES, textRuleReason, TEXT_RULES } from '../../platform/contract/rules';
import { usesEc2 } from '../cluster';
import type { EnvironmentContext } from '../context';

/** Where a service sits in the list of services. */
export interface ServicePosition {
  /** Option path, `services[<index>]`. */
  readonly path: string;
  /** Index in the list. */
  readonly index: number;
  /** The first load-balanced service takes the listener's default route. */
  readonly defaultRoute: boolean;
}

/** Resolves one service from its options: each part by its own validator, which adds its path. */
export function resolveService(ctx: EnvironmentContext, cluster: ClusterConfig, service: ServiceOptions, position: ServicePosition): ServiceConfig {
  const { problems } = ctx;
  const { path } = position;
  const name = service.name ?? ctx.project;
  // A default name inherits the resource prefix, whose problems are reported already.
  problems.check(
    service.name === undefined || matchesText(TEXT_RULES.serviceName, name),
    `${path}.name`,
    name,
    textRuleReason(TEXT_RULES.serviceName),
  );
  const containerPort = service.containerPort ?? SERVICE_RULES.containerPort.default;
  problems.checkRange(`${path}.containerPort`, containerPort, SERVICE_RULES.containerPort);

  const cpuArchitecture = service.cpuArchitecture ?? CpuArchitecture.X86_64;
  problems.checkEnum(`${path}.cpuArchitecture`, cpuArchitecture, CpuArchitecture);
  const capacityProviderStrategy = resolveServiceCapacity(ctx, cluster, service, path, cpuArchitecture);
  const compatibility = usesEc2(capacityProviderStrategy) ? 'EC2' : 'FARGATE';
  const size = resolveTaskSize(service, compatibility, path, problems);

  const { desiredCount, minCapacity, maxCapacity } = resolveTaskCount(ctx, service, path);
  const autoscaling = resolveAutoscaling(ctx, service, path, { minCapacity, maxCapacity });
  const healthChecks = resolveLoadBalancerHealthCheck(service, path, problems);
  const targetHealthCheck = resolveTargetHealthCheck(service, path, problems);
  const release = resolveReleaseTask(service, path, problems);
  const reverseProxy = resolveReverseProxy(service, containerPort, path, problems);
  const sidecars = resolveSidecars(service, name, path, [containerPort, ...(reverseProxy ? [reverseProxy.port] : [])], problems);
  const reachability = resolveReachability(ctx, cluster, service, name, position, autoscaling);
  const settings = resolveContainerSettings(service, path, problems, ctx.region);
  const environment = service.image === undefined
    ? withAppVariables(settings.environment, { containerPort, healthCheckPath: healthChecks.healthCheckPath }, path, problems)
    : settings.environment;

  return {
    name,
    ...(service.image !== undefined ? { image: service.image } : {}),
    containerPort,
    ...size,
    cpuArchitecture,
    compatibility,
    capacityProviderStrategy,
    desiredCount,
    ...healthChecks,
    targetHealthCheck,
    ...settings,
    environment,
    readonlyRootFilesystem: service.readonlyRootFilesystem ?? true,
    sidecars,
    ...(reverseProxy ? { reverseProxy } : {}),
    ...reachability,
    autoscaling,
    ...(release ? { release } : {}),
    executionRoleName: fitName([ctx.project, ctx.env.name, name, 'execution'], IAM_ROLE_NAME_MAX),
    taskRoleName: fitName([ctx.project, ctx.env.name, name, 'task'], IAM_ROLE_NAME_MAX),
  };
}
