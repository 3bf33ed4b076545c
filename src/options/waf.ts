/**
 * An AWS WAF web ACL in front of the load balancer or the static site's CloudFront distribution.
 */
export interface WafOptions {
  /**
   * Protect the endpoint with a web ACL.
   * @default - true in production, false in development
   */
  readonly enabled?: boolean;

  /**
   * ARN of an existing web ACL to associate instead of creating one (regional for the load
   * balancer, global in us-east-1 for CloudFront).
   * @default - a web ACL per environment with AWS managed rules and a rate limit
   */
  readonly webAclArn?: string;

  /**
   * More AWS managed rule groups (vendor AWS) evaluated after the IP reputation list, the common
   * rule set and the known bad inputs, e.g. "AWSManagedRulesSQLiRuleSet".
   * @default []
   */
  readonly managedRuleGroups?: string[];

  /**
   * Requests one IP address may send in 5 minutes before WAF blocks it (100 to 2000000000).
   * @default 2000
   */
  readonly rateLimit?: number;

  /**
   * Days the web ACL's logs are kept (a value CloudWatch Logs accepts).
   * @default - the environment's log retention
   */
  readonly logRetentionDays?: number;
}
