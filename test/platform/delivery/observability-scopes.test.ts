import { EnvironmentPreset } from '../../../src/options';
import { EnvironmentScopes } from '../../../src/platform/delivery/environment-scopes';
import { OBSERVABILITY_RESOURCE_PERMISSIONS } from '../../../src/platform/delivery/resource-types/observability';
import { configOf, ORDERS_SERVICE_OPTIONS } from '../support/configs';

const ACCOUNT = '111122223333';
const scopesOf = (options: Parameters<typeof configOf>[0]) => {
  const config = configOf({ services: [ORDERS_SERVICE_OPTIONS], ...options });
  return new EnvironmentScopes({ project: config.project, environment: config.environments[0], deployment: config.deployment, accountId: ACCOUNT, permissionsBoundaryArn: 'boundary' });
};
const production = { environments: [{ name: 'prod', region: 'eu-west-1', preset: EnvironmentPreset.PRODUCTION, availabilityZones: ['eu-west-1a', 'eu-west-1b'] }] };

test('the deploy role manages the environment\'s topic, dashboard and web ACLs by exact name', () => {
  const scopes = scopesOf({ ...production, staticSite: {} });
  expect(scopes.resolve('snsTopics').resources).toEqual([`arn:aws:sns:eu-west-1:${ACCOUNT}:orders-prod-alarms`, `arn:aws:sns:eu-west-1:${ACCOUNT}:orders-prod-alarms:*`]);
  expect(scopes.resolve('dashboards').resources).toEqual([`arn:aws:cloudwatch::${ACCOUNT}:dashboard/orders-prod`]);
  expect(scopes.resolve('webAcls').resources).toEqual([
    `arn:aws:wafv2:eu-west-1:${ACCOUNT}:regional/webacl/orders-prod-alb/*`,
    'arn:aws:wafv2:eu-west-1:*:regional/managedruleset/*',
    `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/orders-prod-site/*`,
    'arn:aws:wafv2:us-east-1:*:global/managedruleset/*',
  ]);
});

test('the web ACLs\' log groups are the environment\'s; the CloudFront one and its key live in us-east-1', () => {
  const scopes = scopesOf({ ...production, staticSite: {} });
  expect(scopes.resolve('logGroups').resources).toEqual(expect.arrayContaining([
    `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:aws-waf-logs-orders-prod-alb`,
    `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws-waf-logs-orders-prod-site:*`,
  ]));
  expect(scopes.resolve('kmsKeyCreation').condition?.StringEquals['aws:RequestedRegion']).toEqual(['eu-west-1', 'us-east-1']);
  expect(scopes.resolve('kmsKeys').resources).toEqual([`arn:aws:kms:eu-west-1:${ACCOUNT}:key/*`, `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`]);
});

test('without WAF nothing is granted on web ACLs and requests stay in the environment\'s region', () => {
  const scopes = scopesOf({});
  expect(scopes.resolve('webAcls').resources).toEqual([]);
  expect(scopes.resolve('regional').condition?.StringEquals['aws:RequestedRegion']).toBe('us-east-1');
});

test('an existing topic and web ACL are granted by their ARNs only', () => {
  const topicArn = 'arn:aws:sns:us-east-1:123456789012:paging';
  const aclArn = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shared/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';
  const scopes = scopesOf({ observability: { notifications: { topicArn } }, loadBalancer: { waf: { enabled: true, webAclArn: aclArn } } });
  expect(scopes.resolve('snsTopics').resources).toEqual([topicArn, `${topicArn}:*`]);
  expect(scopes.resolve('webAcls').resources).toEqual([aclArn]);
});

test('the association needs the load balancer\'s SetWebACL; WAF logging sets up the vended log delivery', () => {
  const association = OBSERVABILITY_RESOURCE_PERMISSIONS.aws_wafv2_web_acl_association.write;
  expect(association.find((set) => set.scope === 'loadBalancing')?.actions).toContain('elasticloadbalancing:SetWebACL');
  expect(OBSERVABILITY_RESOURCE_PERMISSIONS.aws_wafv2_web_acl_logging_configuration.write.flatMap((set) => set.actions))
    .toEqual(expect.arrayContaining(['wafv2:PutLoggingConfiguration', 'logs:CreateLogDelivery', 'logs:PutResourcePolicy']));
});
