import { on, PermissionSet } from '../permission-set';

// RDS and ElastiCache reads (Describe*) are resource-scoped in principle, but the provider's
// refreshes also describe engine versions, orderable options and events, which are not.
const READ_RDS = [on('regional', 'rds:Describe*', 'rds:ListTagsForResource')];
const RDS_TAGS = ['rds:AddTagsToResource', 'rds:RemoveTagsFromResource'];
const READ_ELASTICACHE = [on('regional', 'elasticache:Describe*', 'elasticache:ListTagsForResource')];
const ELASTICACHE_TAGS = ['elasticache:AddTagsToResource', 'elasticache:RemoveTagsFromResource'];
/** A resource encrypted with a customer managed key gets a grant on it, created with the caller's permissions. */
const KEY_GRANTS = on('kmsKeys', 'kms:CreateGrant', 'kms:DescribeKey');

function rds(...actions: string[]): PermissionSet {
  return { read: READ_RDS, write: [on('rdsResources', ...actions, ...RDS_TAGS)] };
}

/** What creating an instance or cluster with an RDS-managed, KMS-encrypted master secret needs besides RDS. */
const MANAGED_MASTER_SECRET = [
  on('rdsMasterSecrets', 'secretsmanager:CreateSecret', 'secretsmanager:TagResource', 'secretsmanager:DeleteSecret', 'secretsmanager:RotateSecret'),
  on('kmsKeys', 'kms:CreateGrant', 'kms:DescribeKey', 'kms:Decrypt', 'kms:GenerateDataKey'),
];

function elasticache(...actions: string[]): PermissionSet {
  return { read: READ_ELASTICACHE, write: [on('cacheResources', ...actions, ...ELASTICACHE_TAGS)] };
}

/** RDS, Aurora, ElastiCache Serverless and DynamoDB (hashicorp/aws 5.100.0). */
export const DATA_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_db_subnet_group: rds('rds:CreateDBSubnetGroup', 'rds:ModifyDBSubnetGroup', 'rds:DeleteDBSubnetGroup'),
  aws_db_parameter_group: rds('rds:CreateDBParameterGroup', 'rds:ModifyDBParameterGroup', 'rds:ResetDBParameterGroup', 'rds:DeleteDBParameterGroup'),
  aws_rds_cluster_parameter_group: rds(
    'rds:CreateDBClusterParameterGroup', 'rds:ModifyDBClusterParameterGroup', 'rds:ResetDBClusterParameterGroup', 'rds:DeleteDBClusterParameterGroup',
  ),
  aws_db_instance: {
    read: READ_RDS,
    write: [
      on('rdsResources', 'rds:CreateDBInstance', 'rds:ModifyDBInstance', 'rds:DeleteDBInstance', 'rds:RebootDBInstance', 'rds:CreateDBSnapshot', ...RDS_TAGS),
      ...MANAGED_MASTER_SECRET,
    ],
    passRoleTo: ['monitoring.rds.amazonaws.com'],
    serviceLinkedRoles: ['rds.amazonaws.com'],
  },
  aws_rds_cluster: {
    read: READ_RDS,
    write: [
      on('rdsResources', 'rds:CreateDBCluster', 'rds:ModifyDBCluster', 'rds:DeleteDBCluster', 'rds:CreateDBClusterSnapshot', ...RDS_TAGS),
      ...MANAGED_MASTER_SECRET,
    ],
    serviceLinkedRoles: ['rds.amazonaws.com'],
  },
  aws_rds_cluster_instance: {
    read: READ_RDS,
    write: [on('rdsResources', 'rds:CreateDBInstance', 'rds:ModifyDBInstance', 'rds:DeleteDBInstance', 'rds:RebootDBInstance', ...RDS_TAGS), KEY_GRANTS],
    passRoleTo: ['monitoring.rds.amazonaws.com'],
  },
  aws_elasticache_user: elasticache('elasticache:CreateUser', 'elasticache:ModifyUser', 'elasticache:DeleteUser'),
  aws_elasticache_user_group: elasticache('elasticache:CreateUserGroup', 'elasticache:ModifyUserGroup', 'elasticache:DeleteUserGroup'),
  aws_elasticache_serverless_cache: {
    read: READ_ELASTICACHE,
    write: [
      on('cacheResources', 'elasticache:CreateServerlessCache', 'elasticache:ModifyServerlessCache', 'elasticache:DeleteServerlessCache', ...ELASTICACHE_TAGS),
      // The cache's network interfaces go into the private subnets with its security group.
      on('ec2', 'ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:CreateVpcEndpoint', 'ec2:DeleteVpcEndpoints', 'ec2:CreateTags'),
      KEY_GRANTS,
    ],
    serviceLinkedRoles: ['elasticache.amazonaws.com'],
  },
  aws_dynamodb_table: {
    read: [on('dynamodbTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups', 'dynamodb:DescribeTimeToLive', 'dynamodb:ListTagsOfResource')],
    write: [
      on('dynamodbTables',
        'dynamodb:CreateTable', 'dynamodb:UpdateTable', 'dynamodb:DeleteTable', 'dynamodb:UpdateContinuousBackups', 'dynamodb:UpdateTimeToLive',
        'dynamodb:TagResource', 'dynamodb:UntagResource'),
      KEY_GRANTS,
    ],
  },
};
