import { EnvironmentPreset } from '../../../src/options';
import { configOf, ORDERS_SERVICE_OPTIONS } from '../support/configs';
import { bodiesOf, onlyResource, refTo, statementWithSid, synthEnvironment } from '../support/synth';

const production = { services: [ORDERS_SERVICE_OPTIONS], environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }] };
// The PRODUCTION preset keeps logs 365 days, the web ACLs' too.
const prod = synthEnvironment(configOf({ ...production, staticSite: {} }));
const regional = bodiesOf(prod.service, 'aws_wafv2_web_acl').find((acl) => acl.scope === 'REGIONAL')!;
const cloudFront = bodiesOf(prod.service, 'aws_wafv2_web_acl').find((acl) => acl.scope === 'CLOUDFRONT')!;
const logGroups = bodiesOf(prod.service, 'aws_cloudwatch_log_group');
const ruleNames = (acl: Record<string, any>) => acl.rule.map((rule: any) => rule.name);

describe('load balancer web ACL', () => {
  test('AWS managed rule groups (IP reputation, common, known bad inputs) then a rate limit per IP', () => {
    expect(ruleNames(regional)).toEqual([
      'AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'RateLimitPerIp',
    ]);
    expect(regional.rule[3]).toEqual(expect.objectContaining({
      action: { block: {} },
      statement: { rate_based_statement: { limit: 2000, aggregate_key_type: 'IP' } },
    }));
    expect(regional.rule[0].statement).toEqual({ managed_rule_group_statement: { name: 'AWSManagedRulesAmazonIpReputationList', vendor_name: 'AWS' } });
    expect(regional.default_action).toEqual({ allow: {} });
  });

  test('associated with the load balancer (Checkov CKV2_AWS_28: a public ALB is protected by WAF)', () => {
    const association = onlyResource(prod.service, 'aws_wafv2_web_acl_association');
    expect(association.resource_arn).toBe(refTo(prod.service, 'aws_lb', onlyResource(prod.service, 'aws_lb'), 'arn'));
    expect(association.web_acl_arn).toBe(refTo(prod.service, 'aws_wafv2_web_acl', regional, 'arn'));
  });

  test('logs every request to a KMS-encrypted log group aws-waf-logs-… with a retention (Checkov CKV2_AWS_31, CKV_AWS_158)', () => {
    const group = logGroups.find((candidate) => candidate.name === 'aws-waf-logs-orders-prod-alb')!;
    expect(group).toEqual(expect.objectContaining({ retention_in_days: 365, kms_key_id: '${data.terraform_remote_state.cluster.outputs.kms_key_arn}' }));
    const aclArn = refTo(prod.service, 'aws_wafv2_web_acl', regional, 'arn');
    const logging = bodiesOf(prod.service, 'aws_wafv2_web_acl_logging_configuration').find((config) => config.resource_arn === aclArn)!;
    expect(logging.log_destination_configs).toEqual([refTo(prod.service, 'aws_cloudwatch_log_group', group, 'arn')]);
  });

  test('the cluster key lets CloudWatch Logs encrypt the web ACL\'s log group', () => {
    const key = bodiesOf(prod.cluster, 'aws_kms_key').find((candidate) => String(candidate.description).startsWith('Encrypts the logs'))!;
    expect(statementWithSid(key.policy, 'CloudWatchLogsEncryptsTheseLogGroups').Condition?.ArnLike['kms:EncryptionContext:aws:logs:arn'])
      .toContain('arn:aws:logs:us-east-1:${local.account_id}:log-group:aws-waf-logs-orders-prod-alb');
  });

  test('every rule and the ACL publish metrics and sampled requests', () => {
    for (const visibility of [regional.visibility_config, ...regional.rule.map((rule: any) => rule.visibility_config)]) {
      expect(visibility).toEqual(expect.objectContaining({ cloudwatch_metrics_enabled: true, sampled_requests_enabled: true }));
    }
  });

  test('off in development by default; an existing web ACL is associated, not created', () => {
    expect(bodiesOf(synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS] })).service, 'aws_wafv2_web_acl_association')).toEqual([]);
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shared/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';
    const { service } = synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS], loadBalancer: { waf: { enabled: true, webAclArn: arn } } }));
    expect(bodiesOf(service, 'aws_wafv2_web_acl')).toEqual([]);
    expect(onlyResource(service, 'aws_wafv2_web_acl_association').web_acl_arn).toBe(arn);
  });

  test('extra managed rule groups come after the baseline, before the rate limit', () => {
    const { service } = synthEnvironment(configOf({ ...production, loadBalancer: { waf: { managedRuleGroups: ['AWSManagedRulesSQLiRuleSet'], rateLimit: 300 } } }));
    const acl = onlyResource(service, 'aws_wafv2_web_acl');
    expect(ruleNames(acl).slice(3)).toEqual(['AWSManagedRulesSQLiRuleSet', 'RateLimitPerIp']);
    expect(acl.rule.map((rule: any) => rule.priority)).toEqual([0, 1, 2, 3, 4]);
    expect(acl.rule[4].statement.rate_based_statement.limit).toBe(300);
  });
});

describe('static site web ACL', () => {
  test('a CLOUDFRONT-scope web ACL in us-east-1 through the aliased provider, attached through web_acl_id (Checkov CKV_AWS_68)', () => {
    expect(cloudFront.provider).toBe('aws.us_east_1');
    expect(prod.service.provider?.aws.find((provider) => provider.alias === 'us_east_1')).toEqual(expect.objectContaining({ region: 'us-east-1' }));
    expect(onlyResource(prod.service, 'aws_cloudfront_distribution').web_acl_id).toBe(refTo(prod.service, 'aws_wafv2_web_acl', cloudFront, 'arn'));
  });

  test('logs to a us-east-1 log group encrypted with a us-east-1 key of its own', () => {
    const group = logGroups.find((candidate) => candidate.name === 'aws-waf-logs-orders-prod-site')!;
    expect(group.provider).toBe('aws.us_east_1');
    const key = bodiesOf(prod.service, 'aws_kms_key').find((candidate) => candidate.provider === 'aws.us_east_1')!;
    expect(group.kms_key_id).toBe(refTo(prod.service, 'aws_kms_key', key, 'arn'));
    expect(statementWithSid(key.policy, 'CloudWatchLogsEncryptsTheseLogGroups').Principal).toEqual({ Service: 'logs.us-east-1.amazonaws.com' });
  });
});
