import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Wafv2WebAcl, Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclLoggingConfiguration } from '@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { ManagedWebAclConfig } from '../contract/observability-config';

/** Properties of {@link WebAcl}. */
export interface WebAclProps {
  readonly config: ManagedWebAclConfig;
  /** `REGIONAL` for a load balancer, `CLOUDFRONT` for a distribution (created in us-east-1). */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  /** KMS key of the log group; its policy must let CloudWatch Logs use it for `config.logGroupName`. */
  readonly kmsKeyArn: string;
  /** Provider of the web ACL's region, when it is not the stack's default (us-east-1 for CloudFront). */
  readonly provider?: TerraformProvider;
}

/**
 * An AWS WAF web ACL that allows by default and blocks what the AWS managed rule groups (IP
 * reputation, common rule set, known bad inputs, and any configured) match and any IP address
 * above the rate limit; every rule publishes metrics and samples, and every request is logged to
 * a KMS-encrypted CloudWatch log group with a retention.
 */
export class WebAcl extends Construct {
  public readonly webAcl: Wafv2WebAcl;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly logging: Wafv2WebAclLoggingConfiguration;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const { config, provider } = props;
    const rules: Wafv2WebAclRule[] = [
      ...config.managedRuleGroups.map((group, index) => managedRuleGroupRule(config.name, group, index)),
      rateLimitRule(config, config.managedRuleGroups.length),
    ];
    this.webAcl = new Wafv2WebAcl(this, 'web_acl', {
      provider,
      name: config.name,
      description: `AWS managed rules and a rate limit per IP in front of ${config.name}`,
      scope: props.scope,
      defaultAction: { allow: {} },
      rule: rules,
      visibilityConfig: visibility(config.name),
    });
    this.logGroup = new CloudwatchLogGroup(this, 'log_group', {
      provider,
      name: config.logGroupName,
      retentionInDays: config.logRetentionDays,
      kmsKeyId: props.kmsKeyArn,
    });
    this.logging = new Wafv2WebAclLoggingConfiguration(this, 'logging', {
      provider,
      resourceArn: this.webAcl.arn,
      logDestinationConfigs: [this.logGroup.arn],
    });
  }
}

/** Metrics and sampled requests under the given metric name. */
function visibility(metricName: string): Wafv2WebAclRule['visibilityConfig'] {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/** An AWS managed rule group, its own actions applying (no override). */
function managedRuleGroupRule(webAclName: string, group: string, priority: number): Wafv2WebAclRule {
  return {
    name: group,
    priority,
    overrideAction: { none: {} },
    // The provider passes statements through as Terraform JSON (snake_case).
    statement: { managed_rule_group_statement: { name: group, vendor_name: 'AWS' } },
    visibilityConfig: visibility(`${webAclName}-${group}`),
  };
}

/** Blocks an IP address above the rate limit (requests in 5 minutes). */
function rateLimitRule(config: ManagedWebAclConfig, priority: number): Wafv2WebAclRule {
  return {
    name: 'RateLimitPerIp',
    priority,
    action: { block: {} },
    statement: { rate_based_statement: { limit: config.rateLimit, aggregate_key_type: 'IP' } },
    visibilityConfig: visibility(`${config.name}-RateLimitPerIp`),
  };
}
