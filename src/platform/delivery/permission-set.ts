import type { ScopeName } from './scope-names';

/** Actions allowed on the resources of one scope. */
export interface ScopedActions {
  readonly scope: ScopeName;
  readonly actions: readonly string[];
}

/**
 * What one kind of work needs from IAM: managing a Terraform resource type, or running the
 * operations commands.
 */
export interface PermissionSet {
  /** What refreshing needs (Describe, List, Get): granted to the plan role and the deploy role. */
  readonly read: readonly ScopedActions[];
  /** What creating, updating, deleting and tagging need: deploy role only. */
  readonly write: readonly ScopedActions[];
  /** Service principals the environment's roles are passed to (`iam:PassedToService`). */
  readonly passRoleTo?: readonly string[];
  /** Services whose service-linked role the first creation may create (`iam:AWSServiceName`). */
  readonly serviceLinkedRoles?: readonly string[];
}

/** Shorthand for one {@link ScopedActions}. */
export function on(scope: ScopeName, ...actions: string[]): ScopedActions {
  return { scope, actions };
}
