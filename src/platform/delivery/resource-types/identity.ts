import { on, PermissionSet } from '../permission-set';

/**
 * IAM roles, their policies and instance profiles (hashicorp/aws 5.100.0). The actions that accept
 * the `iam:PermissionsBoundary` condition key are granted on `boundedWorkloadRoles`, so they act
 * only on roles that carry the environment's boundary; deleting a boundary is never granted.
 */
export const IDENTITY_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_iam_role: {
    read: [on('workloadRoles', 'iam:GetRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole', 'iam:ListRoleTags')],
    write: [
      on('boundedWorkloadRoles', 'iam:CreateRole', 'iam:PutRolePermissionsBoundary'),
      on('workloadRoles', 'iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy', 'iam:TagRole', 'iam:UntagRole'),
      // Deleting a role first removes it from its instance profiles.
      on('instanceProfiles', 'iam:RemoveRoleFromInstanceProfile'),
    ],
  },
  aws_iam_role_policy: {
    read: [on('workloadRoles', 'iam:GetRolePolicy')],
    write: [on('boundedWorkloadRoles', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy')],
  },
  aws_iam_role_policy_attachment: {
    read: [on('workloadRoles', 'iam:ListAttachedRolePolicies')],
    write: [on('boundedWorkloadRoles', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy')],
  },
  aws_iam_instance_profile: {
    read: [on('instanceProfiles', 'iam:GetInstanceProfile')],
    write: [on('instanceProfiles',
      'iam:CreateInstanceProfile', 'iam:DeleteInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile',
      'iam:TagInstanceProfile', 'iam:UntagInstanceProfile')],
    passRoleTo: ['ec2.amazonaws.com'],
  },
};
