import { on, PermissionSet } from '../permission-set';

// EC2 reads have no resource-level permissions; `ec2:Describe*` is read-only metadata and covers
// every refresh of the VPC resources (attributes, default route table, network ACL and security
// group lookups, ENIs awaited on delete, prefix lists of gateway endpoints).
const READ_EC2 = [on('regional', 'ec2:Describe*')];
const TAGS = ['ec2:CreateTags', 'ec2:DeleteTags'];

function ec2(...actions: string[]): PermissionSet {
  return { read: READ_EC2, write: [on('ec2', ...actions, ...TAGS)] };
}

const SECURITY_GROUP_RULES = [
  'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress',
];

/** VPC, subnets, gateways, routes, security groups, endpoints and flow logs (hashicorp/aws 5.100.0). */
export const NETWORK_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_vpc: ec2('ec2:CreateVpc', 'ec2:DeleteVpc', 'ec2:ModifyVpcAttribute', 'ec2:AssociateVpcCidrBlock', 'ec2:DisassociateVpcCidrBlock'),
  aws_subnet: ec2('ec2:CreateSubnet', 'ec2:DeleteSubnet', 'ec2:ModifySubnetAttribute', 'ec2:AssociateSubnetCidrBlock', 'ec2:DisassociateSubnetCidrBlock'),
  aws_egress_only_internet_gateway: ec2('ec2:CreateEgressOnlyInternetGateway', 'ec2:DeleteEgressOnlyInternetGateway'),
  aws_internet_gateway: ec2('ec2:CreateInternetGateway', 'ec2:DeleteInternetGateway', 'ec2:AttachInternetGateway', 'ec2:DetachInternetGateway'),
  aws_eip: ec2('ec2:AllocateAddress', 'ec2:ReleaseAddress', 'ec2:DisassociateAddress'),
  aws_nat_gateway: ec2('ec2:CreateNatGateway', 'ec2:DeleteNatGateway'),
  aws_route_table: ec2('ec2:CreateRouteTable', 'ec2:DeleteRouteTable'),
  aws_route: ec2('ec2:CreateRoute', 'ec2:ReplaceRoute', 'ec2:DeleteRoute'),
  aws_route_table_association: ec2('ec2:AssociateRouteTable', 'ec2:ReplaceRouteTableAssociation', 'ec2:DisassociateRouteTable'),
  // The provider revokes the default egress rule of a new group.
  aws_security_group: ec2('ec2:CreateSecurityGroup', 'ec2:DeleteSecurityGroup', ...SECURITY_GROUP_RULES),
  aws_default_security_group: ec2(...SECURITY_GROUP_RULES),
  aws_vpc_security_group_ingress_rule: ec2(
    'ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:ModifySecurityGroupRules', 'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
  ),
  aws_vpc_security_group_egress_rule: ec2(
    'ec2:AuthorizeSecurityGroupEgress', 'ec2:RevokeSecurityGroupEgress', 'ec2:ModifySecurityGroupRules', 'ec2:UpdateSecurityGroupRuleDescriptionsEgress',
  ),
  aws_vpc_endpoint: {
    read: READ_EC2,
    write: [
      on('ec2', 'ec2:CreateVpcEndpoint', 'ec2:ModifyVpcEndpoint', 'ec2:DeleteVpcEndpoints', ...TAGS),
      // Private DNS of interface endpoints associates the VPC with a hosted zone AWS owns.
      on('global', 'route53:AssociateVPCWithHostedZone'),
    ],
  },
  aws_flow_log: { ...ec2('ec2:CreateFlowLogs', 'ec2:DeleteFlowLogs'), passRoleTo: ['vpc-flow-logs.amazonaws.com'] },
  aws_launch_template: {
    read: READ_EC2,
    write: [
      on('ec2', 'ec2:CreateLaunchTemplate', 'ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate', 'ec2:DeleteLaunchTemplate', 'ec2:DeleteLaunchTemplateVersions', ...TAGS),
      // The image id is `resolve:ssm:` of the public ECS-optimized AMI parameter.
      on('publicParameters', 'ssm:GetParameters'),
    ],
  },
};
