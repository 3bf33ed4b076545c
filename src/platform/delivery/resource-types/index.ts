import type { PermissionSet } from '../permission-set';
import { COMPUTE_RESOURCE_PERMISSIONS } from './compute';
import { DATA_RESOURCE_PERMISSIONS } from './data';
import { DELIVERY_RESOURCE_PERMISSIONS } from './delivery';
import { EDGE_RESOURCE_PERMISSIONS } from './edge';
import { IDENTITY_RESOURCE_PERMISSIONS } from './identity';
import { NETWORK_RESOURCE_PERMISSIONS } from './network';
import { OBSERVABILITY_RESOURCE_PERMISSIONS } from './observability';
import { WORKLOAD_RESOURCE_PERMISSIONS } from './workloads';

/**
 * What Terraform (hashicorp/aws 5.100.0) needs from IAM to create, refresh, update, delete and
 * tag each resource type the environment stacks may contain.
 */
export const RESOURCE_TYPE_PERMISSIONS: Readonly<Record<string, PermissionSet>> = {
  ...NETWORK_RESOURCE_PERMISSIONS,
  ...COMPUTE_RESOURCE_PERMISSIONS,
  ...EDGE_RESOURCE_PERMISSIONS,
  ...IDENTITY_RESOURCE_PERMISSIONS,
  ...DELIVERY_RESOURCE_PERMISSIONS,
  ...WORKLOAD_RESOURCE_PERMISSIONS,
  ...DATA_RESOURCE_PERMISSIONS,
  ...OBSERVABILITY_RESOURCE_PERMISSIONS,
};

/**
 * The permissions of each resource type.
 *
 * @throws Error naming the first resource type the table does not cover, so that a new construct
 * cannot ship without the permissions its deployment needs
 */
export function permissionsOfResourceTypes(types: Iterable<string>): PermissionSet[] {
  return [...types].map((type) => {
    const permissions = RESOURCE_TYPE_PERMISSIONS[type];
    if (permissions === undefined) {
      throw new Error(
        `No deploy permissions are known for Terraform resource type ${type}; add it to src/platform/delivery/resource-types/ `
        + 'with the IAM actions hashicorp/aws needs to create, read, update, delete and tag it',
      );
    }
    return permissions;
  });
}
