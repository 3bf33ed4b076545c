import { Draft, EnumMember, ProjectDraft } from './draft';
import { isMap, Manifest, YamlValue } from './manifest';

/** Copilot environments named like these get the production preset (Copilot itself has no presets). */
const PRODUCTION_NAMES = /^(prod|production|prd|live)$/;

/** Maps `copilot/environments/<env>/manifest.yml` onto an environment and the project-wide network, cluster and load balancer. */
export function mapEnvironment(manifest: Manifest, name: string, draft: ProjectDraft, onlyEnvironment: boolean): Draft {
  manifest.take('name');
  manifest.take('type');
  const environment: Draft = { name };
  if (PRODUCTION_NAMES.test(name)) {
    environment.preset = new EnumMember('EnvironmentPreset', 'PRODUCTION', 'production');
  }
  mapVpc(manifest, environment, draft, onlyEnvironment);
  mapPublicHttp(manifest, environment, draft);
  const insights = manifest.take('observability.container_insights');
  if (typeof insights === 'boolean') {
    draft.setShared('cluster.containerInsights', insights, manifest, 'observability.container_insights');
  }
  return environment;
}

/** Why VPC settings of one environment among several cannot carry over. */
const PROJECT_WIDE_VPC = 'is per environment in Copilot but project-wide here (network.existingVpc, network.*SubnetCidrs); carried over only for a single environment';

function mapVpc(manifest: Manifest, environment: Draft, draft: ProjectDraft, onlyEnvironment: boolean): void {
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
  if (!onlyEnvironment) {
    ['network.vpc.id', 'network.vpc.subnets'].forEach((path) => manifest.report(path, PROJECT_WIDE_VPC));
    return;
  }
  const id = manifest.take('network.vpc.id');
  if (typeof id === 'string') {
    manifest.take('network.vpc.subnets');
    const existingVpc = { vpcId: id, publicSubnetIds: publicSubnets.map((s) => s.id), privateSubnetIds: privateSubnets.map((s) => s.id) };
    draft.setShared('network.existingVpc', existingVpc, manifest, 'network.vpc');
    return;
  }
  if (publicSubnets.length > 0 && publicSubnets.every((s) => s.cidr !== undefined && s.az !== undefined)) {
    manifest.take('network.vpc.subnets.public');
    draft.setShared('network.publicSubnetCidrs', publicSubnets.map((s) => s.cidr), manifest, 'network.vpc.subnets.public');
  }
  if (privateSubnets.length > 0 && privateSubnets.every((s) => s.cidr !== undefined)) {
    draft.setShared('network.privateSubnetCidrs', privateSubnets.map((s) => s.cidr), manifest, 'network.vpc.subnets.private');
    manifest.take('network.vpc.subnets.private');
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
