import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders, EcsClusterCapacityProvidersConfig } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { ServiceDiscoveryHttpNamespace } from '@cdktf/provider-aws/lib/service-discovery-http-namespace';
import { ITerraformIterator, TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import { Ec2Capacity } from './ec2-capacity';
import { ImageRepository } from './image-repository';
import type { Ec2CapacityConfig } from '../contract/config';
import { imageRepositoryName, serviceLogGroupName } from '../contract/naming';
import { EnvironmentStack, EnvironmentStackProps } from '../core/environment-stack';
import { LogEncryptionKey } from '../core/log-encryption-key';
import { capacityProviderStrategyBlocks, ClusterModuleInputs, interpolation, iteratorOver } from '../core/module-inputs';
import { CLUSTER_OUTPUTS, exportOutput, NETWORK_OUTPUTS } from '../core/stack-outputs';
import { UpstreamOutputs } from '../core/state';
import type { NetworkStack } from '../network/network-stack';
import { AlarmTopic } from '../observability/alarm-topic';

/** Key of the module's one repository construct, which creates a repository per listed service. */
const MODULE_REPOSITORIES = '*';

/** Properties of {@link ClusterStack}. */
export interface ClusterStackProps extends EnvironmentStackProps {
  /** The environment's network stack: deployed first, and read when the cluster has EC2 capacity. */
  readonly network: NetworkStack;
  /** Set by the Terraform module generator only: what the module decides at plan time. @default - the configuration decides */
  readonly moduleInputs?: ClusterModuleInputs;
}

/**
 * The ECS cluster of an environment and what its services share: a KMS key, the log groups, one
 * ECR repository per service built from this repository, the capacity providers, and the Service
 * Connect namespace. With an existing cluster, everything but the cluster itself.
 */
export class ClusterStack extends EnvironmentStack {
  /** KMS key of the log groups, the ECR repositories and ECS Exec sessions. */
  public readonly encryptionKey: LogEncryptionKey;
  /** The cluster; unset when the configuration names an existing one. */
  public readonly cluster?: EcsCluster;
  /** Capacity providers of a created cluster, with the default strategy. */
  public readonly capacityProviders?: EcsClusterCapacityProviders;
  /** EC2 capacity, when configured. */
  public readonly ec2Capacity?: Ec2Capacity;
  /** ECR repositories by service name; services with an external image have none. */
  public readonly imageRepositories: Record<string, ImageRepository>;
  /** Log group of every service's containers. */
  public readonly logGroup: CloudwatchLogGroup;
  /** Audit log of ECS Exec sessions, when ECS Exec is allowed. */
  public readonly execLogGroup?: CloudwatchLogGroup;
  /** Cloud Map namespace of Service Connect, when enabled. */
  public readonly serviceConnectNamespace?: ServiceDiscoveryHttpNamespace;
  /** The environment's alarm topic, unless an existing topic is configured. */
  public readonly alarmTopic?: AlarmTopic;

  private readonly moduleInputs?: ClusterModuleInputs;

  constructor(scope: Construct, id: string, props: ClusterStackProps) {
    super(scope, id, props);
    this.moduleInputs = props.moduleInputs;
    const cluster = this.environment.cluster;
    const logGroupName = serviceLogGroupName(this.project, this.environment);
    // The cluster reads the network only for EC2 capacity; the dependency also fixes the order.
    this.addDependency(props.network);

    this.encryptionKey = new LogEncryptionKey(this, 'encryption_key', {
      aws: this.aws,
      description: `Encrypts the logs, images and ECS Exec sessions of ${this.namePrefix}`,
      // This environment's log groups only: the group itself and any group below it.
      logGroupArns: [this.aws.logGroupArn(logGroupName), this.aws.logGroupArn(`${logGroupName}/*`), ...this.webAclLogGroupArns()],
      alias: this.namePrefix,
      deletionWindowDays: this.environment.kmsKeyDeletionWindowDays,
    });
    const kmsKeyArn = this.encryptionKey.key.arn;

    this.logGroup = new CloudwatchLogGroup(this, 'log_group', {
      name: logGroupName,
      retentionInDays: cluster.logRetentionDays,
      kmsKeyId: kmsKeyArn,
    });
    if (this.environment.adopt?.logGroupName !== undefined) {
      this.logGroup.importFrom(logGroupName);
    }
    if (cluster.executeCommand) {
      this.execLogGroup = new CloudwatchLogGroup(this, 'exec_log_group', {
        name: cluster.execLogGroupName,
        retentionInDays: cluster.execLogRetentionDays,
        kmsKeyId: kmsKeyArn,
      });
    }
    if (cluster.serviceConnectNamespace !== undefined) {
      this.serviceConnectNamespace = new ServiceDiscoveryHttpNamespace(this, 'service_connect_namespace', {
        name: cluster.serviceConnectNamespace,
        description: `Service Connect names of the services of ${this.namePrefix}`,
      });
    }

    if (!cluster.existing) {
      this.cluster = this.createCluster(kmsKeyArn);
      this.ec2Capacity = cluster.ec2Capacity !== undefined ? this.createEc2Capacity(cluster.ec2Capacity, props.network) : undefined;
      this.capacityProviders = this.attachCapacityProviders(this.cluster, this.ec2Capacity);
    }
    this.imageRepositories = this.createImageRepositories(kmsKeyArn);
    const topic = this.environment.observability?.topic;
    this.alarmTopic = topic?.kind === 'created' ? new AlarmTopic(this, 'alarm_topic', {
      aws: this.aws,
      config: topic,
      keyDeletionWindowDays: this.environment.kmsKeyDeletionWindowDays,
    }) : undefined;
    this.exportOutputs(kmsKeyArn);
  }

  /** The load balancer's web ACL logs to a log group of the service stack encrypted with this stack's key. */
  private webAclLogGroupArns(): string[] {
    const waf = this.environment.loadBalancer.waf;
    return waf?.kind === 'created' ? [this.aws.logGroupArn(waf.logGroupName)] : [];
  }

  /** The ECS cluster, with Container Insights, ECS Exec logging and Service Connect defaults as configured. */
  private createCluster(kmsKeyArn: string): EcsCluster {
    const cluster = this.environment.cluster;
    const insights = this.moduleInputs
      ? interpolation(`${this.moduleInputs.containerInsights} ? "enabled" : "disabled"`)
      : (cluster.containerInsights ? 'enabled' : 'disabled');
    return new EcsCluster(this, 'cluster', {
      name: cluster.name,
      setting: [{ name: 'containerInsights', value: insights }],
      ...(this.execLogGroup ? {
        configuration: {
          executeCommandConfiguration: {
            kmsKeyId: kmsKeyArn,
            logging: 'OVERRIDE',
            logConfiguration: { cloudWatchLogGroupName: this.execLogGroup.name, cloudWatchEncryptionEnabled: true },
          },
        },
      } : {}),
      ...(this.serviceConnectNamespace ? { serviceConnectDefaults: { namespace: this.serviceConnectNamespace.arn } } : {}),
    });
  }

  /** The EC2 capacity of the cluster, in the private subnets of the network stack. */
  private createEc2Capacity(config: Ec2CapacityConfig, networkStack: NetworkStack): Ec2Capacity {
    const network = new UpstreamOutputs(this, 'network', this.environment.state, networkStack.node.id);
    return new Ec2Capacity(this, 'ec2_capacity', {
      aws: this.aws,
      config,
      clusterName: this.environment.cluster.name,
      vpcId: network.string(NETWORK_OUTPUTS.vpcId),
      subnetIds: network.list(NETWORK_OUTPUTS.privateSubnetIds),
    });
  }

  /** Fargate, Fargate Spot and the EC2 capacity (when there is) on the cluster, with the configured default strategy. */
  private attachCapacityProviders(cluster: EcsCluster, ec2Capacity: Ec2Capacity | undefined): EcsClusterCapacityProviders {
    const providerName = (provider: string): string => {
      if (provider !== 'EC2') {
        return provider;
      }
      if (ec2Capacity === undefined) {
        throw new Error(`The capacity provider strategy of ${this.environment.name} names EC2, but the cluster has no EC2 capacity`);
      }
      return ec2Capacity.capacityProvider.name;
    };
    return new EcsClusterCapacityProviders(this, 'capacity_providers', {
      clusterName: cluster.name,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT', ...(ec2Capacity ? [ec2Capacity.capacityProvider.name] : [])],
      defaultCapacityProviderStrategy: this.moduleInputs
        ? capacityProviderStrategyBlocks(this.moduleInputs.capacityProviderStrategy)
        : this.environment.cluster.capacityProviderStrategy.map((item) => ({
          capacityProvider: providerName(item.capacityProvider),
          base: item.base,
          weight: item.weight,
        })),
    } satisfies EcsClusterCapacityProvidersConfig);
  }

  /**
   * One ECR repository per service built from this repository (no external image), by service
   * name; in a module, one per item of the module's list, under that item's name.
   */
  private createImageRepositories(kmsKeyArn: string): Record<string, ImageRepository> {
    const cluster = this.environment.cluster;
    const repository = (id: string, service: string, forEach?: ITerraformIterator) => new ImageRepository(this, `image_repository_${id}`, {
      name: imageRepositoryName(this.project, this.environment, service),
      kmsKeyArn,
      untaggedExpiryDays: cluster.ecrUntaggedExpiryDays,
      keepImages: cluster.ecrKeepImages,
      forceDelete: cluster.ecrForceDelete,
      ...(forEach ? { forEach } : { adopted: this.environment.adopt?.imageRepositories[service] !== undefined }),
    });
    if (this.moduleInputs) {
      const services = iteratorOver(this.moduleInputs.imageRepositories);
      // Named `image_repository_<service>` like the others, the service being each item.
      return { [MODULE_REPOSITORIES]: repository('${each.key}', services.key, services) };
    }
    const built = this.environment.services.filter((service) => service.image === undefined);
    return Object.fromEntries(built.map((service) => [service.name, repository(service.name, service.name)]));
  }

  /** The outputs the service stack, the pipelines and people read. */
  private exportOutputs(kmsKeyArn: string): void {
    const clusterName = this.cluster ? this.cluster.name : this.environment.cluster.name;
    const clusterArn = this.cluster ? this.cluster.arn : this.aws.arn('ecs', `cluster/${this.environment.cluster.name}`);
    exportOutput(this, CLUSTER_OUTPUTS.clusterName, clusterName, 'Name of the ECS cluster.');
    exportOutput(this, CLUSTER_OUTPUTS.clusterArn, clusterArn, 'ARN of the ECS cluster.');
    exportOutput(this, CLUSTER_OUTPUTS.kmsKeyArn, kmsKeyArn, 'ARN of the KMS key of the logs, images and ECS Exec sessions.');
    exportOutput(this, CLUSTER_OUTPUTS.logGroupName, this.logGroup.name, 'Name of the services\' log group.');
    exportOutput(this, CLUSTER_OUTPUTS.logGroupArn, this.logGroup.arn, 'ARN of the services\' log group.');
    exportOutput(this, CLUSTER_OUTPUTS.ecrRepositoryUrls, this.repositoryAttribute('repository_url'),
      'ECR repository URL of each service built from this repository, by service name.');
    exportOutput(this, CLUSTER_OUTPUTS.ecrRepositoryArns, this.repositoryAttribute('arn'),
      'ECR repository ARN of each service built from this repository, by service name.');
    if (this.execLogGroup) {
      exportOutput(this, CLUSTER_OUTPUTS.execLogGroupArn, this.execLogGroup.arn, 'ARN of the ECS Exec audit log group.');
    }
    if (this.serviceConnectNamespace) {
      exportOutput(this, CLUSTER_OUTPUTS.serviceConnectNamespaceArn, this.serviceConnectNamespace.arn, 'ARN of the Service Connect namespace.');
    }
    const topic = this.environment.observability?.topic;
    if (topic !== undefined) {
      const topicArn = topic.kind === 'existing' ? topic.arn : this.alarmTopic?.topic.arn;
      exportOutput(this, CLUSTER_OUTPUTS.alarmTopicArn, topicArn, 'ARN of the SNS topic every alarm of the environment notifies.');
    }
    if (this.ec2Capacity) {
      exportOutput(this, CLUSTER_OUTPUTS.ec2CapacityProviderName, this.ec2Capacity.capacityProvider.name, 'Name of the EC2 capacity provider.');
    }
  }

  /** One attribute (`repository_url`, `arn`) of every ECR repository, by service name. */
  private repositoryAttribute(attribute: 'repository_url' | 'arn'): unknown {
    const perItem = this.moduleInputs ? this.imageRepositories[MODULE_REPOSITORIES] : undefined;
    if (perItem !== undefined) {
      return TerraformIterator.fromResources(perItem.repository).forExpressionForMap('key', `val.${attribute}`);
    }
    return Object.fromEntries(Object.entries(this.imageRepositories).map(([service, image]) =>
      [service, attribute === 'arn' ? image.repository.arn : image.repository.repositoryUrl]));
  }
}
