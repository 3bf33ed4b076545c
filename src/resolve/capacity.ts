import { CapacityProvider, CapacityProviderStrategyItem } from '../options';
import type { OptionProblems } from './problems';
import type { CapacityProviderStrategyConfig } from '../platform/contract/config';
import { CAPACITY_STRATEGY_RULES } from '../platform/contract/rules';

/** The capacity provider strategy a preset starts from. */
export function presetCapacityStrategy(production: boolean): CapacityProviderStrategyItem[] {
  return production
    ? [{ capacityProvider: CapacityProvider.FARGATE, base: 1, weight: 1 }]
    : [
      { capacityProvider: CapacityProvider.FARGATE_SPOT, weight: 3 },
      { capacityProvider: CapacityProvider.FARGATE, weight: 1 },
    ];
}

/**
 * Applies the defaults of a strategy's entries and checks the rules ECS enforces: known providers,
 * no provider twice, bases and weights in range, at most one base, a positive total weight, and no
 * mix of Fargate and Auto Scaling group providers.
 */
export function resolveCapacityStrategy(
  items: readonly CapacityProviderStrategyItem[],
  path: string,
  problems: OptionProblems,
): CapacityProviderStrategyConfig[] {
  const { providers: count, base: baseRule, weight: weightRule } = CAPACITY_STRATEGY_RULES;
  if (!problems.check(items.length >= count.min && items.length <= count.max, path, items, `is not allowed; expected ${count.min} to ${count.max} capacity providers`)) {
    return [];
  }
  let itemsOk = true;
  const resolved = items.map((item, i) => {
    const itemPath = `${path}[${i}]`;
    problems.checkEnum(`${itemPath}.capacityProvider`, item.capacityProvider, CapacityProvider);
    const base = item.base ?? 0;
    const weight = item.weight ?? 1;
    itemsOk = problems.checkRange(`${itemPath}.base`, base, baseRule) && itemsOk;
    itemsOk = problems.checkRange(`${itemPath}.weight`, weight, weightRule) && itemsOk;
    return { capacityProvider: item.capacityProvider, base, weight };
  });
  const providers = resolved.map((item) => item.capacityProvider);
  problems.check(new Set(providers).size === providers.length, path, providers, 'names a capacity provider twice; expected each at most once');
  if (itemsOk) {
    problems.check(resolved.filter((item) => item.base > 0).length <= 1, path, items, 'sets a base on more than one provider; ECS allows a base on one only');
    problems.check(resolved.reduce((sum, item) => sum + item.weight, 0) > 0, path, items, 'has a total weight of 0; expected at least one provider with a positive weight');
  }
  problems.check(
    !(providers.includes(CapacityProvider.EC2) && providers.some((p) => p !== CapacityProvider.EC2)),
    path,
    providers,
    'mixes EC2 with Fargate; ECS does not allow Fargate and Auto Scaling group providers in one strategy',
  );
  return resolved;
}
