import { IResolvable, ListTerraformIterator, ref, TerraformIterator } from 'cdktf';

/**
 * What a plain Terraform module decides at plan time where the project type decides at synthesis.
 * The module generator (`scripts/terraform-modules/`) sets these inputs; the project type's stacks
 * leave them unset. Every value is a Terraform expression, written without `${}`.
 */
export interface ClusterModuleInputs {
  /** Bool expression: Container Insights on. */
  readonly containerInsights: string;
  /** List expression of `{ capacity_provider, base, weight }` objects: the cluster's default strategy. */
  readonly capacityProviderStrategy: string;
  /** List expression of service names: one ECR repository each (instead of one per configured service). */
  readonly imageRepositories: string;
}

/** What the service module decides at plan time (see {@link ClusterModuleInputs}). */
export interface ServiceModuleInputs {
  /** List expression of `{ capacity_provider, base, weight }` objects: the service's strategy. */
  readonly capacityProviderStrategy: string;
  /** Map expression, name to value: the application container's environment variables. */
  readonly environmentVariables: string;
  /** Bool expression: deletion protection of the load balancer. */
  readonly deletionProtection: string;
  /** Bool expression: an HTTPS listener forwards and port 80 redirects to it; otherwise port 80 forwards. */
  readonly https: string;
  /** List expression of the CIDR blocks allowed to reach the listeners. */
  readonly allowedCidrs: string;
}

/** `${expression}`: a Terraform expression as a template string. */
export function interpolation(expression: string): string {
  return `\${${expression}}`;
}

/** An iterator over the items of a list or set expression, as a set (`each.key` and `each.value` are the item). */
export function iteratorOver(expression: string): ListTerraformIterator {
  return TerraformIterator.fromList(ref(expression));
}

/** One capacity provider strategy block per item of a list expression of `{ capacity_provider, base, weight }`. */
export function capacityProviderStrategyBlocks(expression: string): IResolvable {
  const item = iteratorOver(expression);
  return item.dynamic({
    capacity_provider: item.getString('capacity_provider'),
    base: item.getNumber('base'),
    weight: item.getNumber('weight'),
  });
}
