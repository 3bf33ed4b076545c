import { conditional, TerraformCount, Token } from 'cdktf';
import type { NatGatewayMode } from '../contract/config';
import { choose, equals } from '../core/expressions';

/** How many NAT gateways there are, how many private route tables route to one, and which. */
export interface NatLayout {
  /** Number of NAT gateways, in the public subnets of the first zones. */
  readonly gateways: number;
  /** Number of private route tables (from the first zone on) with a default route to a gateway. */
  readonly routedZones: number;
  /** Index of the gateway the private route table `count.index` routes to. */
  readonly gatewayOfZone: (routes: TerraformCount) => string;
}

/**
 * NAT gateways per mode: one per zone (each zone routes to its own), one in the first zone (every
 * zone routes to it), or none (no private default route). A mode given as an expression gives
 * the same layout as conditional expressions.
 */
export function natLayout(mode: NatGatewayMode, zoneCount: number): NatLayout {
  const perAz = equals(mode, 'per-az');
  const none = equals(mode, 'none');
  return {
    gateways: choose(perAz, zoneCount, choose(none, 0, 1)),
    routedZones: choose(none, 0, zoneCount),
    gatewayOfZone: (routes) => (typeof perAz === 'boolean'
      ? (perAz ? 'count.index' : '0')
      : Token.asString(conditional(perAz, routes.index, 0))),
  };
}
