import { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';

/** The distinct Terraform resource types of every resource in the given constructs (stacks), sorted. */
export function resourceTypesOf(scopes: Construct[]): string[] {
  const types = new Set<string>();
  for (const scope of scopes) {
    for (const node of scope.node.findAll()) {
      if (node instanceof TerraformResource) {
        types.add(node.terraformResourceType);
      }
    }
  }
  return [...types].sort();
}
