import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';

/** Outputs of the network stack, read by the service stack. */
export const NETWORK_OUTPUTS = {
  vpcId: 'vpc_id',
  vpcCidr: 'vpc_cidr',
  availabilityZones: 'availability_zones',
  publicSubnetIds: 'public_subnet_ids',
  privateSubnetIds: 'private_subnet_ids',
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
} as const;

/**
 * Declares a stack output under a fixed name: the logical id is the output name itself, so
 * consumers and scripts can rely on it whatever the construct tree looks like.
 */
export function exportOutput(scope: Construct, name: string, value: unknown, description: string): TerraformOutput {
  const output = new TerraformOutput(scope, name, { value, description });
  output.overrideLogicalId(name);
  return output;
}
