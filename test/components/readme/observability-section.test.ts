import { renderObservabilitySection } from '../../../src/components/readme/observability-section';
import { EnvironmentPreset } from '../../../src/options';
import { resolvePlatformConfig } from '../../../src/resolve/resolve';

const config = resolvePlatformConfig({
  name: 'orders',
  environments: [{ name: 'dev' }, { name: 'prod', preset: EnvironmentPreset.PRODUCTION, certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9' }],
  observability: { notifications: { emails: ['oncall@example.com'] } },
});
const text = renderObservabilitySection(config);
const [dev, prod] = text.split('### prod');

test('lists every alarm of a default production service with its threshold and whether it rolls back', () => {
  expect(prod).toContain('| orders | `orders-prod-orders-target-5xx-rate` | target 5xx ÷ requests (metric math) | > 5% for 3 min | yes (ECS deployment alarm, rollback) |');
  expect(prod).toContain('| orders | `orders-prod-orders-target-response-time-p99` | p99 target response time | > 2000 ms for 3 min | yes (ECS deployment alarm, rollback) |');
  expect(prod).toContain('| orders | `orders-prod-orders-unhealthy-hosts` | unhealthy targets | ≥ 1 for 3 min | yes');
  expect(prod).toContain('| orders | `orders-prod-orders-tasks-below-desired` | desired − running tasks (Container Insights) | > 0 for 10 min | no |');
  expect(prod).toContain('| orders | `orders-prod-orders-cpu` | average CPU utilization | > 90% for 3 min | no |');
  expect(prod).toContain('| orders | `orders-prod-orders-memory` | average memory utilization | > 90% for 3 min | no |');
  expect(prod).toContain('| load balancer | `orders-prod-load-balancer-5xx` | load balancer 5xx per minute | ≥ 10 for 3 min | no |');
});

test('says where alarms notify and what the web ACL holds; development is quiet and unprotected', () => {
  expect(prod).toContain('- Notifications: ALARM and OK to `orders-prod-alarms`');
  expect(prod).toContain('subscriptions: email oncall@example.com.');
  expect(prod).toContain('web ACL `orders-prod-alb` with AWSManagedRulesAmazonIpReputationList, AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet');
  expect(dev).toContain('- WAF on the load balancer: off.');
  expect(dev).toContain('- Notifications: off (alarms change state and roll back, nobody is notified)');
  expect(dev).toContain('subscriptions: none.');
});
