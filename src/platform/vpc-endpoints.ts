import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import type { AwsContext } from './aws-context';
import type { VpcEndpointsConfig } from './config';
import { toIdentifier } from './naming';

/** Properties of {@link VpcEndpoints}. */
export interface VpcEndpointsProps {
  readonly aws: AwsContext;
  /** Prefix of resource names, `<project>-<env>`. */
  readonly namePrefix: string;
  readonly config: VpcEndpointsConfig;
  readonly vpcId: string;
  /** CIDR block of the VPC: the clients admitted to the interface endpoints. */
  readonly vpcCidr: string;
  /** Private subnets receiving the interface endpoints' network interfaces. */
  readonly subnetIds: string[];
  /** Route tables of the private subnets, which get the S3 gateway route. */
  readonly routeTableIds: string[];
}

/**
 * VPC endpoints that let tasks in private subnets reach AWS without NAT: interface endpoints with
 * private DNS (HTTPS from inside the VPC only) and a gateway endpoint for S3, where ECR keeps image layers.
 */
export class VpcEndpoints extends Construct {
  /** Security group of the interface endpoints. */
  public readonly securityGroup?: SecurityGroup;
  /** Interface endpoints by service name, e.g. `ecr.api`. */
  public readonly interfaceEndpoints: Record<string, VpcEndpoint>;
  /** The S3 gateway endpoint. */
  public readonly s3Gateway?: VpcEndpoint;

  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);
    const { config } = props;
    const serviceName = (service: string) => `com.amazonaws.${props.aws.region}.${service}`;

    if (config.interfaceServices.length > 0) {
      this.securityGroup = new SecurityGroup(this, 'security_group', {
        name: `${props.namePrefix}-endpoints`,
        description: `VPC endpoints of ${props.namePrefix}: HTTPS from inside the VPC`,
        vpcId: props.vpcId,
        tags: { Name: `${props.namePrefix}-endpoints` },
      });
      new VpcSecurityGroupIngressRule(this, 'https_from_vpc', {
        securityGroupId: this.securityGroup.id,
        description: 'HTTPS from resources in the VPC',
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIpv4: props.vpcCidr,
      });
    }
    this.interfaceEndpoints = Object.fromEntries(config.interfaceServices.map((service) => [service, new VpcEndpoint(this, `endpoint_${toIdentifier(service)}`, {
      vpcId: props.vpcId,
      serviceName: serviceName(service),
      vpcEndpointType: 'Interface',
      privateDnsEnabled: true,
      subnetIds: props.subnetIds,
      securityGroupIds: [this.securityGroup!.id],
      tags: { Name: `${props.namePrefix}-${service}` },
    })]));

    if (config.s3Gateway) {
      this.s3Gateway = new VpcEndpoint(this, 'endpoint_s3', {
        vpcId: props.vpcId,
        serviceName: serviceName('s3'),
        vpcEndpointType: 'Gateway',
        routeTableIds: props.routeTableIds,
        tags: { Name: `${props.namePrefix}-s3` },
      });
    }
  }
}
