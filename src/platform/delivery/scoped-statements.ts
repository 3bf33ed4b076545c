import type { EnvironmentScopes } from './environment-scopes';
import type { PermissionSet, ScopedActions } from './permission-set';
import type { ScopeName } from './scope-names';
import type { PolicyStatement } from '../contract/policies';

/** Which part of the permission sets a role gets. */
export type Access = 'read' | 'read-write';

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The sorted, distinct actions of a scope across permission sets. */
function actionsByScope(entries: ScopedActions[]): Map<ScopeName, string[]> {
  const byScope = new Map<ScopeName, Set<string>>();
  for (const entry of entries) {
    const actions = byScope.get(entry.scope) ?? new Set<string>();
    entry.actions.forEach((action) => actions.add(action));
    byScope.set(entry.scope, actions);
  }
  return new Map([...byScope.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([scope, actions]) => [scope, [...actions].sort()]));
}

/**
 * One statement per scope holding every action the permission sets need there, plus, for
 * read-write access, the `iam:PassRole` and service-linked role statements they ask for. Scopes
 * the environment has no resources of are left out.
 */
export function scopedStatements(sets: PermissionSet[], scopes: EnvironmentScopes, access: Access): PolicyStatement[] {
  const entries = sets.flatMap((set) => (access === 'read' ? set.read : [...set.read, ...set.write]));
  const statements: PolicyStatement[] = [];
  for (const [scope, actions] of actionsByScope(entries)) {
    const resolved = scopes.resolve(scope);
    if (resolved.resources.length === 0) {
      continue;
    }
    statements.push({
      Sid: `${access === 'read' ? 'Read' : 'Manage'}${pascal(scope)}`,
      Effect: 'Allow',
      Action: actions,
      Resource: resolved.resources.length === 1 ? resolved.resources[0] : resolved.resources,
      ...(resolved.condition ? { Condition: resolved.condition } : {}),
    });
  }
  if (access === 'read-write') {
    statements.push(...delegationStatements(sets, scopes));
  }
  return statements;
}

function distinct(values: Array<readonly string[] | undefined>): string[] {
  return [...new Set(values.flatMap((value) => value ?? []))].sort();
}

/** Passing the environment's roles to the services that need them, and creating service-linked roles. */
function delegationStatements(sets: PermissionSet[], scopes: EnvironmentScopes): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const passedTo = distinct(sets.map((set) => set.passRoleTo));
  if (passedTo.length > 0) {
    statements.push({
      Sid: 'PassWorkloadRoles',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: scopes.resolve('workloadRoles').resources,
      Condition: { StringEquals: { 'iam:PassedToService': passedTo } },
    });
  }
  const linked = distinct(sets.map((set) => set.serviceLinkedRoles));
  if (linked.length > 0) {
    statements.push({
      Sid: 'CreateServiceLinkedRoles',
      Effect: 'Allow',
      Action: 'iam:CreateServiceLinkedRole',
      Resource: scopes.serviceLinkedRoles(),
      Condition: { StringEquals: { 'iam:AWSServiceName': linked } },
    });
  }
  return statements;
}
