import type { ServicePosition } from './service';
import type { ServiceOptions } from '../../options';
import type { AutoscalingConfig, ClusterConfig, ServiceIngressConfig } from '../../platform/contract/config';
import { ELB_NAME_MAX, fitName } from '../../platform/contract/naming';
import { RULE_CONDITION_VALUES_MAX, SERVICE_RULES, TEXT_RULES } from '../../platform/contract/rules';
import type { EnvironmentContext } from '../context';
import { DEFAULTS } from '../defaults';
import { qualifiedHostnames } from '../domain';

/** How other services and the load balancer reach a service. */
export interface Reachability {
  readonly ingress?: ServiceIngressConfig;
  readonly serviceConnect: boolean;
}

/**
 * Whether a service is on the load balancer (and by which listener rule) and on Service Connect;
 * a service must be reachable one way or the other.
 */
export function resolveReachability(
  ctx: EnvironmentContext,
  cluster: ClusterConfig,
  service: ServiceOptions,
  name: string,
  position: ServicePosition,
  autoscaling: AutoscalingConfig,
): Reachability {
  const { problems } = ctx;
  const { path } = position;
  const loadBalanced = service.loadBalanced ?? true;
  const serviceConnect = service.serviceConnect ?? cluster.serviceConnectNamespace !== undefined;
  problems.check(
    !serviceConnect || cluster.serviceConnectNamespace !== undefined,
    `${path}.serviceConnect`,
    serviceConnect,
    'needs the cluster\'s Service Connect namespace; set cluster.serviceConnect to true',
  );
  problems.check(
    loadBalanced || serviceConnect,
    `${path}.loadBalanced`,
    loadBalanced,
    'leaves the service unreachable; a service off the load balancer needs serviceConnect (and cluster.serviceConnect)',
  );
  if (!loadBalanced) {
    problems.check(service.routing === undefined, `${path}.routing`, service.routing, 'applies to load-balanced services only; remove it or set loadBalanced to true');
    problems.check((service.hostnames ?? []).length === 0, `${path}.hostnames`, service.hostnames, 'applies to load-balanced services only; remove it or set loadBalanced to true');
    problems.check(autoscaling.targetRequestsPerTask === undefined, `${path}.targetRequestsPerTask`, autoscaling.targetRequestsPerTask, 'needs a load-balanced service; remove it or set loadBalanced to true');
    return { serviceConnect };
  }
  return { ingress: resolveIngress(ctx, service, name, position), serviceConnect };
}

function resolveIngress(ctx: EnvironmentContext, service: ServiceOptions, name: string, position: ServicePosition): ServiceIngressConfig {
  const { problems } = ctx;
  const { path, defaultRoute, index } = position;
  const targetGroupName = fitName([ctx.project, ctx.env.name, name], ELB_NAME_MAX);
  const routing = service.routing;
  const hostnames = qualifiedHostnames(ctx, service.hostnames, `${path}.hostnames`);
  const named = hostnames.length > 0 ? { hostnames } : {};
  // The default route reaches the default service whatever the host: its host names need records, not a rule.
  if (defaultRoute && routing === undefined) {
    return { targetGroupName, defaultRoute, ...named };
  }
  const hostHeaders = [...(routing?.hostHeaders ?? []), ...hostnames];
  const pathPatterns = routing?.pathPatterns ?? (hostHeaders.length > 0 ? [] : [`/${name}`, `/${name}/*`]);
  const priority = routing?.priority ?? DEFAULTS.firstRulePriority + index;
  const conditions = hostHeaders.length + pathPatterns.length;
  problems.check(conditions > 0, `${path}.routing`, routing, 'has neither host headers nor path patterns; a service sharing the load balancer needs at least one');
  problems.check(
    conditions <= RULE_CONDITION_VALUES_MAX,
    `${path}.routing`,
    routing,
    `has ${conditions} host headers and path patterns; a listener rule matches at most ${RULE_CONDITION_VALUES_MAX}`,
  );
  (routing?.hostHeaders ?? []).forEach((host, i) => problems.checkText(`${path}.routing.hostHeaders[${i}]`, host, TEXT_RULES.hostHeader));
  pathPatterns.forEach((pattern, i) => problems.checkText(`${path}.routing.pathPatterns[${i}]`, pattern, TEXT_RULES.pathPattern));
  problems.checkRange(`${path}.routing.priority`, priority, SERVICE_RULES.listenerRulePriority);
  return { targetGroupName, defaultRoute, ...named, rule: { priority, hostHeaders, pathPatterns } };
}
