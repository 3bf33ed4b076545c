import { NatGateways } from '../../../src/options';
import { configOf, ORDERS_SERVICE_OPTIONS } from '../support/configs';
import { bodiesOf, onlyResource, refTo, synthEnvironment } from '../support/synth';

const { network, service } = synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS], network: { ipv6: true } }));
const vpc = onlyResource(network, 'aws_vpc');
const vpcIpv6 = refTo(network, 'aws_vpc', vpc, 'ipv6_cidr_block').slice(2, -1);
const routes = bodiesOf(network, 'aws_route');

describe('a dual-stack network', () => {
  test('the VPC gets an Amazon-provided IPv6 block', () => {
    expect(vpc.assign_generated_ipv6_cidr_block).toBe(true);
  });

  test('each subnet gets a /64 of it: public from the first, private from the ninth', () => {
    const blocks = Object.fromEntries(bodiesOf(network, 'aws_subnet').map((subnet) => [subnet.tags.Name.split('-')[2], subnet.ipv6_cidr_block]));
    expect(blocks).toEqual({
      public: `\${cidrsubnet(${vpcIpv6}, 8, count.index)}`,
      private: `\${cidrsubnet(${vpcIpv6}, 8, (count.index + 8))}`,
    });
  });

  test('public subnets route ::/0 to the internet gateway, private ones to an egress-only gateway', () => {
    const internetGateway = refTo(network, 'aws_internet_gateway', onlyResource(network, 'aws_internet_gateway'), 'id');
    const egressOnly = refTo(network, 'aws_egress_only_internet_gateway', onlyResource(network, 'aws_egress_only_internet_gateway'), 'id');
    const ipv6Routes = routes.filter((route) => route.destination_ipv6_cidr_block === '::/0');
    expect(ipv6Routes.map((route) => [route.gateway_id, route.egress_only_gateway_id, route.count])).toEqual(expect.arrayContaining([
      [internetGateway, undefined, undefined],
      [undefined, egressOnly, 2],
    ]));
    expect(ipv6Routes).toHaveLength(2);
  });

  test('the load balancer is dual stack and admits ::/0 on its listener where it admits 0.0.0.0/0', () => {
    expect(onlyResource(service, 'aws_lb').ip_address_type).toBe('dualstack');
    const albGroup = bodiesOf(service, 'aws_security_group').find((group) => group.name === 'orders-dev-alb')!;
    const ingress = bodiesOf(service, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.security_group_id === refTo(service, 'aws_security_group', albGroup, 'id'));
    expect(ingress.map((rule) => [rule.from_port, rule.cidr_ipv4, rule.cidr_ipv6])).toEqual([[80, '0.0.0.0/0', undefined], [80, undefined, '::/0']]);
  });

  test('tasks may reach HTTPS endpoints over IPv6', () => {
    const egress = bodiesOf(service, 'aws_vpc_security_group_egress_rule').filter((rule) => rule.cidr_ipv6 === '::/0');
    expect(egress.map((rule) => [rule.from_port, rule.to_port])).toEqual([[443, 443]]);
  });
});

test('without NAT gateways the private subnets get no IPv6 way out either', () => {
  const options = { services: [ORDERS_SERVICE_OPTIONS], network: { ipv6: true, natGateways: NatGateways.NONE } };
  const { network: isolated } = synthEnvironment(configOf(options));
  expect(bodiesOf(isolated, 'aws_egress_only_internet_gateway')).toEqual([]);
  expect(bodiesOf(isolated, 'aws_route').map((route) => route.destination_ipv6_cidr_block ?? route.destination_cidr_block).sort()).toEqual(['0.0.0.0/0', '::/0']);
});

test('restricted client ranges admit no IPv6 client', () => {
  const options = { services: [ORDERS_SERVICE_OPTIONS], network: { ipv6: true }, loadBalancer: { allowedCidrs: ['203.0.113.0/24'] } };
  const { service: restricted } = synthEnvironment(configOf(options));
  expect(bodiesOf(restricted, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.cidr_ipv6 !== undefined)).toEqual([]);
});

test('an IPv4-only network is unchanged: no IPv6 block, no egress-only gateway', () => {
  const { network: plain } = synthEnvironment(configOf({ services: [ORDERS_SERVICE_OPTIONS] }));
  expect(onlyResource(plain, 'aws_vpc').assign_generated_ipv6_cidr_block).toBeUndefined();
  expect(bodiesOf(plain, 'aws_egress_only_internet_gateway')).toEqual([]);
});
