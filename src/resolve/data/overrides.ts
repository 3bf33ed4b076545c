import type { EnvironmentContext } from '../context';

/** One data resource's options in an environment, and the context that resolves them. */
export interface ResourceInEnvironment<T> {
  readonly options: T;
  readonly ctx: EnvironmentContext;
}

/**
 * The data resources of an option (`data.databases`, `data.caches`) with an environment's overrides
 * (`environments[].databaseOverrides`…) applied: each set option replaces the resource's own, and a
 * problem with an overridden value is reported at the override's path. Overrides of resources that
 * do not exist are reported.
 *
 * @param option the option listing the resources, e.g. `databases` for `data.databases`
 * @param overridesOption the environment option holding the overrides, e.g. `databaseOverrides`
 */
export function resourcesInEnvironment<T extends { readonly name: string }>(
  ctx: EnvironmentContext, resources: readonly T[], option: string, overridesOption: string, overrides: Record<string, Partial<T>> = {},
): Array<ResourceInEnvironment<T>> {
  const names = resources.map((resource) => resource.name);
  for (const name of Object.keys(overrides)) {
    ctx.problems.check(names.includes(name), `${ctx.envPath}.${overridesOption}.${name}`, name,
      `is not an entry of data.${option}; expected one of ${names.join(', ') || `(none: data.${option} is empty)`}`);
  }
  return resources.map((resource, index) => {
    const override = overrides[resource.name];
    if (override === undefined) {
      return { options: resource, ctx };
    }
    const own = new RegExp(`^data\\.${option}\\[${index}\\]\\.(\\w+)`);
    const problems = ctx.problems.withPaths((path) => {
      const field = own.exec(path)?.[1];
      return field !== undefined && field in override ? path.replace(own, `${ctx.envPath}.${overridesOption}.${resource.name}.$1`) : path;
    });
    return { options: { ...resource, ...override, name: resource.name }, ctx: { ...ctx, problems } };
  });
}
