import { dataLines } from './diagram-data';
import { messagingLines } from './diagram-messaging';
import { INTERNET, networkPart } from './diagram-network';
import { workloadPart } from './diagram-workload';
import { mermaidLabel } from './mermaid';
import type { EnvironmentConfig } from '../../platform/contract/config';
import type { DeploymentConfig } from '../../platform/contract/deployment-config';

/**
 * A Mermaid flowchart of one environment as configured: the VPC with its zones, subnets, NAT
 * gateways or VPC endpoints, the load balancer and its listeners, the cluster with its services,
 * reverse proxies, sidecars and capacity, the static site, the data resources and the services
 * attached to them, and the pipeline that deploys it all.
 * GitHub renders it in Markdown (a fenced `mermaid` block).
 */
export function renderArchitectureDiagram(environment: EnvironmentConfig, deployment: DeploymentConfig): string {
  const network = networkPart(environment);
  const workload = workloadPart(environment, deployment);
  const vpcLabel = environment.network.existingVpc !== undefined
    ? mermaidLabel(`existing VPC ${environment.network.existingVpc.vpcId}`, environment.region)
    : mermaidLabel(`VPC ${environment.network.cidr}`, environment.region);
  const lines = [
    'flowchart TB',
    `${INTERNET}((${mermaidLabel('Internet')}))`,
    `subgraph vpc[${vpcLabel}]`,
    ...indent([...network.nodes, ...workload.nodes]),
    'end',
    ...network.edges,
    ...workload.edges,
    ...messagingLines(environment),
    ...imageRepositoryLines(environment),
    ...staticSiteLines(environment),
    ...dataLines(environment),
    ...pipelineLines(environment, deployment),
  ];
  return lines.join('\n');
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

function imageRepositoryLines(environment: EnvironmentConfig): string[] {
  if (environment.services.every((service) => service.image !== undefined)) return [];
  return [`ecr[(${mermaidLabel('ECR repositories')})]`, `ecr -.->|${mermaidLabel('pull image')}| cluster`];
}

function staticSiteLines(environment: EnvironmentConfig): string[] {
  const site = environment.staticSite;
  if (site === undefined) return [];
  const names = site.domainNames.length > 0 ? site.domainNames : environment.domain?.staticSite?.hosts ?? [];
  return [
    `subgraph static_site[${mermaidLabel('static site')}]`,
    `  cdn{{${mermaidLabel('CloudFront', ...(names.length > 0 ? [names.join(', ')] : []), site.priceClass)}}}`,
    `  site_bucket[(${mermaidLabel(`S3 bucket ${site.bucketPrefix}…`)})]`,
    `  cdn -->|${mermaidLabel('origin access control')}| site_bucket`,
    'end',
    `${INTERNET} -->|${mermaidLabel('HTTPS')}| cdn`,
  ];
}

function pipelineLines(environment: EnvironmentConfig, deployment: DeploymentConfig): string[] {
  const hasRepository = environment.services.some((service) => service.image === undefined);
  if (deployment.pipeline === 'codepipeline') {
    const deployer = deployment.strategy === 'blue-green' ? 'CodeDeploy blue/green' : 'ECS rolling update';
    return [
      `pipeline[${mermaidLabel(`CodePipeline ${environment.name}`, `CodeBuild → ${deployer}`)}]`,
      ...(hasRepository ? [`pipeline -->|${mermaidLabel('push image')}| ecr`] : []),
      `pipeline -->|${mermaidLabel('deploy')}| cluster`,
    ];
  }
  const who = deployment.github !== undefined ? `GitHub Actions ${deployment.github.repository}` : 'GitHub Actions or a laptop';
  return [
    `pipeline[${mermaidLabel(who, `npx projen deploy:${environment.name}`)}]`,
    ...(hasRepository ? [`pipeline -->|${mermaidLabel('push image')}| ecr`] : []),
    `pipeline -->|${mermaidLabel('terraform apply, roll out')}| cluster`,
  ];
}
