import { Draft, EnumMember, ProjectDraft } from './draft';
import { isMap, Manifest, YamlValue } from './manifest';

/** Copilot environments named like these get the production preset (Copilot itself has no presets). */
const PRODUCTION_NAMES = /^(prod|production|prd|live)$/;

/** Maps `copilot/environments/<env>/manifest.yml` onto an environment and the project-wide network, cluster and load balancer. */
export function mapEnvironment(manifest: Manifest, name: string, draft: ProjectDraft): Draft {
  manifest.take('name');
  manifest.take('type');
  const environment: Draft = { name };
  if (PRODUCTION_NAMES.test(name)) {
    environment.preset = new EnumMember('EnvironmentPreset', 'PRODUCTION', 'production');
  }
  mapVpc(manifest, environment);
  mapPublicHttp(manifest, environment, draft);
  const insights = manifest.take('observability.container_insights');
  if (typeof insights === 'boolean') {
    draft.setShared('cluster.containerInsights', insights, manifest, 'observability.container_insights');
  }
  return environment;
}

/** The environment's own VPC (range, zones, subnets) or the existing VPC it imports. */
function mapVpc(manifest: Manifest, environment: Draft): void {
  const cidr = manifest.take('network.vpc.cidr');
  const publicSubnets = subnets(manifest.peek('network.vpc.subnets.public'));
  const privateSubnets = subnets(manifest.peek('network.vpc.subnets.private'));
  if (publicSubnets.length > 0 && publicSubnets.every((s) => s.az !== undefined)) {
    environment.availabilityZones = publicSubnets.map((s) => s.az);
  }
  mapFlowLogs(manifest);
  if (typeof cidr === 'string') {
    environment.vpcCidr = cidr;
  }
  const id = manifest.take('network.vpc.id');
  if (typeof id === 'string') {
    manifest.take('network.vpc.subnets');
    environment.existingVpc = { vpcId: id, publicSubnetIds: publicSubnets.map((s) => s.id), privateSubnetIds: privateSubnets.map((s) => s.id) };
    return;
  }
  for (const [kind, list] of [['public', publicSubnets], ['private', privateSubnets]] as const) {
    if (list.length > 0 && list.every((s) => s.cidr !== undefined)) {
      manifest.take(`network.vpc.subnets.${kind}`);
      environment[`${kind}SubnetCidrs`] = list.map((s) => s.cidr);
    }
  }
}

function mapFlowLogs(manifest: Manifest): void {
  const flowLogs = manifest.peek('network.vpc.flow_logs');
  if (typeof flowLogs === 'boolean' || isMap(flowLogs)) {
    // Our VPCs always record flow logs (retention: the cluster's log retention).
    manifest.take('network.vpc.flow_logs');
    if (isMap(flowLogs) && flowLogs.retention !== undefined) {
      manifest.report('network.vpc.flow_logs.retention', 'has no equivalent option; flow logs keep cluster.logRetentionDays');
    }
  }
}

interface Subnet {
  readonly id?: string;
  readonly cidr?: string;
  readonly az?: string;
}

function subnets(value: YamlValue | undefined): Subnet[] {
  return Array.isArray(value) ? value.filter(isMap).map((s) => s as Subnet) : [];
}

function mapPublicHttp(manifest: Manifest, environment: Draft, draft: ProjectDraft): void {
  const certificates = manifest.take('http.public.certificates');
  if (Array.isArray(certificates) && certificates.length > 0) {
    environment.certificateArn = certificates[0];
    if (certificates.length > 1) {
      draft.setShared('loadBalancer.additionalCertificateArns', certificates.slice(1), manifest, 'http.public.certificates');
    }
  }
  const sourceIps = manifest.take('http.public.ingress.source_ips');
  if (Array.isArray(sourceIps)) {
    draft.setShared('loadBalancer.allowedCidrs', sourceIps, manifest, 'http.public.ingress.source_ips');
  }
  const sslPolicy = manifest.take('http.public.ssl_policy');
  if (typeof sslPolicy === 'string') {
    draft.setShared('loadBalancer.sslPolicy', sslPolicy, manifest, 'http.public.ssl_policy');
  }
  const accessLogs = manifest.peek('http.public.access_logs');
  if (accessLogs === true || accessLogs === false) {
    manifest.take('http.public.access_logs');
    draft.setShared('loadBalancer.accessLogs', accessLogs, manifest, 'http.public.access_logs');
  } else if (isMap(accessLogs)) {
    manifest.report('http.public.access_logs', 'names an existing bucket; our load balancer writes to its own access log bucket');
  }
}
