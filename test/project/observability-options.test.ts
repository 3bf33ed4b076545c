import { problemsOf } from './support';
import { EnvironmentPreset } from '../../src/options';
import { PlatformOptions, resolvePlatformConfig } from '../../src/resolve/resolve';

const prod = { environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }] };
const regionalAcl = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shared/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';
const globalAcl = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/shared/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';

function environmentOf(options: Partial<PlatformOptions>) {
  return resolvePlatformConfig({ name: 'orders', ...options, loadBalancer: { allowPlainHttp: 'test configuration without TLS', ...options.loadBalancer } }).environments[0];
}

describe('observability and WAF defaults', () => {
  test('development: alarms and dashboard on, quiet (no actions, no subscriptions even when listed), no WAF', () => {
    const env = environmentOf({ observability: { notifications: { emails: ['oncall@example.com'] } } });
    expect(env.observability).toEqual(expect.objectContaining({ notify: false, dashboard: { name: 'orders-dev' } }));
    expect(env.observability?.topic).toEqual({ kind: 'created', name: 'orders-dev-alarms', keyAlias: 'orders-dev-alarms', subscriptions: [] });
    expect(env.loadBalancer.waf).toBeUndefined();
  });

  test('production: notifications to the subscriptions, a web ACL with the baseline rule groups on the load balancer', () => {
    const env = environmentOf({ ...prod, observability: { notifications: { emails: ['oncall@example.com'], httpsEndpoints: ['https://pager.example.com/sns'] } } });
    expect(env.observability?.notify).toBe(true);
    expect(env.observability?.topic).toEqual(expect.objectContaining({
      subscriptions: [{ protocol: 'email', endpoint: 'oncall@example.com' }, { protocol: 'https', endpoint: 'https://pager.example.com/sns' }],
    }));
    expect(env.loadBalancer.waf).toEqual({
      kind: 'created',
      name: 'orders-prod-alb',
      managedRuleGroups: ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'],
      rateLimit: 2000,
      logGroupName: 'aws-waf-logs-orders-prod-alb',
      logRetentionDays: 365,
    });
  });

  test('the default production service gets six alarms, three of which roll deployments back', () => {
    const alarms = environmentOf(prod).observability?.alarms;
    expect(alarms?.thresholds).toEqual({
      target5xxRatePercent: 5,
      targetResponseTimeP99Ms: 2000,
      unhealthyHosts: 1,
      cpuPercent: 90,
      memoryPercent: 90,
      loadBalancer5xxPerMinute: 10,
      evaluationMinutes: 3,
      tasksBelowDesiredMinutes: 10,
    });
    expect(alarms?.services[0].names).toEqual({
      target5xxRate: 'orders-prod-orders-target-5xx-rate',
      targetResponseTime: 'orders-prod-orders-target-response-time-p99',
      unhealthyHosts: 'orders-prod-orders-unhealthy-hosts',
      tasksBelowDesired: 'orders-prod-orders-tasks-below-desired',
      cpu: 'orders-prod-orders-cpu',
      memory: 'orders-prod-orders-memory',
    });
    expect(alarms?.services[0].deploymentAlarmNames).toHaveLength(3);
    expect(alarms?.rollback).toBe(true);
  });

  test('an environment\'s notifications replace the project\'s; an existing topic is only referenced', () => {
    const env = environmentOf({
      environments: [{ name: 'stage', notifications: { enabled: true, topicArn: 'arn:aws:sns:us-east-1:123456789012:paging' } }],
      observability: { notifications: { emails: ['team@example.com'] } },
    });
    expect(env.observability?.topic).toEqual({ kind: 'existing', arn: 'arn:aws:sns:us-east-1:123456789012:paging' });
    expect(env.observability?.notify).toBe(true);
  });

  test('without Container Insights there is no tasks-below-desired alarm; alarms and dashboard can be turned off', () => {
    expect(environmentOf({ cluster: { containerInsights: false } }).observability?.alarms?.services[0].names.tasksBelowDesired).toBeUndefined();
    const off = environmentOf({ observability: { alarms: false, dashboard: false } }).observability;
    expect([off?.alarms, off?.dashboard]).toEqual([undefined, undefined]);
  });

  test('WAF: off in production by choice, an existing web ACL, extra rule groups, the static site\'s own web ACL', () => {
    expect(environmentOf({ ...prod, loadBalancer: { waf: { enabled: false } } }).loadBalancer.waf).toBeUndefined();
    expect(environmentOf({ loadBalancer: { waf: { enabled: true, webAclArn: regionalAcl } } }).loadBalancer.waf).toEqual({ kind: 'existing', arn: regionalAcl });
    const extra = environmentOf({ ...prod, loadBalancer: { waf: { managedRuleGroups: ['AWSManagedRulesSQLiRuleSet'], rateLimit: 500 } } }).loadBalancer.waf;
    expect(extra).toEqual(expect.objectContaining({ rateLimit: 500, managedRuleGroups: expect.arrayContaining(['AWSManagedRulesSQLiRuleSet']) }));
    expect(environmentOf({ ...prod, staticSite: {} }).staticSite?.waf).toEqual(expect.objectContaining({ name: 'orders-prod-site', logGroupName: 'aws-waf-logs-orders-prod-site' }));
  });
});

test.each<[string, Partial<PlatformOptions>, string]>([
  ['threshold out of range', { observability: { thresholds: { target5xxRatePercent: 0 } } }, 'observability.thresholds.target5xxRatePercent: 0 is not allowed; expected an integer from 1 to 100'],
  ['latency out of range', { observability: { thresholds: { targetResponseTimeP99Ms: 5 } } }, 'observability.thresholds.targetResponseTimeP99Ms: 5 is not allowed; expected an integer from 10 to 120000'],
  ['fractional minutes', { observability: { thresholds: { evaluationMinutes: 1.5 } } }, 'observability.thresholds.evaluationMinutes: 1.5 is not allowed; expected an integer from 1 to 60'],
  ['e-mail address', { observability: { notifications: { emails: ['oncall'] } } }, 'observability.notifications.emails[0]: "oncall" is not an e-mail address; expected e.g. "oncall@example.com"'],
  ['plain HTTP endpoint', { observability: { notifications: { httpsEndpoints: ['http://pager.example.com'] } } }, 'observability.notifications.httpsEndpoints[0]: "http://pager.example.com" is not an HTTPS URL'],
  ['topic ARN', { observability: { notifications: { topicArn: 'paging' } } }, 'observability.notifications.topicArn: "paging" is not an SNS topic ARN'],
  ['topic of another region', { observability: { notifications: { topicArn: 'arn:aws:sns:eu-west-1:123456789012:paging' } } }, 'is in eu-west-1; CloudWatch alarms of dev notify topics of their own region (us-east-1) only'],
  ['topic with subscriptions', { observability: { notifications: { topicArn: 'arn:aws:sns:us-east-1:123456789012:paging', emails: ['a@example.com'] } } }, 'cannot be combined with emails or httpsEndpoints'],
  ['environment notifications path', { environments: [{ name: 'dev', notifications: { emails: ['x'] } }] }, 'environments[0].notifications.emails[0]: "x" is not an e-mail address'],
  ['rate limit', { loadBalancer: { waf: { enabled: true, rateLimit: 10 } } }, 'loadBalancer.waf.rateLimit: 10 is not allowed; expected an integer from 100 to 2000000000'],
  ['rule group name', { loadBalancer: { waf: { enabled: true, managedRuleGroups: ['SQLi'] } } }, 'loadBalancer.waf.managedRuleGroups[0]: "SQLi" is not an AWS managed rule group name'],
  ['WAF log retention', { loadBalancer: { waf: { enabled: true, logRetentionDays: 10 } } }, 'loadBalancer.waf.logRetentionDays: 10 is not a CloudWatch Logs retention'],
  ['global web ACL on the load balancer', { loadBalancer: { waf: { enabled: true, webAclArn: globalAcl } } }, 'loadBalancer.waf.webAclArn: "' + globalAcl + '" is not a regional WAFv2 web ACL ARN'],
  ['regional web ACL on CloudFront', { staticSite: { waf: { enabled: true, webAclArn: regionalAcl } } }, 'staticSite.waf.webAclArn: "' + regionalAcl + '" is not a CloudFront (global) WAFv2 web ACL ARN'],
  ['unknown key', { observability: { tresholds: {} } as never }, 'observability.tresholds'],
])('%s', (_name, options, expected) => {
  expect(problemsOf(options).join('\n')).toContain(expected);
});
