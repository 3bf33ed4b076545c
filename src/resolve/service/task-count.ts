import type { ServiceOptions } from '../../options';
import { SERVICE_RULES } from '../../platform/contract/rules';
import { EnvironmentContext, overridable } from '../context';

/** How many tasks a service runs at first, and between which bounds autoscaling moves. */
export interface TaskCount {
  readonly desiredCount: number;
  readonly minCapacity: number;
  readonly maxCapacity: number;
}

/**
 * The desired count and the autoscaling bounds, each from the environment's override, else the
 * service's option, else the preset (desired 1 in development and 2 in production, minimum the
 * desired count, maximum four times the minimum).
 */
export function resolveTaskCount(ctx: EnvironmentContext, service: ServiceOptions, path: string): TaskCount {
  const { problems } = ctx;
  const setting = (key: 'desiredCount' | 'minCapacity' | 'maxCapacity') =>
    overridable<number | undefined>(ctx, key, service[key], `${path}.${key}`, undefined);
  const desired = setting('desiredCount');
  const min = setting('minCapacity');
  const max = setting('maxCapacity');
  const presetCount = ctx.production ? 2 : 1;
  const minCapacity = min.value ?? Math.max(desired.value ?? presetCount, 1);
  const maxCapacity = max.value ?? Math.max(minCapacity * 4, 1);
  const desiredCount = desired.value ?? Math.max(presetCount, minCapacity);

  const minOk = problems.checkRange(min.path, minCapacity, SERVICE_RULES.minCapacity);
  const maxOk = problems.checkRange(max.path, maxCapacity, SERVICE_RULES.maxCapacity);
  const desiredOk = problems.checkRange(desired.path, desiredCount, SERVICE_RULES.desiredCount);
  if (minOk && maxOk && problems.check(maxCapacity >= minCapacity, max.path, maxCapacity, `is below the minimum capacity ${minCapacity}; expected at least ${minCapacity}`)) {
    problems.check(
      !desiredOk || (desiredCount >= minCapacity && desiredCount <= maxCapacity),
      desired.path,
      desiredCount,
      `is outside the autoscaling range; expected ${minCapacity} to ${maxCapacity}`,
    );
  }
  // A minimum derived from an invalid desired count is not the user's: that count is reported already.
  if (ctx.production && minOk && (min.value !== undefined || desiredOk)) {
    problems.check(
      minCapacity >= 2,
      min.value !== undefined ? min.path : desired.path,
      minCapacity,
      'is below 2 in a production environment; a single task is a single point of failure (use the development preset for one task)',
    );
  }
  return { desiredCount, minCapacity, maxCapacity };
}
