/**
 * The interface of the synthesized stacks that everything outside them relies on: the names of
 * their variables and outputs. Dependency-free, so the operations commands and the offline test
 * harness read it without loading cdktf or the provider bindings.
 */

/** The variable of the service stack naming the image tag its services run. */
export const IMAGE_TAG_VARIABLE = 'image_tag';

/** The variable of every stack that takes the account id instead of looking it up. */
export const ACCOUNT_ID_VARIABLE = 'account_id';

/** Outputs of the network stack, read by the service stack. */
export const NETWORK_OUTPUTS = {
  vpcId: 'vpc_id',
  vpcCidr: 'vpc_cidr',
  availabilityZones: 'availability_zones',
  publicSubnetIds: 'public_subnet_ids',
  privateSubnetIds: 'private_subnet_ids',
  /** IDs of the NAT gateways, for the dashboard; present with a dashboard and a VPC of our own. */
  natGatewayIds: 'nat_gateway_ids',
} as const;

/** Outputs of the cluster stack, read by the service stack. */
export const CLUSTER_OUTPUTS = {
  clusterName: 'cluster_name',
  clusterArn: 'cluster_arn',
  kmsKeyArn: 'kms_key_arn',
  logGroupName: 'log_group_name',
  logGroupArn: 'log_group_arn',
  /** Map of service name to repository URL, for services built from this repository. */
  ecrRepositoryUrls: 'ecr_repository_urls',
  /** Map of service name to repository ARN. */
  ecrRepositoryArns: 'ecr_repository_arns',
  /** Present when ECS Exec is allowed. */
  execLogGroupArn: 'exec_log_group_arn',
  /** Present when Service Connect is enabled. */
  serviceConnectNamespaceArn: 'service_connect_namespace_arn',
  /** Present when the cluster has EC2 capacity. */
  ec2CapacityProviderName: 'ec2_capacity_provider_name',
  /** The SNS topic every alarm of the environment notifies (created or existing); present with observability. */
  alarmTopicArn: 'alarm_topic_arn',
} as const;

/** Outputs of the service stack, for people and pipelines. */
export const SERVICE_OUTPUTS = {
  loadBalancerDnsName: 'load_balancer_dns_name',
  loadBalancerArn: 'load_balancer_arn',
  serviceUrl: 'service_url',
  serviceNames: 'service_names',
  /** Present with a static site. */
  staticSiteBucket: 'static_site_bucket',
  staticSiteDistributionId: 'static_site_distribution_id',
  staticSiteUrl: 'static_site_url',
  /** Present with scheduled jobs: job name to `{ subnets, security_groups }`, for `run-task --job`. */
  jobNetworks: 'job_networks',
  /** Present with a domain: the zone of the environment's records. */
  hostedZoneId: 'hosted_zone_id',
  /** Present when the stack creates the zone. */
  nameServers: 'name_servers',
} as const;

/** Outputs of the data stack, read by the stacks of the workloads attached to its resources. Maps are keyed by resource name. */
export const DATA_OUTPUTS = {
  kmsKeyArn: 'data_kms_key_arn',
  databaseAddresses: 'database_addresses',
  databaseSecretArns: 'database_secret_arns',
  /** `rds-db:connect` ARNs of the master user, for databases with IAM authentication. */
  databaseConnectArns: 'database_connect_arns',
  cacheAddresses: 'cache_addresses',
  cacheArns: 'cache_arns',
  cacheUserArns: 'cache_user_arns',
  /** Security groups the attached workloads' tasks carry, by database or cache name. */
  clientSecurityGroupIds: 'client_security_group_ids',
  bucketNames: 'bucket_names',
  bucketArns: 'bucket_arns',
  tableNames: 'table_names',
  tableArns: 'table_arns',
} as const;
