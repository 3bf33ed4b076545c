import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { VpcEndpointsConfig } from '../contract/config';
import { toIdentifier } from '../contract/naming';
import type { AwsContext } from '../core/aws-context';
import { instanceAttribute, isExpression } from '../core/expressions';

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
 *
 * When the list of interface services is a Terraform expression (an input variable of the plain
 * Terraform module), the interface endpoints are one resource with `for_each` over it, and every
 * endpoint, the S3 gateway included, exists only while the list is not empty.
 */
export class VpcEndpoints extends Construct {
  /** Security group of the interface endpoints (with `count` when the services are an expression). */
  public readonly securityGroup?: SecurityGroup;
  /** Interface endpoints by service name, e.g. `ecr.api`; one `for_each` resource under `"*"` when the services are an expression. */
  public readonly interfaceEndpoints: Record<string, VpcEndpoint>;
  /** The S3 gateway endpoint. */
  public readonly s3Gateway?: VpcEndpoint;
  /** The DynamoDB gateway endpoint, for attached tables. */
  public readonly dynamodbGateway?: VpcEndpoint;

  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);
    const { config } = props;
    const services = config.interfaceServices;
    const serviceName = (service: string) => `com.amazonaws.${props.aws.region}.${service}`;
    const dynamic = isExpression(services);
    // One while there is any interface service: `min(length(services), 1)` for an expression.
    const whileAnyInterface = dynamic ? { count: Fn.min([Fn.lengthOf(services), 1]) } : {};

    if (dynamic || services.length > 0) {
      this.securityGroup = new SecurityGroup(this, 'security_group', {
        ...whileAnyInterface,
        name: `${props.namePrefix}-endpoints`,
        description: `VPC endpoints of ${props.namePrefix}: HTTPS from inside the VPC`,
        vpcId: props.vpcId,
        tags: { Name: `${props.namePrefix}-endpoints` },
      });
      new VpcSecurityGroupIngressRule(this, 'https_from_vpc', {
        ...whileAnyInterface,
        securityGroupId: this.groupId(dynamic),
        description: 'HTTPS from resources in the VPC',
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIpv4: props.vpcCidr,
      });
    }
    const interfaceEndpoint = (endpointId: string, service: string, forEach?: TerraformIterator) => new VpcEndpoint(this, endpointId, {
      ...(forEach ? { forEach } : {}),
      vpcId: props.vpcId,
      serviceName: serviceName(service),
      vpcEndpointType: 'Interface',
      privateDnsEnabled: true,
      subnetIds: props.subnetIds,
      securityGroupIds: [this.groupId(dynamic)],
      tags: { Name: `${props.namePrefix}-${service}` },
    });
    if (dynamic) {
      const each = TerraformIterator.fromList(Fn.toset(services));
      this.interfaceEndpoints = { '*': interfaceEndpoint('interface_endpoints', Token.asString(each.value), each) };
    } else {
      this.interfaceEndpoints = Object.fromEntries(services.map((service) => [service, interfaceEndpoint(`endpoint_${toIdentifier(service)}`, service)]));
    }

    if (config.s3Gateway) {
      this.s3Gateway = this.gatewayEndpoint(props, 's3', whileAnyInterface);
    }
    if (config.dynamodbGateway === true) {
      this.dynamodbGateway = this.gatewayEndpoint(props, 'dynamodb');
    }
  }

  /** A gateway endpoint (`s3`, `dynamodb`) on the route tables. */
  private gatewayEndpoint(props: VpcEndpointsProps, service: string, count: { count?: number } = {}): VpcEndpoint {
    return new VpcEndpoint(this, `endpoint_${service}`, {
      ...count,
      vpcId: props.vpcId,
      serviceName: `com.amazonaws.${props.aws.region}.${service}`,
      vpcEndpointType: 'Gateway',
      routeTableIds: props.routeTableIds,
      tags: { Name: `${props.namePrefix}-${service}` },
    });
  }

  /** The ID of the endpoints' security group (its only instance, when counted); it exists whenever there are interface endpoints. */
  private groupId(dynamic: boolean): string {
    const group = this.securityGroup;
    if (group === undefined) {
      throw new Error('The interface endpoints need their security group, created first');
    }
    return dynamic ? instanceAttribute(group, 0, 'id') : group.id;
  }
}
