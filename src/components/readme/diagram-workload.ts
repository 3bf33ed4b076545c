import { workloadTaskNodes } from './diagram-messaging';
import { DiagramPart, INTERNET } from './diagram-network';
import { mermaidId, mermaidLabel } from './mermaid';
import type { CapacityProviderStrategyConfig, EnvironmentConfig, LoadBalancerConfig, ServiceConfig } from '../../platform/contract/config';
import type { DeploymentConfig } from '../../platform/contract/deployment-config';

/** The listeners of the load balancer, e.g. `HTTPS :443`, `HTTP :80 → 301 HTTPS`. */
export function listenerSummary(loadBalancer: LoadBalancerConfig): string[] {
  if (!loadBalancer.https) return [`HTTP :${loadBalancer.httpPort}`];
  return [
    `HTTPS :${loadBalancer.httpsPort}`,
    loadBalancer.redirectHttpToHttps ? `HTTP :${loadBalancer.httpPort} → 301 HTTPS` : `HTTP :${loadBalancer.httpPort}`,
  ];
}

/** A capacity provider strategy in words: `FARGATE_SPOT weight 3, FARGATE base 1 weight 1`. */
export function strategySummary(strategy: readonly CapacityProviderStrategyConfig[]): string {
  return strategy
    .map((item) => `${item.capacityProvider}${item.base > 0 ? ` base ${item.base}` : ''} weight ${item.weight}`)
    .join(', ');
}

/** The load balancer, the cluster with its services, sidecars, proxies and capacity. */
export function workloadPart(environment: EnvironmentConfig, deployment: DeploymentConfig): DiagramPart {
  const cluster = environment.cluster;
  const testPort = deployment.strategy === 'blue-green' ? deployment.blueGreen?.testListenerPort : undefined;
  const nodes = [
    `alb{{${mermaidLabel('Application Load Balancer', ...listenerSummary(environment.loadBalancer), ...(testPort ? [`test listener :${testPort}`] : []))}}}`,
    `subgraph cluster[${mermaidLabel(`${cluster.existing ? 'existing ' : ''}ECS cluster ${cluster.name}`, 'tasks in the private subnets')}]`,
    ...environment.services.flatMap((service) => serviceNodes(service, cluster.serviceConnectNamespace !== undefined)),
    ...workloadTaskNodes(environment),
  ];
  const edges = [`${INTERNET} -->|${mermaidLabel(listenerSummary(environment.loadBalancer).join(', '))}| alb`];
  if (cluster.ec2Capacity !== undefined) {
    const ec2 = cluster.ec2Capacity;
    nodes.push(`  asg[(${mermaidLabel('EC2 Auto Scaling group', `${ec2.instanceType} × ${ec2.minSize}–${ec2.maxSize}`, `capacity provider ${ec2.name}`)})]`);
  }
  nodes.push('end');
  for (const service of environment.services) {
    if (service.ingress !== undefined) edges.push(`alb -->|${mermaidLabel(routeSummary(service))}| ${targetNode(service)}`);
    if (service.capacityProviderStrategy.some((item) => item.capacityProvider === 'EC2')) edges.push(`${mermaidId('svc', service.name)} -.-> asg`);
  }
  return { nodes, edges };
}

function serviceNodes(service: ServiceConfig, serviceConnect: boolean): string[] {
  const app = mermaidId('app', service.name);
  const lines = [
    `  subgraph ${mermaidId('svc', service.name)}[${mermaidLabel(
      `service ${service.name} × ${service.desiredCount}`,
      `${service.cpu / 1024} vCPU / ${service.memoryMiB} MiB, ${service.cpuArchitecture}`,
      strategySummary(service.capacityProviderStrategy),
      ...(serviceConnect && service.serviceConnect ? [`Service Connect ${service.name}:${service.containerPort}`] : []),
    )}]`,
    `    ${app}[${mermaidLabel(`${service.name} :${service.containerPort}`)}]`,
  ];
  if (service.reverseProxy !== undefined) {
    lines.push(`    ${mermaidId('proxy', service.name)}[${mermaidLabel(`reverse proxy :${service.reverseProxy.port}`)}] --> ${app}`);
  }
  for (const sidecar of service.sidecars) {
    lines.push(`    ${mermaidId('sidecar', service.name, sidecar.name)}[${mermaidLabel(`sidecar ${sidecar.name}${sidecar.containerPort ? ` :${sidecar.containerPort}` : ''}`)}]`);
  }
  lines.push('  end');
  return lines;
}

function targetNode(service: ServiceConfig): string {
  return service.reverseProxy !== undefined ? mermaidId('proxy', service.name) : mermaidId('app', service.name);
}

function routeSummary(service: ServiceConfig): string {
  const rule = service.ingress?.rule;
  if (rule === undefined) return 'default';
  return [...rule.hostHeaders, ...rule.pathPatterns].join(' ');
}
