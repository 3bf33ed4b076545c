import type { PolicyStatement } from '../contract/policies';

/** What the guardrails protect, as ARNs. */
export interface GuardedResources {
  /** Roles under the delivery path: the deploy and plan roles of every environment. */
  readonly deliveryRoles: string;
  /** Policies under the delivery path: the boundaries and the roles' managed policies. */
  readonly deliveryPolicies: string;
}

/** Every IAM action that changes a role, its policies or its trust. */
const ROLE_CHANGES = [
  'iam:AttachRolePolicy', 'iam:CreateRole', 'iam:DeleteRole', 'iam:DeleteRolePermissionsBoundary', 'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy', 'iam:PassRole', 'iam:PutRolePermissionsBoundary', 'iam:PutRolePolicy', 'iam:TagRole', 'iam:UntagRole',
  'iam:UpdateAssumeRolePolicy', 'iam:UpdateRole', 'iam:UpdateRoleDescription',
];

/** Every IAM action that changes a managed policy. */
const POLICY_CHANGES = [
  'iam:CreatePolicy', 'iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion',
  'iam:TagPolicy', 'iam:UntagPolicy',
];

/**
 * Explicit denials on top of the deploy role's allowances: it can change neither itself nor any
 * other delivery role, nor any delivery policy (its own, the plan role's, the permissions
 * boundary), and it can take no boundary off a role. An Allow added later by mistake cannot
 * override them.
 */
export function deployGuardrails(guarded: GuardedResources): PolicyStatement[] {
  return [
    { Sid: 'DenyChangingDeliveryRoles', Effect: 'Deny', Action: ROLE_CHANGES, Resource: guarded.deliveryRoles },
    { Sid: 'DenyChangingDeliveryPolicies', Effect: 'Deny', Action: POLICY_CHANGES, Resource: guarded.deliveryPolicies },
    { Sid: 'DenyRemovingBoundaries', Effect: 'Deny', Action: 'iam:DeleteRolePermissionsBoundary', Resource: '*' },
  ];
}
