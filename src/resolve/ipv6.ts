import type { EnvironmentContext } from './context';

/**
 * Whether the environment is dual stack. Refused with an existing VPC: its IPv6 block, the subnets'
 * /64s and the IPv6 routes belong to its owner, and nothing offline tells whether it has them (a
 * dual-stack load balancer in IPv4-only subnets fails at apply time).
 *
 * Everything else combines with IPv6: NAT gateways stay IPv4-only and the private subnets' IPv6
 * traffic leaves through an egress-only internet gateway (none without NAT gateways, so that
 * `natGateways: none` keeps meaning no way out but the VPC endpoints); the allowed client ranges and
 * the test listener ranges are IPv4 blocks, and IPv6 clients are admitted only where `0.0.0.0/0` is.
 */
export function resolveIpv6(ctx: EnvironmentContext): boolean {
  const network = ctx.options.network ?? {};
  const ipv6 = network.ipv6 ?? false;
  if (ipv6) {
    ctx.problems.check(
      network.existingVpc === undefined,
      'network.ipv6',
      ipv6,
      'is not possible with network.existingVpc; the existing VPC\'s IPv6 block, subnets and routes belong to its owner. Remove one of them',
    );
  }
  return ipv6;
}
