import type { IntegerRule, TextRule } from './rules';

/**
 * Ranges and patterns of the observability and WAF options, stated once: the resolver checks and
 * words its errors from them, the README quotes their defaults.
 */

/** Ranges and defaults of the alarm thresholds. */
export const ALARM_RULES = {
  target5xxRatePercent: { min: 1, max: 100, default: 5 },
  targetResponseTimeP99Ms: { min: 10, max: 120000, default: 2000 },
  unhealthyHosts: { min: 1, max: 1000, default: 1 },
  cpuPercent: { min: 1, max: 100, default: 90 },
  memoryPercent: { min: 1, max: 100, default: 90 },
  loadBalancer5xxPerMinute: { min: 1, max: 1000000, default: 10 },
  evaluationMinutes: { min: 1, max: 60, default: 3 },
  tasksBelowDesiredMinutes: { min: 1, max: 60, default: 10 },
} as const satisfies Record<string, IntegerRule>;

/** Ranges and defaults of the web ACL options. */
export const WAF_RULES = {
  /** Requests per IP address in 5 minutes. */
  rateLimit: { min: 100, max: 2000000000, default: 2000 },
} as const satisfies Record<string, IntegerRule>;

/** The AWS managed rule groups every created web ACL evaluates first, in this order. */
export const BASELINE_MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

/** A web ACL holds at most this many rules (ours: the managed groups and the rate limit); WCU limits come first in practice. */
export const WEB_ACL_MANAGED_RULE_GROUPS_MAX = 10;

/** Prefix AWS WAF requires of the log groups it writes to. */
export const WAF_LOG_GROUP_PREFIX = 'aws-waf-logs-';

/** Subscriptions of one alarm topic the options may list, per protocol. */
export const ALARM_SUBSCRIPTIONS_MAX = 20;

/** Patterns of the observability and WAF text options. */
export const OBSERVABILITY_TEXT_RULES = {
  managedRuleGroup: {
    pattern: '^AWSManagedRules[A-Za-z0-9]+$',
    maxLength: 128,
    what: 'an AWS managed rule group name',
    expected: 'a name such as "AWSManagedRulesSQLiRuleSet" or "AWSManagedRulesLinuxRuleSet"',
  },
  email: {
    pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    maxLength: 254,
    what: 'an e-mail address',
    expected: 'e.g. "oncall@example.com"',
  },
  httpsEndpoint: {
    pattern: '^https://[^\\s/$.?#][^\\s]*$',
    maxLength: 2048,
    what: 'an HTTPS URL',
    expected: 'a URL starting with "https://", e.g. an incident tool\'s SNS integration URL',
  },
  snsTopicArn: {
    pattern: '^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$',
    what: 'an SNS topic ARN',
    expected: 'arn:<partition>:sns:<region>:<account>:<name>',
  },
  regionalWebAclArn: {
    pattern: '^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/[A-Za-z0-9_-]{1,128}/[a-f0-9-]{36}$',
    what: 'a regional WAFv2 web ACL ARN',
    expected: 'arn:<partition>:wafv2:<region>:<account>:regional/webacl/<name>/<id>',
  },
  cloudFrontWebAclArn: {
    pattern: '^arn:aws[a-z-]*:wafv2:us-east-1:\\d{12}:global/webacl/[A-Za-z0-9_-]{1,128}/[a-f0-9-]{36}$',
    what: 'a CloudFront (global) WAFv2 web ACL ARN',
    expected: 'arn:<partition>:wafv2:us-east-1:<account>:global/webacl/<name>/<id>',
  },
} as const satisfies Record<string, TextRule>;
