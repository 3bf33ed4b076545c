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
import type { NatGatewayMode } from './config';
import { EnvironmentStack, EnvironmentStackProps } from './environment-stack';
import { VpcFlowLogs } from './flow-logs';
import { flowLogGroupName } from './naming';
import { exportOutput, NETWORK_OUTPUTS } from './stack-outputs';

const ANYWHERE = '0.0.0.0/0';

/**
 * The VPC of an environment: public and private subnets in each configured availability zone, an
 * internet gateway, NAT gateways as configured, a locked default security group and, optionally,
 * KMS-encrypted flow logs.
 */
export class NetworkStack extends EnvironmentStack {
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

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id, props);
    const network = props.environment.network;
    const zones = network.availabilityZones;
    const name = (suffix: string) => ({ Name: `${this.namePrefix}-${suffix}` });

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

    if (network.flowLogs) {
      this.flowLogs = new VpcFlowLogs(this, 'flow_logs', {
        aws: this.aws,
        vpcId: this.vpc.id,
        logGroupName: flowLogGroupName(this.project, this.environment),
        retentionDays: this.environment.cluster.logRetentionDays,
        namePrefix: this.namePrefix,
      });
    }

    exportOutput(this, NETWORK_OUTPUTS.vpcId, this.vpc.id, 'ID of the VPC.');
    exportOutput(this, NETWORK_OUTPUTS.vpcCidr, this.vpc.cidrBlock, 'IPv4 CIDR block of the VPC.');
    exportOutput(this, NETWORK_OUTPUTS.availabilityZones, [...zones], 'Availability zones of the subnets, in subnet order.');
    exportOutput(this, NETWORK_OUTPUTS.publicSubnetIds, this.publicSubnets.map((s) => s.id), 'IDs of the public subnets, one per zone.');
    exportOutput(this, NETWORK_OUTPUTS.privateSubnetIds, this.privateSubnets.map((s) => s.id), 'IDs of the private subnets, one per zone.');
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
