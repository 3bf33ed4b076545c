import { CostLineItem, HOURS_PER_MONTH, lineItem } from './cost-estimate';
import { RegionPrices } from './price-table';
import type { EnvironmentConfig } from '../config';

/** How many NAT gateways the network stack creates (none in an existing VPC). */
export function natGatewayCount(environment: EnvironmentConfig): number {
  const network = environment.network;
  if (network.existingVpc !== undefined) return 0;
  switch (network.natGateways) {
    case 'per-az': return network.availabilityZones.length;
    case 'single': return 1;
    case 'none': return 0;
  }
}

/** Zones the load balancer spans: one public subnet each. */
export function loadBalancerZoneCount(environment: EnvironmentConfig): number {
  const network = environment.network;
  return network.existingVpc?.publicSubnetIds.length ?? network.availabilityZones.length;
}

/**
 * The always-on network charges: NAT gateways, the load balancer with one capacity unit, public
 * IPv4 addresses (one per NAT gateway, one per zone of the internet-facing load balancer) and
 * interface VPC endpoints in every zone.
 */
export function networkCosts(environment: EnvironmentConfig, prices: RegionPrices): CostLineItem[] {
  const nat = natGatewayCount(environment);
  const albZones = loadBalancerZoneCount(environment);
  const endpoints = environment.network.vpcEndpoints.interfaceServices.length;
  const zones = environment.network.availabilityZones.length;
  const items: CostLineItem[] = [];
  if (nat > 0) {
    items.push(lineItem(`NAT gateways × ${nat}`, nat * HOURS_PER_MONTH, 'hours', prices.natGatewayHour));
  }
  items.push(lineItem('Application Load Balancer', HOURS_PER_MONTH, 'hours', prices.loadBalancerHour));
  items.push(lineItem('Load balancer capacity units (1 LCU)', HOURS_PER_MONTH, 'LCU-hours', prices.loadBalancerLcuHour));
  const addresses = nat + albZones;
  items.push(lineItem(`Public IPv4 addresses × ${addresses} (${albZones} load balancer${nat > 0 ? `, ${nat} NAT` : ''})`, addresses * HOURS_PER_MONTH, 'hours', prices.publicIpv4Hour));
  if (endpoints > 0) {
    items.push(lineItem(`Interface VPC endpoints × ${endpoints} in ${zones} zones`, endpoints * zones * HOURS_PER_MONTH, 'endpoint-hours', prices.interfaceEndpointZoneHour));
  }
  return items;
}
