import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EnvironmentPreset } from '../../../src/options';
import { OfflineTerraform, PlanJson, ResourceChange, synthPlatform, writeUpstreamStates } from '../../../src/platform/testing';
import { CERTIFICATE_ARN, configOf, ORDERS_SERVICE_OPTIONS } from '../support/configs';

// A production environment with WAF on the load balancer and the static site, alarms with
// notifications and the dashboard: every stack validated and planned offline by the real Terraform
// CLI and hashicorp/aws provider (fails without them, never skips).

const root = mkdtempSync(join(tmpdir(), 'observability-offline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = configOf({
  services: [ORDERS_SERVICE_OPTIONS, { name: 'billing', containerPort: 9090 }],
  loadBalancer: { certificateArn: CERTIFICATE_ARN, waf: { managedRuleGroups: ['AWSManagedRulesSQLiRuleSet'], rateLimit: 1000 } },
  staticSite: {},
  environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
  observability: { notifications: { emails: ['oncall@example.com'], httpsEndpoints: ['https://events.example.com/sns'] } },
});
const plans = new Map<string, PlanJson>();

beforeAll(async () => {
  const stacks = synthPlatform(config, root);
  await Promise.all(stacks.map(async (stack) => {
    writeUpstreamStates(stack, stacks, config);
    const terraform = new OfflineTerraform(stack.dir);
    await terraform.initAsync();
    const { validation, plan } = await terraform.validateAndPlanAsync();
    expect(validation).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
    plans.set(stack.name, plan);
  }));
}, 10 * 60_000);

function created(stack: string, type: string): Array<Record<string, any>> {
  return (plans.get(stack)?.resource_changes ?? [])
    .filter((change: ResourceChange) => change.type === type && change.mode === 'managed' && change.change.actions.includes('create'))
    .map((change) => change.change.after ?? {});
}

test('every stack validates and plans: topic, web ACLs, alarms and dashboard are created', () => {
  expect([...plans.keys()].sort()).toEqual(['prod-cluster', 'prod-network', 'prod-service']);
  expect(created('prod-cluster', 'aws_sns_topic')).toEqual([expect.objectContaining({ name: 'orders-prod-alarms' })]);
  expect(created('prod-cluster', 'aws_sns_topic_subscription').map((s) => s.protocol).sort()).toEqual(['email', 'https']);
  expect(created('prod-service', 'aws_wafv2_web_acl').map((acl) => acl.scope).sort()).toEqual(['CLOUDFRONT', 'REGIONAL']);
  expect(created('prod-service', 'aws_wafv2_web_acl_association')).toHaveLength(1);
  expect(created('prod-service', 'aws_wafv2_web_acl_logging_configuration')).toHaveLength(2);
  expect(created('prod-service', 'aws_cloudwatch_dashboard')).toEqual([expect.objectContaining({ dashboard_name: 'orders-prod' })]);
  const names = created('prod-service', 'aws_cloudwatch_metric_alarm').map((alarm) => alarm.alarm_name).filter((name) => name.startsWith('orders-prod-'));
  // Six per service and the load balancer's own.
  expect(names).toHaveLength(13);
  const [orders] = created('prod-service', 'aws_ecs_service').filter((service) => service.name === 'orders');
  expect(orders.alarms).toEqual([expect.objectContaining({ enable: true, rollback: true })]);
});
