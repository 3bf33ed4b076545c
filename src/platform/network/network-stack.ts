import { Construct } from 'constructs';
import { VpcNetwork } from './vpc-network';
import { EnvironmentStack, EnvironmentStackProps } from '../core/environment-stack';
import { everyInstanceAttribute } from '../core/expressions';
import { exportOutput, NETWORK_OUTPUTS } from '../core/stack-outputs';

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
    if (props.environment.observability?.dashboard !== undefined && vpc.natGateways !== undefined) {
      exportOutput(this, NETWORK_OUTPUTS.natGatewayIds, everyInstanceAttribute(vpc.natGateways, 'id'), 'IDs of the NAT gateways, for the dashboard.');
    }
  }
}
