import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { conditional, TerraformCount, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { VpcFlowLogs } from './flow-logs';
import { VpcEndpoints } from './vpc-endpoints';
import type { EnvironmentConfig, NatGatewayMode } from '../contract/config';
import { flowLogGroupName } from '../contract/naming';
import type { AwsContext } from '../core/aws-context';
import { EnvironmentStack, EnvironmentStackProps } from '../core/environment-stack';
import { choose, equals, everyInstanceAttribute, instanceAttribute, isExpression, itemOf, lengthOf } from '../core/expressions';
import { exportOutput, NETWORK_OUTPUTS } from '../core/stack-outputs';

const ANYWHERE = '0.0.0.0/0';

/**
 * The network of an environment. Either a VPC of its own (public and private subnets in each
 * configured availability zone, an internet gateway, NAT gateways and VPC endpoints as configured,
 * a locked default security group and KMS-encrypted flow logs), or the ids of an existing VPC,
 * passed on to the other stacks unchanged.
 */
export class NetworkStack extends EnvironmentStack {
  /** The VPC and everything in it; unset when deploying into an existing VPC. */
  public readonly vpcNetwork?: VpcNetwork;

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id, props);
    const network = props.environment.network;
    const existing = network.existingVpc;
    if (existing !== undefined) {
      exportOutput(this, NETWORK_OUTPUTS.vpcId, existing.vpcId, 'ID of the VPC.');
      exportOutput(this, NETWORK_OUTPUTS.publicSubnetIds, [...existing.publicSubnetIds], 'IDs of the public subnets.');
      exportOutput(this, NETWORK_OUTPUTS.privateSubnetIds, [...existing.privateSubnetIds], 'IDs of the private subnets.');
      return;
    }
    this.vpcNetwork = new VpcNetwork(this, 'vpc_network', {
      aws: this.aws,
      project: this.project,
      environment: this.environment,
      namePrefix: this.namePrefix,
    });
    const vpc = this.vpcNetwork;
    exportOutput(this, NETWORK_OUTPUTS.vpcId, vpc.vpc.id, 'ID of the VPC.');
    exportOutput(this, NETWORK_OUTPUTS.vpcCidr, vpc.vpc.cidrBlock, 'IPv4 CIDR block of the VPC.');
    exportOutput(this, NETWORK_OUTPUTS.availabilityZones, [...network.availabilityZones], 'Availability zones of the subnets, in subnet order.');
    exportOutput(this, NETWORK_OUTPUTS.publicSubnetIds, vpc.publicSubnetIds, 'IDs of the public subnets, one per zone.');
    exportOutput(this, NETWORK_OUTPUTS.privateSubnetIds, vpc.privateSubnetIds, 'IDs of the private subnets, one per zone.');
  }
}

/** Properties of {@link VpcNetwork}. */
export interface VpcNetworkProps {
  readonly aws: AwsContext;
  readonly project: string;
  readonly environment: EnvironmentConfig;
  /** Prefix of resource names, `<project>-<env>`. */
  readonly namePrefix: string;
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
  /** Flow logs of the VPC, when enabled. */
  public readonly flowLogs?: VpcFlowLogs;
  /** VPC endpoints, when enabled. */
  public readonly endpoints?: VpcEndpoints;

  constructor(scope: Construct, id: string, props: VpcNetworkProps) {
    super(scope, id);
    const network = props.environment.network;
    const zones = network.availabilityZones;
    const zoneCount = lengthOf(zones);
    const name = (suffix: string) => ({ Name: `${props.namePrefix}-${suffix}` });

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: network.cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: name('vpc'),
    });
    this.defaultSecurityGroup = new DefaultSecurityGroup(this, 'default_security_group', {
      vpcId: this.vpc.id,
      tags: name('default-unused'),
    });

    const perZone = TerraformCount.of(zoneCount);
    const zone = itemOf(zones, perZone.index);
    this.publicSubnets = new Subnet(this, 'public_subnets', {
      count: perZone,
      vpcId: this.vpc.id,
      availabilityZone: zone,
      cidrBlock: itemOf(network.publicSubnetCidrs, perZone.index),
      // Only the load balancer and the NAT gateways live here, and both get their addresses explicitly.
      mapPublicIpOnLaunch: false,
      tags: name(`public-${zone}`),
    });
    this.privateSubnets = new Subnet(this, 'private_subnets', {
      count: perZone,
      vpcId: this.vpc.id,
      availabilityZone: zone,
      cidrBlock: itemOf(network.privateSubnetCidrs, perZone.index),
      mapPublicIpOnLaunch: false,
      tags: name(`private-${zone}`),
    });

    this.internetGateway = new InternetGateway(this, 'internet_gateway', { vpcId: this.vpc.id, tags: name('igw') });
    this.publicRouteTable = new RouteTable(this, 'public_route_table', { vpcId: this.vpc.id, tags: name('public') });
    new Route(this, 'public_default_route', {
      routeTableId: this.publicRouteTable.id,
      destinationCidrBlock: ANYWHERE,
      gatewayId: this.internetGateway.id,
    });
    this.publicRouteTableAssociations = new RouteTableAssociation(this, 'public_route_table_associations', {
      count: perZone,
      subnetId: instanceAttribute(this.publicSubnets, 'count.index', 'id'),
      routeTableId: this.publicRouteTable.id,
    });

    this.privateRouteTables = new RouteTable(this, 'private_route_tables', {
      count: perZone,
      vpcId: this.vpc.id,
      tags: name(`private-${zone}`),
    });
    this.privateRouteTableAssociations = new RouteTableAssociation(this, 'private_route_table_associations', {
      count: perZone,
      subnetId: instanceAttribute(this.privateSubnets, 'count.index', 'id'),
      routeTableId: instanceAttribute(this.privateRouteTables, 'count.index', 'id'),
    });

    const nat = natLayout(network.natGateways, zoneCount);
    if (nat.gateways !== 0) {
      const perGateway = TerraformCount.of(nat.gateways);
      const gatewayZone = itemOf(zones, perGateway.index);
      this.natElasticIps = new Eip(this, 'nat_elastic_ips', {
        count: perGateway,
        domain: 'vpc',
        tags: name(`nat-${gatewayZone}`),
      });
      this.natGateways = new NatGateway(this, 'nat_gateways', {
        count: perGateway,
        allocationId: instanceAttribute(this.natElasticIps, 'count.index', 'allocation_id'),
        subnetId: instanceAttribute(this.publicSubnets, 'count.index', 'id'),
        tags: name(`nat-${gatewayZone}`),
        dependsOn: [this.internetGateway],
      });
      const routed = TerraformCount.of(nat.routedZones);
      this.privateDefaultRoutes = new Route(this, 'private_default_routes', {
        count: routed,
        routeTableId: instanceAttribute(this.privateRouteTables, 'count.index', 'id'),
        destinationCidrBlock: ANYWHERE,
        natGatewayId: instanceAttribute(this.natGateways, nat.gatewayOfZone(routed), 'id'),
      });
    }

    if (!isExpression(zones) && typeof nat.gateways === 'number' && !isExpression(nat.gateways)) {
      this.moveFromPerZoneResources(zones, nat.gateways > 0 ? zones.slice(0, nat.gateways) : []);
    }

    const endpoints = network.vpcEndpoints;
    if (endpoints.s3Gateway || isExpression(endpoints.interfaceServices) || endpoints.interfaceServices.length > 0) {
      this.endpoints = new VpcEndpoints(this, 'endpoints', {
        aws: props.aws,
        namePrefix: props.namePrefix,
        config: endpoints,
        vpcId: this.vpc.id,
        vpcCidr: network.cidr,
        subnetIds: this.privateSubnetIds,
        routeTableIds: everyInstanceAttribute(this.privateRouteTables, 'id'),
      });
    }

    if (network.flowLogs) {
      this.flowLogs = new VpcFlowLogs(this, 'flow_logs', {
        aws: props.aws,
        vpcId: this.vpc.id,
        logGroupName: flowLogGroupName(props.project, props.environment),
        retentionDays: props.environment.cluster.logRetentionDays,
        namePrefix: props.namePrefix,
      });
    }
  }

  /**
   * Earlier versions declared one resource per zone (`public_subnet_<zone>`, ...). `moved` blocks
   * carry their state to the instances of the counted resources, so upgrading an existing network
   * moves state instead of replacing subnets, routes and NAT gateways.
   */
  private moveFromPerZoneResources(zones: string[], natZones: string[]): void {
    const stack = TerraformStack.of(this);
    const formerAddress = (type: string, id: string) => {
      // A placeholder at the former construct path gives the former logical id.
      const placeholder = new Construct(this, id);
      const logicalId = stack.getLogicalId(placeholder.node);
      this.node.tryRemoveChild(id);
      return `${type}.${logicalId}`;
    };
    const moves: Array<{ from: string; to: string }> = [];
    const move = (formerId: string, resource: TerraformResource, index: number) =>
      moves.push({ from: formerAddress(resource.terraformResourceType, formerId), to: `${resource.terraformResourceType}.${stack.getLogicalId(resource)}[${index}]` });
    zones.forEach((zone, i) => {
      move(`public_subnet_${zone}`, this.publicSubnets, i);
      move(`private_subnet_${zone}`, this.privateSubnets, i);
      move(`public_route_table_${zone}`, this.publicRouteTableAssociations, i);
      move(`private_route_table_${zone}`, this.privateRouteTables, i);
      move(`private_route_table_association_${zone}`, this.privateRouteTableAssociations, i);
      if (this.privateDefaultRoutes) {
        move(`private_default_route_${zone}`, this.privateDefaultRoutes, i);
      }
    });
    natZones.forEach((zone, i) => {
      move(`nat_eip_${zone}`, this.natElasticIps!, i);
      move(`nat_gateway_${zone}`, this.natGateways!, i);
    });
    stack.addOverride('moved', moves);
  }

  /** IDs of the public subnets, in zone order. */
  public get publicSubnetIds(): string[] {
    return everyInstanceAttribute(this.publicSubnets, 'id');
  }

  /** IDs of the private subnets, in zone order. */
  public get privateSubnetIds(): string[] {
    return everyInstanceAttribute(this.privateSubnets, 'id');
  }
}

/** How many NAT gateways there are, how many private route tables route to one, and which. */
interface NatLayout {
  /** Number of NAT gateways, in the public subnets of the first zones. */
  readonly gateways: number;
  /** Number of private route tables (from the first zone on) with a default route to a gateway. */
  readonly routedZones: number;
  /** Index of the gateway the private route table `count.index` routes to. */
  readonly gatewayOfZone: (routes: TerraformCount) => string;
}

/**
 * NAT gateways per mode: one per zone (each zone routes to its own), one in the first zone (every
 * zone routes to it), or none (no private default route). A mode given as an expression gives
 * the same layout as conditional expressions.
 */
function natLayout(mode: NatGatewayMode, zoneCount: number): NatLayout {
  const perAz = equals(mode, 'per-az');
  const none = equals(mode, 'none');
  return {
    gateways: choose(perAz, zoneCount, choose(none, 0, 1)),
    routedZones: choose(none, 0, zoneCount),
    gatewayOfZone: (routes) => (typeof perAz === 'boolean'
      ? (perAz ? 'count.index' : '0')
      : Token.asString(conditional(perAz, routes.index, 0))),
  };
}
