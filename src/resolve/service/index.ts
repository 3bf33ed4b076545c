import { servicesInEnvironment } from './overrides';
import { resolveService } from './service';
import type { ClusterConfig, ServiceConfig } from '../../platform/contract/config';
import type { EnvironmentContext } from '../context';

/** Resolves and validates the services of one environment: each service, then names and rule priorities across them. */
export function resolveServices(ctx: EnvironmentContext, cluster: ClusterConfig): ServiceConfig[] {
  const { problems } = ctx;
  const services = servicesInEnvironment(ctx, ctx.options.services ?? [{}]);
  problems.check(services.length > 0, 'services', services, 'is empty; at least one service is required');
  const firstLoadBalanced = services.findIndex((service) => service.loadBalanced ?? true);
  problems.check(
    services.length === 0 || firstLoadBalanced >= 0,
    'services',
    services.map((s) => s.name ?? ctx.project),
    'has no load-balanced service; expected at least one service with loadBalanced true (the default)',
  );

  const names = new Set<string>();
  const priorities = new Map<number, string>();
  return services.map((service, index) => {
    const path = `services[${index}]`;
    const config = resolveService(ctx, cluster, service, { path, index, defaultRoute: index === firstLoadBalanced });
    problems.check(!names.has(config.name), `${path}.name`, config.name, 'is used by another service; service names must be unique');
    names.add(config.name);
    const priority = config.ingress?.rule?.priority;
    if (priority !== undefined) {
      problems.check(
        !priorities.has(priority),
        `${path}.routing.priority`,
        priority,
        `is used by ${priorities.get(priority)} too; listener rule priorities must be unique`,
      );
      priorities.set(priority, path);
    }
    return config;
  });
}
