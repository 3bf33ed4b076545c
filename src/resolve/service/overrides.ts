import type { ServiceOptions } from '../../options';
import type { EnvironmentContext } from '../context';

/**
 * The services' options in this environment: `environments[].serviceOverrides` applied over each
 * service's own (variables and secrets merged by name). Overrides of unknown services, and of a
 * service's name, are reported.
 */
export function servicesInEnvironment(ctx: EnvironmentContext, services: ServiceOptions[]): ServiceOptions[] {
  const overrides = ctx.env.serviceOverrides ?? {};
  const names = services.map((service) => service.name ?? ctx.project);
  for (const [name, override] of Object.entries(overrides)) {
    const path = `${ctx.envPath}.serviceOverrides.${name}`;
    ctx.problems.check(names.includes(name), path, name, `is not a service; expected one of ${names.join(', ')}`);
    ctx.problems.check(override.name === undefined || override.name === name, `${path}.name`, override.name, 'cannot change; overrides apply to the service of that name');
  }
  return services.map((service, index) => {
    const override = overrides[names[index]];
    if (override === undefined) {
      return service;
    }
    return {
      ...service,
      ...override,
      name: service.name,
      ...(service.environment || override.environment ? { environment: { ...service.environment, ...override.environment } } : {}),
      ...(service.secrets || override.secrets ? { secrets: { ...service.secrets, ...override.secrets } } : {}),
    };
  });
}
