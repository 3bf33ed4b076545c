import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ZONE_ID } from './support';
import { EnvironmentPreset } from '../../../src/options';
import { OfflineTerraform, PlanJson, synthPlatform, writeUpstreamStates } from '../../../src/platform/testing';
import { configOf } from '../support/configs';

// A production environment on the apex of example.com, dual stack, with a second service on its own
// host name and a static site, and the preset's WAF, alarms and dashboard: its stacks validated and
// planned offline by the real Terraform CLI and hashicorp/aws provider (never skipped: without them
// the test fails).
const config = configOf({
  domain: { zoneName: 'example.com', zoneId: ZONE_ID },
  network: { ipv6: true },
  services: [{ name: 'orders' }, { name: 'billing', hostnames: ['billing'] }],
  staticSite: {},
  environments: [{ name: 'prod', account: '111122223333', preset: EnvironmentPreset.PRODUCTION }],
});

const root = mkdtempSync(join(tmpdir(), 'domain-offline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let plans: Record<string, PlanJson>;
beforeAll(async () => {
  const stacks = synthPlatform(config, root);
  // The stacks this feature changes; the cluster stack is planned with the seeds.
  const changed = stacks.filter((stack) => ['prod-network', 'prod-service'].includes(stack.name));
  plans = Object.fromEntries(await Promise.all(changed.map(async (stack) => {
    writeUpstreamStates(stack, stacks, config);
    const terraform = new OfflineTerraform(stack.dir);
    await terraform.initAsync();
    const { validation, plan } = await terraform.validateAndPlanAsync();
    expect(validation).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
    return [stack.name, plan] as const;
  })));
}, 180_000);

const created = (stack: string, type: string): Array<Record<string, any>> => (plans[stack].resource_changes ?? [])
  .filter((change) => change.type === type && change.change.actions.includes('create'))
  .map((change) => change.change.after ?? {});

test('a production environment with a domain and IPv6 validates and plans offline, creating its certificates and records', () => {
  expect(created('prod-network', 'aws_egress_only_internet_gateway')).toHaveLength(1);
  expect(created('prod-service', 'aws_lb')[0].ip_address_type).toBe('dualstack');
  expect(created('prod-service', 'aws_acm_certificate').map((certificate) => certificate.domain_name).sort()).toEqual(['example.com', 'www.example.com']);
  expect(created('prod-service', 'aws_acm_certificate_validation')).toHaveLength(2);
  const aliases = created('prod-service', 'aws_route53_record').filter((record) => Array.isArray(record.alias) && record.alias.length > 0).map((record) => `${record.type} ${record.name}`);
  expect(aliases.sort()).toEqual(['A billing.example.com', 'A example.com', 'A www.example.com', 'AAAA billing.example.com', 'AAAA example.com', 'AAAA www.example.com']);
});

test('the public load balancer serves HTTPS with a TLS 1.3 policy and redirects HTTP (Checkov CKV_AWS_2, CKV_AWS_103)', () => {
  const listeners = created('prod-service', 'aws_lb_listener');
  expect(listeners.find((listener) => listener.protocol === 'HTTPS')?.ssl_policy).toMatch(/^ELBSecurityPolicy-TLS13-/);
  const http = listeners.find((listener) => listener.protocol === 'HTTP')!;
  expect(http.default_action).toEqual([expect.objectContaining({ type: 'redirect', redirect: [expect.objectContaining({ protocol: 'HTTPS', status_code: 'HTTP_301' })] })]);
});

test('the preset puts WAF in front of the load balancer and the site (CKV2_AWS_28, CKV_AWS_68), with alarms and a dashboard', () => {
  expect(created('prod-service', 'aws_wafv2_web_acl').map((acl) => acl.scope).sort()).toEqual(['CLOUDFRONT', 'REGIONAL']);
  expect(created('prod-service', 'aws_wafv2_web_acl_association')).toHaveLength(1);
  expect(created('prod-service', 'aws_cloudwatch_dashboard')).toHaveLength(1);
  expect(created('prod-service', 'aws_cloudwatch_metric_alarm').length).toBeGreaterThanOrEqual(13);
});
