import { mermaidId, mermaidLabel } from './mermaid';
import type { EnvironmentConfig } from '../../platform/contract/config';

/** Id of the node that stands for the internet (users, NAT egress). */
export const INTERNET = 'internet';

/** Mermaid lines of one part of the diagram: nodes (inside a subgraph) and edges (anywhere). */
export interface DiagramPart {
  readonly nodes: string[];
  readonly edges: string[];
}

/**
 * The network of an environment: availability zones with their public and private subnets, the NAT
 * gateway(s) in public subnets and the private subnets' routes to them, the VPC endpoints; or the
 * subnets of an existing VPC.
 */
export function networkPart(environment: EnvironmentConfig): DiagramPart {
  const network = environment.network;
  if (network.existingVpc !== undefined) {
    const ids = [...network.existingVpc.publicSubnetIds.map((id) => `public ${id}`), ...network.existingVpc.privateSubnetIds.map((id) => `private ${id}`)];
    return { nodes: ids.map((text) => `${mermaidId('subnet', text)}[${mermaidLabel(text)}]`), edges: [] };
  }
  const nodes: string[] = [];
  const edges: string[] = [];
  const natZones = network.natGateways === 'per-az' ? network.availabilityZones.length : network.natGateways === 'single' ? 1 : 0;
  network.availabilityZones.forEach((zone, i) => {
    nodes.push(`subgraph ${mermaidId('zone', String(i))}[${mermaidLabel(zone)}]`);
    nodes.push(`  ${mermaidId('public', String(i))}[${mermaidLabel('public subnet', network.publicSubnetCidrs[i])}]`);
    nodes.push(`  ${mermaidId('private', String(i))}[${mermaidLabel('private subnet', network.privateSubnetCidrs[i])}]`);
    if (i < natZones) nodes.push(`  ${mermaidId('nat', String(i))}[[${mermaidLabel('NAT gateway')}]]`);
    nodes.push('end');
    if (natZones > 0) {
      const nat = mermaidId('nat', String(Math.min(i, natZones - 1)));
      edges.push(`${mermaidId('private', String(i))} -->|${mermaidLabel('egress')}| ${nat}`);
    }
  });
  for (let i = 0; i < natZones; i++) edges.push(`${mermaidId('nat', String(i))} --> ${INTERNET}`);
  const endpoints = network.vpcEndpoints;
  if (endpoints.interfaceServices.length > 0 || endpoints.s3Gateway) {
    const services = [...(endpoints.s3Gateway ? ['s3 (gateway)'] : []), ...endpoints.interfaceServices];
    nodes.push(`endpoints[[${mermaidLabel('VPC endpoints', services.join(', '))}]]`);
    network.availabilityZones.forEach((_zone, i) => edges.push(`${mermaidId('private', String(i))} -.-> endpoints`));
  }
  return { nodes, edges };
}
