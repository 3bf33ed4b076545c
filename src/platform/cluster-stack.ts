import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { Construct } from 'constructs';
import { EnvironmentStack, EnvironmentStackProps } from './environment-stack';
import { ImageRepository } from './image-repository';
import { LogEncryptionKey } from './log-encryption-key';
import { imageRepositoryName, serviceLogGroupName } from './naming';
import { CLUSTER_OUTPUTS, exportOutput } from './stack-outputs';

/**
 * The ECS cluster of an environment and what its services share: a KMS key, the log group, and
 * one ECR repository per service that is built from this repository.
 */
export class ClusterStack extends EnvironmentStack {
  /** KMS key of the log group and the ECR repositories. */
  public readonly encryptionKey: LogEncryptionKey;
  /** The cluster. */
  public readonly cluster: EcsCluster;
  /** Fargate and Fargate Spot, with plain Fargate as default strategy. */
  public readonly capacityProviders: EcsClusterCapacityProviders;
  /** ECR repositories by service name; services with an external image have none. */
  public readonly imageRepositories: Record<string, ImageRepository>;
  /** Log group of every service's containers. */
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id, props);
    const cluster = this.environment.cluster;
    const logGroupName = serviceLogGroupName(this.project, this.environment);

    this.encryptionKey = new LogEncryptionKey(this, 'encryption_key', {
      aws: this.aws,
      description: `Encrypts the logs and images of ${this.namePrefix}`,
      // This environment's log groups only: the group itself and any group below it.
      logGroupArns: [this.aws.logGroupArn(logGroupName), this.aws.logGroupArn(`${logGroupName}/*`)],
      alias: this.namePrefix,
    });
    const kmsKeyArn = this.encryptionKey.key.arn;

    this.cluster = new EcsCluster(this, 'cluster', {
      name: this.namePrefix,
      setting: [{ name: 'containerInsights', value: cluster.containerInsights ? 'enabled' : 'disabled' }],
    });
    this.capacityProviders = new EcsClusterCapacityProviders(this, 'capacity_providers', {
      clusterName: this.cluster.name,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
    });

    this.imageRepositories = Object.fromEntries(
      this.environment.services
        .filter((service) => service.image === undefined)
        .map((service) => [service.name, new ImageRepository(this, `image_repository_${service.name}`, {
          name: imageRepositoryName(this.project, this.environment, service.name),
          kmsKeyArn,
          untaggedExpiryDays: cluster.ecrUntaggedExpiryDays,
          keepImages: cluster.ecrKeepImages,
        })]),
    );

    this.logGroup = new CloudwatchLogGroup(this, 'log_group', {
      name: logGroupName,
      retentionInDays: cluster.logRetentionDays,
      kmsKeyId: kmsKeyArn,
    });

    const repositories = Object.entries(this.imageRepositories);
    exportOutput(this, CLUSTER_OUTPUTS.clusterName, this.cluster.name, 'Name of the ECS cluster.');
    exportOutput(this, CLUSTER_OUTPUTS.clusterArn, this.cluster.arn, 'ARN of the ECS cluster.');
    exportOutput(this, CLUSTER_OUTPUTS.kmsKeyArn, kmsKeyArn, 'ARN of the KMS key of the logs and images.');
    exportOutput(this, CLUSTER_OUTPUTS.logGroupName, this.logGroup.name, 'Name of the services\' log group.');
    exportOutput(this, CLUSTER_OUTPUTS.logGroupArn, this.logGroup.arn, 'ARN of the services\' log group.');
    exportOutput(
      this,
      CLUSTER_OUTPUTS.ecrRepositoryUrls,
      Object.fromEntries(repositories.map(([service, image]) => [service, image.repository.repositoryUrl])),
      'ECR repository URL of each service built from this repository, by service name.',
    );
    exportOutput(
      this,
      CLUSTER_OUTPUTS.ecrRepositoryArns,
      Object.fromEntries(repositories.map(([service, image]) => [service, image.repository.arn])),
      'ECR repository ARN of each service built from this repository, by service name.',
    );
  }
}
