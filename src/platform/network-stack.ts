import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';
import type { AwsContext } from './aws-context';
import type { EnvironmentConfig, NatGatewayMode } from './config';
import { EnvironmentStack, EnvironmentStackProps } from './environment-stack';
import { VpcFlowLogs } from './flow-logs';
import { flowLogGroupName } from './naming';
import { exportOutput, NETWORK_OUTPUTS } from './stack-outputs';
import { VpcEndpoints } from './vpc-endpoints';

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
    exportOutput(this, NETWORK_OUTPUTS.publicSubnetIds, vpc.publicSubnets.map((s) => s.id), 'IDs of the public subnets, one per zone.');
    exportOutput(this, NETWORK_OUTPUTS.privateSubnetIds, vpc.privateSubnets.map((s) => s.id), 'IDs of the private subnets, one per zone.');
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
 */
export class VpcNetwork extends Construct {
  /** The VPC. */
  public readonly vpc: Vpc;
  /** The VPC's default security group, stripped of all rules so nothing can use it by accident. */
  public readonly defaultSecurityGroup: DefaultSecurityGroup;
  /** Public subnets (load balancer, NAT gateways), one per availability zone, in zone order. */
  public readonly publicSubnets: Subnet[];
  /** Private subnets (tasks), one per availability zone, in zone order. */
  public readonly privateSubnets: Subnet[];
  /** The internet gateway. */
  public readonly internetGateway: InternetGateway;
  /** Elastic IPs of the NAT gateways, same order as {@link natGateways}. */
  public readonly natElasticIps: Eip[];
  /** NAT gateways: one per zone, one in the first zone, or none, as configured. */
  public readonly natGateways: NatGateway[];
  /** Route table of the public subnets, with the default route to the internet gateway. */
  public readonly publicRouteTable: RouteTable;
  /** Route tables of the private subnets, one per zone, with a default route to a NAT gateway if there is one. */
  public readonly privateRouteTables: RouteTable[];
  /** Flow logs of the VPC, when enabled. */
  public readonly flowLogs?: VpcFlowLogs;
  /** VPC endpoints, when enabled. */
  public readonly endpoints?: VpcEndpoints;

  constructor(scope: Construct, id: string, props: VpcNetworkProps) {
    super(scope, id);
    const network = props.environment.network;
    const zones = network.availabilityZones;
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

    this.publicSubnets = zones.map((zone, i) => new Subnet(this, `public_subnet_${zone}`, {
      vpcId: this.vpc.id,
      availabilityZone: zone,
      cidrBlock: network.publicSubnetCidrs[i],
      // Only the load balancer and the NAT gateways live here, and both get their addresses explicitly.
      mapPublicIpOnLaunch: false,
      tags: name(`public-${zone}`),
    }));
    this.privateSubnets = zones.map((zone, i) => new Subnet(this, `private_subnet_${zone}`, {
      vpcId: this.vpc.id,
      availabilityZone: zone,
      cidrBlock: network.privateSubnetCidrs[i],
      mapPublicIpOnLaunch: false,
      tags: name(`private-${zone}`),
    }));

    this.internetGateway = new InternetGateway(this, 'internet_gateway', { vpcId: this.vpc.id, tags: name('igw') });
    this.publicRouteTable = new RouteTable(this, 'public_route_table', { vpcId: this.vpc.id, tags: name('public') });
    new Route(this, 'public_default_route', {
      routeTableId: this.publicRouteTable.id,
      destinationCidrBlock: ANYWHERE,
      gatewayId: this.internetGateway.id,
    });
    this.publicSubnets.forEach((subnet, i) => new RouteTableAssociation(this, `public_route_table_${zones[i]}`, {
      subnetId: subnet.id,
      routeTableId: this.publicRouteTable.id,
    }));

    const natZones = zonesWithNatGateway(zones, network.natGateways);
    this.natElasticIps = natZones.map((zone) => new Eip(this, `nat_eip_${zone}`, { domain: 'vpc', tags: name(`nat-${zone}`) }));
    this.natGateways = natZones.map((zone, i) => new NatGateway(this, `nat_gateway_${zone}`, {
      allocationId: this.natElasticIps[i].allocationId,
      subnetId: this.publicSubnets[zones.indexOf(zone)].id,
      tags: name(`nat-${zone}`),
      dependsOn: [this.internetGateway],
    }));

    this.privateRouteTables = zones.map((zone, i) => {
      const table = new RouteTable(this, `private_route_table_${zone}`, { vpcId: this.vpc.id, tags: name(`private-${zone}`) });
      new RouteTableAssociation(this, `private_route_table_association_${zone}`, {
        subnetId: this.privateSubnets[i].id,
        routeTableId: table.id,
      });
      const nat = this.natGateways[natZones.includes(zone) ? natZones.indexOf(zone) : 0];
      if (nat !== undefined) {
        new Route(this, `private_default_route_${zone}`, {
          routeTableId: table.id,
          destinationCidrBlock: ANYWHERE,
          natGatewayId: nat.id,
        });
      }
      return table;
    });

    const endpoints = network.vpcEndpoints;
    if (endpoints.s3Gateway || endpoints.interfaceServices.length > 0) {
      this.endpoints = new VpcEndpoints(this, 'endpoints', {
        aws: props.aws,
        namePrefix: props.namePrefix,
        config: endpoints,
        vpcId: this.vpc.id,
        vpcCidr: network.cidr,
        subnetIds: this.privateSubnets.map((subnet) => subnet.id),
        routeTableIds: this.privateRouteTables.map((table) => table.id),
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
}

/** The zones that get a NAT gateway; private subnets of other zones use the first one. */
function zonesWithNatGateway(zones: string[], mode: NatGatewayMode): string[] {
  switch (mode) {
    case 'per-az':
      return [...zones];
    case 'single':
      return zones.slice(0, 1);
    case 'none':
      return [];
  }
}
