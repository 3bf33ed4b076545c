import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';

/** Properties of {@link GuardedEndpoint}. */
export interface GuardedEndpointProps {
  readonly vpcId: string;
  /** What the server is, for descriptions, e.g. `database orders-dev-main`. */
  readonly what: string;
  readonly serverGroupName: string;
  readonly clientsGroupName: string;
  readonly fromPort: number;
  readonly toPort: number;
}

/**
 * The two security groups of a database or cache: the server's, admitting only the clients group
 * on its ports and sending nothing, and the clients group, which the attached workloads' tasks
 * carry and whose only rule is the way to the server. Both live in the data stack, so the server
 * never references a workload's group: the service stack only adds the clients group to its tasks
 * (no dependency from data to service, no cycle, and a new client needs no data stack change).
 */
export class GuardedEndpoint extends Construct {
  /** Security group of the server. */
  public readonly serverGroup: SecurityGroup;
  /** Security group of the clients. */
  public readonly clientsGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: GuardedEndpointProps) {
    super(scope, id);
    const ports = props.fromPort === props.toPort ? `port ${props.fromPort}` : `ports ${props.fromPort}-${props.toPort}`;
    this.serverGroup = new SecurityGroup(this, 'server', {
      name: props.serverGroupName,
      description: `The ${props.what}: ${ports} from its clients only`,
      vpcId: props.vpcId,
      tags: { Name: props.serverGroupName },
    });
    this.clientsGroup = new SecurityGroup(this, 'clients', {
      name: props.clientsGroupName,
      description: `Clients of the ${props.what}: carried by the attached workloads' tasks`,
      vpcId: props.vpcId,
      tags: { Name: props.clientsGroupName },
    });
    const rule = { ipProtocol: 'tcp', fromPort: props.fromPort, toPort: props.toPort };
    new VpcSecurityGroupIngressRule(this, 'from_clients', {
      ...rule,
      securityGroupId: this.serverGroup.id,
      description: `${ports} from the clients of the ${props.what}`,
      referencedSecurityGroupId: this.clientsGroup.id,
    });
    new VpcSecurityGroupEgressRule(this, 'to_server', {
      ...rule,
      securityGroupId: this.clientsGroup.id,
      description: `${ports} to the ${props.what}`,
      referencedSecurityGroupId: this.serverGroup.id,
    });
  }
}
