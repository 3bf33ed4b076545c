import { DeploymentStrategy } from '../../../src/options';
import { configOf, ORDERS_SERVICE_OPTIONS } from '../support/configs';
import { bodiesOf, synthEnvironment } from '../support/synth';

const testIngress = (blueGreen: Record<string, unknown>) => bodiesOf(
  synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS], deployment: { strategy: DeploymentStrategy.BLUE_GREEN, ...blueGreen } })).service,
  'aws_vpc_security_group_ingress_rule',
).filter((rule) => rule.from_port === 9000);

const byDefault = testIngress({});
const configured = testIngress({ blueGreenTestListenerAllowedCidrs: ['10.0.0.0/16', '192.0.2.0/24'] });

test('the blue/green test listener admits the VPC, not the load balancer\'s public client ranges', () => {
  expect(byDefault.map((rule) => [rule.cidr_ipv4, rule.to_port])).toEqual([['10.0.0.0/16', 9000]]);
});

test('the test listener admits the configured ranges instead', () => {
  expect(configured.map((rule) => rule.cidr_ipv4)).toEqual(['10.0.0.0/16', '192.0.2.0/24']);
});
