import { on, PermissionSet } from '../permission-set';

const SNS_TAGS = ['sns:TagResource', 'sns:UntagResource'];
const WAF_TAGS = ['wafv2:TagResource', 'wafv2:UntagResource'];

/** SNS alarm topics, CloudWatch dashboards and AWS WAF web ACLs (hashicorp/aws 5.100.0). */
export const OBSERVABILITY_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_sns_topic: {
    read: [on('snsTopics', 'sns:GetTopicAttributes', 'sns:ListTagsForResource')],
    write: [on('snsTopics', 'sns:CreateTopic', 'sns:DeleteTopic', 'sns:SetTopicAttributes', ...SNS_TAGS)],
  },
  aws_sns_topic_subscription: {
    // Subscription ARNs are `<topic ARN>:<id>`, within the scope.
    read: [on('snsTopics', 'sns:GetSubscriptionAttributes', 'sns:ListSubscriptionsByTopic')],
    write: [on('snsTopics', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:SetSubscriptionAttributes')],
  },
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
