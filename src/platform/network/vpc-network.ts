import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { EgressOnlyInternetGateway } from '@cdktf/provider-aws/lib/egress-only-internet-gateway';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn, Op, TerraformCount, Token } from 'cdktf';
import { Construct } from 'constructs';
import { VpcFlowLogs } from './flow-logs';
import { natLayout } from './nat-layout';
import { VpcEndpoints } from './vpc-endpoints';
import type { EnvironmentConfig } from '../contract/config';
import { flowLogGroupName } from '../contract/naming';
import type { AwsContext } from '../core/aws-context';
import { everyInstanceAttribute, instanceAttribute, isExpression, itemOf, lengthOf } from '../core/expressions';

const ANYWHERE = '0.0.0.0/0';
const ANYWHERE_IPV6 = '::/0';
/** A subnet's IPv6 block is a /64 of the VPC's /56: 8 more bits, public subnets from 0, private from 8 (as the IPv4 halves). */
const IPV6_SUBNET_BITS = 8;
const PRIVATE_IPV6_OFFSET = 8;

/** Properties of {@link VpcNetwork}. */
export interface VpcNetworkProps {
  readonly aws: AwsContext;
  readonly project: string;
  readonly environment: EnvironmentConfig;
  /** Prefix of resource names, `<project>-<env>`. */
  readonly namePrefix: string;
}

/** The NAT gateways, their addresses and the private default routes through them. */
interface NatResources {
  readonly elasticIps: Eip;
  readonly gateways: NatGateway;
  readonly defaultRoutes: Route;
}

/**
 * A VPC with public and private subnets per availability zone, internet and NAT gateways, routes,
 * VPC endpoints, a locked default security group and flow logs, as configured.
 *
 * Per-zone resources are single resources with `count` (one instance per zone, in zone order), so
 * the zones, the subnet blocks and the NAT mode may be literals (the CDKTF app) or Terraform
 * expressions (the plain Terraform module, where they are input variables).
 */
export class VpcNetwork extends Construct {
  /** The VPC. */
  public readonly vpc: Vpc;
  /** The VPC's default security group, stripped of all rules so nothing can use it by accident. */
  public readonly defaultSecurityGroup: DefaultSecurityGroup;
  /** Public subnets (load balancer, NAT gateways): one instance per availability zone, in zone order. */
  public readonly publicSubnets: Subnet;
  /** Private subnets (tasks): one instance per availability zone, in zone order. */
  public readonly privateSubnets: Subnet;
  /** The internet gateway. */
  public readonly internetGateway: InternetGateway;
  /** Elastic IPs of the NAT gateways, one instance per gateway; unset when the configuration has none. */
  public readonly natElasticIps?: Eip;
  /** NAT gateways: one instance per zone, one in the first zone, or none, as configured. */
  public readonly natGateways?: NatGateway;
  /** Route table of the public subnets, with the default route to the internet gateway. */
  public readonly publicRouteTable: RouteTable;
  /** Associations of the public subnets with the public route table, one instance per zone. */
  public readonly publicRouteTableAssociations: RouteTableAssociation;
  /** Route tables of the private subnets, one instance per zone. */
  public readonly privateRouteTables: RouteTable;
  /** Associations of the private subnets with their route tables, one instance per zone. */
  public readonly privateRouteTableAssociations: RouteTableAssociation;
  /** Default routes of the private route tables to a NAT gateway, one instance per zone while there is a NAT gateway. */
  public readonly privateDefaultRoutes?: Route;
  /** Egress-only internet gateway of the private subnets' IPv6 traffic; dual stack with NAT gateways only. */
  public readonly egressOnlyInternetGateway?: EgressOnlyInternetGateway;
  /** Flow logs of the VPC, when enabled. */
  public readonly flowLogs?: VpcFlowLogs;
  /** VPC endpoints, when enabled. */
  public readonly endpoints?: VpcEndpoints;

  private readonly namePrefix: string;
  private readonly zones: string[];
  private readonly perZone: TerraformCount;
  private readonly ipv6: boolean;

  constructor(scope: Construct, id: string, props: VpcNetworkProps) {
    super(scope, id);
    const network = props.environment.network;
    this.namePrefix = props.namePrefix;
    this.zones = network.availabilityZones;
    this.perZone = TerraformCount.of(lengthOf(this.zones));
    this.ipv6 = network.ipv6;

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: network.cidr,
      ...(this.ipv6 ? { assignGeneratedIpv6CidrBlock: true } : {}),
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: this.nameTag('vpc'),
    });
    this.defaultSecurityGroup = new DefaultSecurityGroup(this, 'default_security_group', {
      vpcId: this.vpc.id,
      tags: this.nameTag('default-unused'),
    });
    // Only the load balancer and the NAT gateways live in the public subnets, and both get their addresses explicitly.
    this.publicSubnets = this.zoneSubnets('public_subnets', 'public', network.publicSubnetCidrs, 0);
    this.privateSubnets = this.zoneSubnets('private_subnets', 'private', network.privateSubnetCidrs, PRIVATE_IPV6_OFFSET);

    const publicRouting = this.createPublicRouting();
    this.internetGateway = publicRouting.internetGateway;
    this.publicRouteTable = publicRouting.routeTable;
    this.publicRouteTableAssociations = publicRouting.associations;

    this.privateRouteTables = new RouteTable(this, 'private_route_tables', {
      count: this.perZone,
      vpcId: this.vpc.id,
      tags: this.nameTag(`private-${this.zone}`),
    });
    this.privateRouteTableAssociations = new RouteTableAssociation(this, 'private_route_table_associations', {
      count: this.perZone,
      subnetId: instanceAttribute(this.privateSubnets, 'count.index', 'id'),
      routeTableId: instanceAttribute(this.privateRouteTables, 'count.index', 'id'),
    });

    const nat = this.natGatewaysFor(network.natGateways);
    this.natElasticIps = nat?.elasticIps;
    this.natGateways = nat?.gateways;
    this.privateDefaultRoutes = nat?.defaultRoutes;
    // Without NAT gateways the private subnets have no way out by design (VPC endpoints only); IPv6 keeps it so.
    if (this.ipv6 && nat !== undefined) {
      this.egressOnlyInternetGateway = this.privateIpv6Egress();
    }

    this.endpoints = this.endpointsFor(props);
    this.flowLogs = this.flowLogsFor(props);
  }

  /** The internet gateway and the public subnets' route table: default routes to the internet (IPv6 too when dual stack). */
  private createPublicRouting(): { internetGateway: InternetGateway; routeTable: RouteTable; associations: RouteTableAssociation } {
    const internetGateway = new InternetGateway(this, 'internet_gateway', { vpcId: this.vpc.id, tags: this.nameTag('igw') });
    const routeTable = new RouteTable(this, 'public_route_table', { vpcId: this.vpc.id, tags: this.nameTag('public') });
    new Route(this, 'public_default_route', { routeTableId: routeTable.id, destinationCidrBlock: ANYWHERE, gatewayId: internetGateway.id });
    if (this.ipv6) {
      new Route(this, 'public_default_ipv6_route', { routeTableId: routeTable.id, destinationIpv6CidrBlock: ANYWHERE_IPV6, gatewayId: internetGateway.id });
    }
    const associations = new RouteTableAssociation(this, 'public_route_table_associations', {
      count: this.perZone,
      subnetId: instanceAttribute(this.publicSubnets, 'count.index', 'id'),
      routeTableId: routeTable.id,
    });
    return { internetGateway, routeTable, associations };
  }

  /** IDs of the public subnets, in zone order. */
  public get publicSubnetIds(): string[] {
    return everyInstanceAttribute(this.publicSubnets, 'id');
  }

  /** IDs of the private subnets, in zone order. */
  public get privateSubnetIds(): string[] {
    return everyInstanceAttribute(this.privateSubnets, 'id');
  }

  /** The availability zone of the per-zone instance `count.index`. */
  private get zone(): string {
    return itemOf(this.zones, this.perZone.index);
  }

  /** The `Name` tag of a resource: `<project>-<env>-<suffix>`. */
  private nameTag(suffix: string): { Name: string } {
    return { Name: `${this.namePrefix}-${suffix}` };
  }

  /**
   * One subnet per zone, of the given kind, from the given blocks (in zone order), with a /64 of the
   * VPC's IPv6 block from `ipv6Offset` on in a dual-stack VPC; none maps public IPs on launch.
   */
  private zoneSubnets(id: string, kind: 'public' | 'private', cidrs: string[], ipv6Offset: number): Subnet {
    const netnum = ipv6Offset === 0 ? this.perZone.index : Token.asNumber(Op.add(this.perZone.index, ipv6Offset));
    const ipv6 = this.ipv6 ? { ipv6CidrBlock: Fn.cidrsubnet(this.vpc.ipv6CidrBlock, IPV6_SUBNET_BITS, netnum) } : {};
    return new Subnet(this, id, {
      count: this.perZone,
      vpcId: this.vpc.id,
      availabilityZone: this.zone,
      cidrBlock: itemOf(cidrs, this.perZone.index),
      ...ipv6,
      mapPublicIpOnLaunch: false,
      tags: this.nameTag(`${kind}-${this.zone}`),
    });
  }

  /** The NAT gateways of the mode in the public subnets of the first zones, and the private default routes to them; none without gateways. */
  private natGatewaysFor(mode: EnvironmentConfig['network']['natGateways']): NatResources | undefined {
    const nat = natLayout(mode, lengthOf(this.zones));
    if (nat.gateways === 0) {
      return undefined;
    }
    const perGateway = TerraformCount.of(nat.gateways);
    const gatewayZone = itemOf(this.zones, perGateway.index);
    const elasticIps = new Eip(this, 'nat_elastic_ips', {
      count: perGateway,
      domain: 'vpc',
      tags: this.nameTag(`nat-${gatewayZone}`),
    });
    const gateways = new NatGateway(this, 'nat_gateways', {
      count: perGateway,
      allocationId: instanceAttribute(elasticIps, 'count.index', 'allocation_id'),
      subnetId: instanceAttribute(this.publicSubnets, 'count.index', 'id'),
      tags: this.nameTag(`nat-${gatewayZone}`),
      dependsOn: [this.internetGateway],
    });
    const routed = TerraformCount.of(nat.routedZones);
    const defaultRoutes = new Route(this, 'private_default_routes', {
      count: routed,
      routeTableId: instanceAttribute(this.privateRouteTables, 'count.index', 'id'),
      destinationCidrBlock: ANYWHERE,
      natGatewayId: instanceAttribute(gateways, nat.gatewayOfZone(routed), 'id'),
    });
    return { elasticIps, gateways, defaultRoutes };
  }

  /** The egress-only internet gateway and the private subnets' IPv6 default routes through it (outbound only, like NAT). */
  private privateIpv6Egress(): EgressOnlyInternetGateway {
    const gateway = new EgressOnlyInternetGateway(this, 'egress_only_internet_gateway', { vpcId: this.vpc.id, tags: this.nameTag('eigw') });
    new Route(this, 'private_default_ipv6_routes', {
      count: this.perZone,
      routeTableId: instanceAttribute(this.privateRouteTables, 'count.index', 'id'),
      destinationIpv6CidrBlock: ANYWHERE_IPV6,
      egressOnlyGatewayId: gateway.id,
    });
    return gateway;
  }

  /** The VPC endpoints, in the private subnets and route tables; none when no endpoint is configured. */
  private endpointsFor(props: VpcNetworkProps): VpcEndpoints | undefined {
    const network = props.environment.network;
    const endpoints = network.vpcEndpoints;
    if (!endpoints.s3Gateway && !isExpression(endpoints.interfaceServices) && endpoints.interfaceServices.length === 0) {
      return undefined;
    }
    return new VpcEndpoints(this, 'endpoints', {
      aws: props.aws,
      namePrefix: props.namePrefix,
      config: endpoints,
      vpcId: this.vpc.id,
      vpcCidr: network.cidr,
      subnetIds: this.privateSubnetIds,
      routeTableIds: everyInstanceAttribute(this.privateRouteTables, 'id'),
    });
  }

  /** The flow logs of the VPC, when enabled. */
  private flowLogsFor(props: VpcNetworkProps): VpcFlowLogs | undefined {
    if (!props.environment.network.flowLogs) {
      return undefined;
    }
    return new VpcFlowLogs(this, 'flow_logs', {
      aws: props.aws,
      vpcId: this.vpc.id,
      logGroupName: flowLogGroupName(props.project, props.environment),
      retentionDays: props.environment.cluster.logRetentionDays,
      namePrefix: props.namePrefix,
      keyDeletionWindowDays: props.environment.kmsKeyDeletionWindowDays,
    });
  }
}
