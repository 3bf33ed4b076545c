import type { NetworkConfig } from './config';

/** How many NAT gateways the network stack creates: one per zone, one, or none (also with an existing VPC). */
export function natGatewayCount(network: NetworkConfig): number {
  if (network.existingVpc !== undefined) {
    return 0;
  }
  return { 'per-az': network.availabilityZones.length, 'single': 1, 'none': 0 }[network.natGateways];
}
