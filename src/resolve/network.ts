import { NatGateways } from '../options';
import { formatIpv4Cidr, Ipv4Cidr, parseIpv4Cidr, subnetOf } from './cidr';
import { EnvironmentContext, overridable } from './context';
import { DEFAULTS } from './defaults';
import { resolveIpv6 } from './ipv6';
import type { ExistingVpcConfig, NetworkConfig, VpcEndpointsConfig } from '../platform/contract/config';
import { NETWORK_RULES } from '../platform/contract/rules';

/** What the services of an environment need from AWS, which decides the VPC endpoints. */
export interface EndpointNeeds {
  readonly ssmSecrets: boolean;
  readonly secretsManagerSecrets: boolean;
  readonly executeCommand: boolean;
  readonly ec2Capacity: boolean;
  /** More interface endpoints the tasks call (e.g. `sqs` for queue workers, `sns` for publishers). */
  readonly otherServices?: string[];
  /** Attached DynamoDB tables (a gateway endpoint). */
  readonly dynamodb?: boolean;
}

const VPC_ID_PATTERN = /^vpc-[0-9a-f]{8,17}$/;
const SUBNET_ID_PATTERN = /^subnet-[0-9a-f]{8,17}$/;

/** Resolves and validates the VPC of one environment: its range, zones, subnets, NAT, endpoints. */
export function resolveNetwork(ctx: EnvironmentContext, needs: EndpointNeeds): NetworkConfig {
  const { problems } = ctx;
  const network = ctx.options.network ?? {};
  const cidrSetting = overridable(ctx, 'vpcCidr', network.cidr, 'network.cidr', DEFAULTS.vpcCidr);
  const parsed = parseIpv4Cidr(cidrSetting.value);
  const { min, max } = NETWORK_RULES.vpcPrefixLength;
  const cidr = parsed !== undefined && parsed.prefixLength >= min && parsed.prefixLength <= max ? parsed : undefined;
  problems.check(cidr !== undefined, cidrSetting.path, cidrSetting.value, `is not allowed; expected an IPv4 network address with prefix length /${min} to /${max}, e.g. "10.0.0.0/16"`);
  const zones = resolveZones(ctx);
  const natSetting = overridable(ctx, 'natGateways', network.natGateways, 'network.natGateways', ctx.production ? NatGateways.PER_AZ : NatGateways.SINGLE);
  const natGateways = natSetting.value;
  problems.checkEnum(natSetting.path, natGateways, NatGateways);
  const subnets = resolveSubnets(ctx, cidr, cidrSetting, zones);
  const existingVpc = resolveExistingVpc(ctx);

  const endpointsWanted = network.vpcEndpoints ?? natGateways === NatGateways.NONE;
  if (existingVpc === undefined) {
    problems.check(
      natGateways !== NatGateways.NONE || endpointsWanted,
      'network.vpcEndpoints',
      network.vpcEndpoints,
      'is false while natGateways is "none"; tasks could not pull images or write logs. Enable VPC endpoints or NAT gateways',
    );
  }
  return {
    cidr: cidrSetting.value,
    availabilityZones: [...zones],
    ...subnets,
    natGateways,
    vpcEndpoints: endpointsWanted && existingVpc === undefined ? endpointsFor(needs) : { s3Gateway: false, interfaceServices: [] },
    flowLogs: existingVpc === undefined && (network.flowLogs ?? true),
    ipv6: resolveIpv6(ctx),
    ...(existingVpc !== undefined ? { existingVpc } : {}),
  };
}

/** Two to eight distinct zones of the environment's region, explicit (no lookup at synth). */
function resolveZones(ctx: EnvironmentContext): string[] {
  const { problems, region } = ctx;
  const setting = overridable(ctx, 'availabilityZones', ctx.options.network?.availabilityZones, 'network.availabilityZones', [`${region}a`, `${region}b`]);
  const zones = setting.value;
  const { min, max } = NETWORK_RULES.availabilityZones;
  problems.check(zones.length >= min && zones.length <= max, setting.path, zones, `is not allowed; expected ${min} to ${max} availability zones`);
  problems.check(new Set(zones).size === zones.length, setting.path, zones, 'lists a zone twice; expected distinct zones');
  zones.forEach((zone, i) =>
    problems.check(new RegExp(`^${region}[a-z]$`).test(zone), `${setting.path}[${i}]`, zone, `is not a zone of region ${region}; expected e.g. "${region}a"`));
  return zones;
}

/**
 * The public and private subnet ranges: the options', else 1/16 of the VPC each (public subnets
 * in slots 0-7, private in 8-15), inside the VPC and disjoint.
 */
function resolveSubnets(
  ctx: EnvironmentContext,
  cidr: Ipv4Cidr | undefined,
  cidrSetting: { value: string; path: string },
  zones: string[],
): Pick<NetworkConfig, 'publicSubnetCidrs' | 'privateSubnetCidrs'> {
  const network = ctx.options.network ?? {};
  const publicSetting = overridable(ctx, 'publicSubnetCidrs', network.publicSubnetCidrs, 'network.publicSubnetCidrs', undefined);
  const privateSetting = overridable(ctx, 'privateSubnetCidrs', network.privateSubnetCidrs, 'network.privateSubnetCidrs', undefined);
  const defaultSubnets = (offset: number) =>
    cidr && cidr.prefixLength <= 24 ? zones.map((_, i) => formatIpv4Cidr(subnetOf(cidr, 4, offset + i))) : [];
  if (cidr && cidr.prefixLength > 24) {
    ctx.problems.check(
      publicSetting.value !== undefined && privateSetting.value !== undefined,
      cidrSetting.path,
      cidrSetting.value,
      'is too small to carve /28 or larger subnets by default; set network.publicSubnetCidrs and network.privateSubnetCidrs',
    );
  }
  const publicSubnetCidrs = publicSetting.value ?? defaultSubnets(0);
  const privateSubnetCidrs = privateSetting.value ?? defaultSubnets(8);
  if (cidr) {
    checkSubnets(ctx, cidr, cidrSetting.value, zones.length, [
      { path: publicSetting.path, cidrs: publicSubnetCidrs, explicit: publicSetting.value !== undefined },
      { path: privateSetting.path, cidrs: privateSubnetCidrs, explicit: privateSetting.value !== undefined },
    ]);
  }
  return { publicSubnetCidrs: [...publicSubnetCidrs], privateSubnetCidrs: [...privateSubnetCidrs] };
}

/** A VPC owned elsewhere: its id and subnets in at least two zones. */
function resolveExistingVpc(ctx: EnvironmentContext): ExistingVpcConfig | undefined {
  const setting = overridable(ctx, 'existingVpc', ctx.options.network?.existingVpc, 'network.existingVpc', undefined);
  const existingVpc = setting.value;
  if (existingVpc === undefined) {
    return undefined;
  }
  const { problems } = ctx;
  problems.check(VPC_ID_PATTERN.test(existingVpc.vpcId ?? ''), `${setting.path}.vpcId`, existingVpc.vpcId, 'is not a VPC id; expected e.g. "vpc-0123456789abcdef0"');
  for (const key of ['publicSubnetIds', 'privateSubnetIds'] as const) {
    const ids = existingVpc[key] ?? [];
    problems.check(ids.length >= 2, `${setting.path}.${key}`, ids, 'is not allowed; expected subnets in at least two availability zones');
    ids.forEach((id, i) => problems.check(SUBNET_ID_PATTERN.test(id), `${setting.path}.${key}[${i}]`, id, 'is not a subnet id; expected e.g. "subnet-0123456789abcdef0"'));
  }
  return {
    vpcId: existingVpc.vpcId,
    publicSubnetIds: [...(existingVpc.publicSubnetIds ?? [])],
    privateSubnetIds: [...(existingVpc.privateSubnetIds ?? [])],
  };
}

/** The endpoints tasks (and EC2 instances) need to run without a route to the internet. */
function endpointsFor(needs: EndpointNeeds): VpcEndpointsConfig {
  const services = ['ecr.api', 'ecr.dkr', 'logs'];
  if (needs.ssmSecrets) services.push('ssm');
  if (needs.secretsManagerSecrets) services.push('secretsmanager');
  if (needs.executeCommand) services.push('ssmmessages', 'kms');
  if (needs.ec2Capacity) services.push('ecs', 'ecs-agent', 'ecs-telemetry');
  services.push(...(needs.otherServices ?? []));
  return { s3Gateway: true, ...(needs.dynamodb ? { dynamodbGateway: true } : {}), interfaceServices: [...new Set(services)].sort() };
}

interface SubnetList {
  readonly path: string;
  readonly cidrs: readonly string[];
  readonly explicit: boolean;
}

function checkSubnets(ctx: EnvironmentContext, vpc: Ipv4Cidr, vpcText: string, zoneCount: number, lists: SubnetList[]): void {
  const { problems } = ctx;
  const seen: Array<{ path: string; text: string; cidr: Ipv4Cidr }> = [];
  for (const list of lists.filter((l) => l.explicit)) {
    problems.check(list.cidrs.length === zoneCount, list.path, list.cidrs, `has ${list.cidrs.length} blocks; expected one per availability zone (${zoneCount})`);
  }
  for (const list of lists) {
    list.cidrs.forEach((text, i) => {
      const path = `${list.path}[${i}]`;
      const cidr = parseIpv4Cidr(text);
      const smallest = NETWORK_RULES.subnetPrefixLength.max;
      const allowed = problems.check(cidr !== undefined && cidr.prefixLength <= smallest, path, text,
        `is not allowed; expected an IPv4 network address with prefix length up to /${smallest}, e.g. "10.0.0.0/20"`);
      if (!allowed || cidr === undefined) {
        return;
      }
      if (!problems.check(contains(vpc, cidr), path, text, `is outside the VPC ${vpcText}; expected a block inside it`)) {
        return;
      }
      const clash = seen.find((other) => overlaps(other.cidr, cidr));
      problems.check(clash === undefined, path, text, `overlaps ${clash?.path} ${JSON.stringify(clash?.text)}; expected disjoint subnets`);
      seen.push({ path, text, cidr });
    });
  }
}

function size(cidr: Ipv4Cidr): number {
  return 2 ** (32 - cidr.prefixLength);
}

function contains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.prefixLength >= outer.prefixLength && inner.network >= outer.network && inner.network + size(inner) <= outer.network + size(outer);
}

function overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return a.network < b.network + size(b) && b.network < a.network + size(a);
}
