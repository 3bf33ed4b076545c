import { strategySummary } from './diagram-workload';
import type { EnvironmentConfig, PlatformConfig } from '../../platform/contract/config';
import { SERVICE_OUTPUTS } from '../../platform/contract/stack-interface';

/** The environments as a Markdown table: where they run, how, and how to get their URL. */
export function renderEnvironmentsTable(config: PlatformConfig): string {
  const rows = config.environments.map((environment) => [
    environment.name,
    environment.region,
    environment.accountId ?? 'not set (the credentials\' account)',
    environment.preset,
    environment.network.existingVpc !== undefined ? 'existing VPC' : environment.network.natGateways,
    strategySummary(environment.cluster.capacityProviderStrategy) + (environment.cluster.ec2Capacity ? `; EC2 ${environment.cluster.ec2Capacity.instanceType}` : ''),
    urlOf(environment),
  ]);
  return [
    '| Environment | Region | Account | Preset | NAT | Capacity providers | URL (output, command) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/**
 * The environment's URL: with a domain, its name and the host names of the services and the static
 * site, known before deployment; otherwise the output that carries the load balancer's DNS name.
 */
function urlOf(environment: EnvironmentConfig): string {
  const domain = environment.domain;
  const status = `\`npx projen status:${environment.name}\``;
  if (domain === undefined) {
    return `\`${SERVICE_OUTPUTS.serviceUrl}\` of \`${environment.name}-service\`: ${status}`;
  }
  const hosts = [...domain.loadBalancerHosts.slice(1), ...(domain.staticSite?.hosts ?? [])];
  return `https://${domain.name}${hosts.length > 0 ? ` (also ${hosts.map((host) => `https://${host}`).join(', ')})` : ''}; ${status}`;
}

/** The default tags of every resource, per environment (cost allocation reads them). */
export function renderTagsTable(config: PlatformConfig): string {
  const rows = config.environments.map((environment) => {
    const tags = Object.entries(environment.tags).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `\`${key}=${value}\``);
    return `| ${environment.name} | ${tags.join(', ').replace(/\|/g, '\\|')} |`;
  });
  return ['Tags on every resource (the provider\'s default tags; `tags` and `environments[].tags` in `.projenrc.ts`):', '', '| Environment | Tags |', '|---|---|', ...rows].join('\n');
}
