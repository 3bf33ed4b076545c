import { on, PermissionSet } from '../permission-set';

const WAF_TAGS = ['wafv2:TagResource', 'wafv2:UntagResource'];

/** CloudWatch dashboards and AWS WAF web ACLs (hashicorp/aws 5.100.0); the alarm topic's are the workloads' SNS permissions. */
export const OBSERVABILITY_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_cloudwatch_dashboard: {
    read: [on('dashboards', 'cloudwatch:GetDashboard')],
    write: [on('dashboards', 'cloudwatch:PutDashboard', 'cloudwatch:DeleteDashboards')],
  },
  aws_wafv2_web_acl: {
    // Creating and updating a web ACL is authorized on the ACL and on the managed rule groups it references.
    read: [on('webAcls', 'wafv2:GetWebACL', 'wafv2:ListTagsForResource')],
    write: [on('webAcls', 'wafv2:CreateWebACL', 'wafv2:UpdateWebACL', 'wafv2:DeleteWebACL', ...WAF_TAGS)],
  },
  aws_wafv2_web_acl_association: {
    read: [on('webAcls', 'wafv2:GetWebACL'), on('regional', 'wafv2:GetWebACLForResource')],
    write: [
      on('webAcls', 'wafv2:AssociateWebACL', 'wafv2:DisassociateWebACL'),
      on('loadBalancing', 'wafv2:AssociateWebACL', 'wafv2:DisassociateWebACL', 'elasticloadbalancing:SetWebACL'),
    ],
  },
  aws_wafv2_web_acl_logging_configuration: {
    read: [on('webAcls', 'wafv2:GetLoggingConfiguration'), on('regional', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups')],
    write: [
      on('webAcls', 'wafv2:PutLoggingConfiguration', 'wafv2:DeleteLoggingConfiguration'),
      // WAF sets up the vended log delivery with the caller's permissions; these actions have no resource-level permissions.
      on('regional', 'logs:CreateLogDelivery', 'logs:DeleteLogDelivery', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies'),
    ],
  },
};
