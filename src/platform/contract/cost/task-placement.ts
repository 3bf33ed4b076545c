import type { CapacityProviderName, CapacityProviderStrategyConfig } from '../config';

/**
 * How many of a service's `desiredCount` tasks run on each capacity provider, on average: the
 * provider with a base gets up to `base` tasks first, the rest are shared in proportion to the
 * weights. Counts may be fractional (a 3:1 split of one task is 0.75 and 0.25): over time ECS places
 * tasks in those proportions, and an estimate of a month is an average.
 */
export function tasksPerCapacityProvider(
  desiredCount: number,
  strategy: readonly CapacityProviderStrategyConfig[],
): Map<CapacityProviderName, number> {
  const tasks = new Map<CapacityProviderName, number>(strategy.map((item) => [item.capacityProvider, 0]));
  let remaining = desiredCount;
  for (const item of strategy) {
    const base = Math.min(item.base, remaining);
    tasks.set(item.capacityProvider, base);
    remaining -= base;
  }
  const totalWeight = strategy.reduce((sum, item) => sum + item.weight, 0);
  if (remaining > 0 && totalWeight > 0) {
    for (const item of strategy) {
      tasks.set(item.capacityProvider, (tasks.get(item.capacityProvider) ?? 0) + (remaining * item.weight) / totalWeight);
    }
  }
  return tasks;
}
