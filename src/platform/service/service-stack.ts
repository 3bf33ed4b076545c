import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Fn, ref, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ClusterResources, ContainerService, ContainerServiceProps } from './container-service';
import { DistributionWebAcl } from './distribution-web-acl';
import { PublicLoadBalancer } from './load-balancer';
import { LoadBalancerWebAcl } from './load-balancer-web-acl';
import { StaticSite } from './static-site';
import type { ClusterStack } from '../cluster/cluster-stack';
import type { ServiceConfig } from '../contract/config';
import { natGatewayCount } from '../contract/cost/network-costs';
import { terraformTextCondition, TEXT_RULES } from '../contract/rules';
import { IMAGE_TAG_VARIABLE } from '../contract/stack-interface';
import type { WorkloadsConfig, WorkloadTaskConfig } from '../contract/workloads';
import { EnvironmentStack, EnvironmentStackProps } from '../core/environment-stack';
import type { ServiceModuleInputs } from '../core/module-inputs';
import { CLUSTER_OUTPUTS, exportOutput, NETWORK_OUTPUTS, SERVICE_OUTPUTS } from '../core/stack-outputs';
import { UpstreamOutputs } from '../core/state';
import type { DataStack } from '../data/data-stack';
import { ResolvedAttachment, resolveAttachment } from '../data/workload-attachment';
import type { NetworkStack } from '../network/network-stack';
import { alarmActions } from '../observability/alarm-actions';
import { EnvironmentMonitoring } from '../observability/environment-monitoring';
import { Messaging } from '../workloads/messaging';
import { Workloads } from '../workloads/workloads';


export { IMAGE_TAG_VARIABLE };


/** Properties of {@link ServiceStack}. */
export interface ServiceStackProps extends EnvironmentStackProps {
  /** The environment's network stack, whose outputs the services read. */
  readonly network: NetworkStack;
  /** The environment's cluster stack, whose outputs the services read. */
  readonly cluster: ClusterStack;
  /** Set by the Terraform module generator only: what the module decides at plan time. @default - the configuration decides */
  readonly moduleInputs?: ServiceModuleInputs;
  /** The environment's data stack, when it has data resources: the services deploy after it and read its outputs. */
  readonly data?: DataStack;
}

/** Where the workloads' tasks run. */
interface TaskPlacement {
  readonly cluster: ClusterResources;
  readonly vpcId: string;
  readonly subnetIds: string[];
}

/**
 * The services of an environment behind a public Application Load Balancer, and the static site
 * when configured. Reads the network and cluster from their stacks' outputs and deploys after them.
 */
export class ServiceStack extends EnvironmentStack {
  /** Outputs of the network stack. */
  public readonly networkOutputs: UpstreamOutputs;
  /** Outputs of the cluster stack. */
  public readonly clusterOutputs: UpstreamOutputs;
  /** Outputs of the data stack, when a service has data resources attached. */
  public readonly dataOutputs?: UpstreamOutputs;
  /** The `image_tag` variable; declared when at least one service runs an image of ours. */
  public readonly imageTag?: TerraformVariable;
  /** Load balancer, its security group, target groups and listeners. */
  public readonly ingress: PublicLoadBalancer;
  /** The load balancer itself. */
  public readonly loadBalancer: Lb;
  /** Target groups by service name. */
  public readonly targetGroups: Record<string, LbTargetGroup>;
  /** Everything of each service, by service name. */
  public readonly services: Record<string, ContainerService>;
  /** Task definitions by service name. */
  public readonly taskDefinitions: Record<string, EcsTaskDefinition>;
  /** ECS services by service name. */
  public readonly ecsServices: Record<string, EcsService>;
  /** Security group on every task, admitted to the Service Connect ports; present with Service Connect. */
  public readonly peerSecurityGroup?: SecurityGroup;
  /** The static site, when configured. */
  public readonly staticSite?: StaticSite;
  /** The messaging key and topics, with workers, jobs or topics. */
  public readonly messaging?: Messaging;
  /** Queue workers and scheduled jobs, when configured. */
  public readonly workloads?: Workloads;

  private readonly moduleInputs?: ServiceModuleInputs;
  /** The load balancer's web ACL, when WAF is on. */
  public readonly loadBalancerWebAcl?: LoadBalancerWebAcl;
  /** The static site's web ACL, when WAF is on for it. */
  public readonly staticSiteWebAcl?: DistributionWebAcl;
  /** Alarms and dashboard, with observability. */
  public readonly monitoring?: EnvironmentMonitoring;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    this.moduleInputs = props.moduleInputs;
    const state = this.environment.state;
    const services = this.environment.services;
    this.addDependency(props.network);
    this.addDependency(props.cluster);
    this.networkOutputs = new UpstreamOutputs(this, 'network', state, props.network.node.id);
    this.clusterOutputs = new UpstreamOutputs(this, 'cluster', state, props.cluster.node.id);
    this.dataOutputs = this.dependOnData(props.data);
    const network = this.networkOutputs;

    if (services.some((service) => service.image === undefined)) {
      this.imageTag = this.createImageTagVariable();
    }

    const vpcId = network.string(NETWORK_OUTPUTS.vpcId);
    this.ingress = new PublicLoadBalancer(this, 'ingress', {
      aws: this.aws,
      namePrefix: this.namePrefix,
      config: this.environment.loadBalancer,
      services,
      vpcId,
      subnetIds: network.list(NETWORK_OUTPUTS.publicSubnetIds),
      ...(props.moduleInputs ? { moduleInputs: props.moduleInputs } : {}),
    });
    this.loadBalancer = this.ingress.loadBalancer;
    this.targetGroups = this.ingress.targetGroups;
    this.loadBalancerWebAcl = this.createLoadBalancerWebAcl();

    const clusterResources = this.clusterResources();
    if (this.environment.cluster.serviceConnectNamespace !== undefined) {
      this.peerSecurityGroup = this.createPeerSecurityGroup(vpcId);
    }

    const privateSubnetIds = network.list(NETWORK_OUTPUTS.privateSubnetIds);
    const workloads = this.environment.workloads;
    this.messaging = workloads === undefined ? undefined
      : new Messaging(this, 'messaging', { aws: this.aws, config: workloads, keyDeletionWindowDays: this.environment.kmsKeyDeletionWindowDays });
    this.services = Object.fromEntries(services.map((service) =>
      [service.name, this.createService(service, { cluster: clusterResources, vpcId, subnetIds: privateSubnetIds })]));
    this.taskDefinitions = mapValues(this.services, (service) => service.taskDefinition);
    this.ecsServices = mapValues(this.services, (service) => service.ecsService);
    if (workloads !== undefined && this.messaging !== undefined) {
      this.workloads = this.createWorkloads(workloads, this.messaging, { cluster: clusterResources, vpcId, subnetIds: privateSubnetIds });
    }

    const site = this.createStaticSite();
    this.staticSite = site?.site;
    this.staticSiteWebAcl = site?.webAcl;
    this.monitoring = this.createMonitoring();
    this.exportLoadBalancerOutputs();
  }

  /** Deployed after the data stack, whose outputs it reads when a workload is attached to its resources. */
  private dependOnData(data: DataStack | undefined): UpstreamOutputs | undefined {
    if (data === undefined) {
      return undefined;
    }
    this.addDependency(data);
    const attached = Object.keys(this.environment.data?.attachments ?? {}).length > 0;
    return attached ? new UpstreamOutputs(this, 'data', this.environment.state, data.node.id) : undefined;
  }

  /** The load balancer's web ACL, when WAF is on. */
  private createLoadBalancerWebAcl(): LoadBalancerWebAcl | undefined {
    const waf = this.environment.loadBalancer.waf;
    return waf === undefined ? undefined : new LoadBalancerWebAcl(this, 'load_balancer_web_acl', {
      config: waf,
      loadBalancerArn: this.loadBalancer.arn,
      kmsKeyArn: this.clusterOutputs.string(CLUSTER_OUTPUTS.kmsKeyArn),
    });
  }

  /** Every task of the environment: the source the services' Service Connect ports admit. */
  private createPeerSecurityGroup(vpcId: string): SecurityGroup {
    return new SecurityGroup(this, 'service_peers', {
      name: `${this.namePrefix}-services`,
      description: `Every task of ${this.namePrefix}: the source admitted to the services' Service Connect ports`,
      vpcId,
      tags: { Name: `${this.namePrefix}-services` },
    });
  }

  /** The queue workers and scheduled jobs, and the networks the jobs run in (outputs). */
  private createWorkloads(config: WorkloadsConfig, messaging: Messaging, placement: TaskPlacement): Workloads {
    const workloads = new Workloads(this, 'workloads', {
      aws: this.aws,
      config,
      messaging,
      services: this.services,
      ...placement,
      logRetentionDays: this.environment.cluster.logRetentionDays,
      ...(this.peerSecurityGroup ? { peerSecurityGroupId: this.peerSecurityGroup.id } : {}),
      imageOf: (task) => this.workloadImage(task),
      attachmentOf: (task) => this.attachmentOf(task.name),
      alarmActions: alarmActions(this.environment.observability, this.clusterOutputs.string(CLUSTER_OUTPUTS.alarmTopicArn)),
    });
    this.exportJobNetworks(workloads, placement.subnetIds);
    return workloads;
  }

  /** The static site, its web ACL when WAF is on for it, and its outputs. */
  private createStaticSite(): { site: StaticSite; webAcl?: DistributionWebAcl } | undefined {
    const config = this.environment.staticSite;
    if (config === undefined) {
      return undefined;
    }
    const site = new StaticSite(this, 'static_site', { config, namePrefix: this.namePrefix });
    const webAcl = config.waf === undefined ? undefined : new DistributionWebAcl(this, 'site_web_acl', {
      aws: this.aws,
      config: config.waf,
      distribution: site.distribution,
      keyDeletionWindowDays: this.environment.kmsKeyDeletionWindowDays,
    });
    exportOutput(this, SERVICE_OUTPUTS.staticSiteBucket, site.bucket.bucket.bucket, 'S3 bucket of the static site.');
    exportOutput(this, SERVICE_OUTPUTS.staticSiteDistributionId, site.distribution.id, 'ID of the static site\'s CloudFront distribution.');
    exportOutput(this, SERVICE_OUTPUTS.staticSiteUrl, `https://${site.distribution.domainName}`, 'URL of the static site.');
    return { site, ...(webAcl ? { webAcl } : {}) };
  }

  /** Alarms, deployment alarms and the dashboard, with observability. */
  private createMonitoring(): EnvironmentMonitoring | undefined {
    const config = this.environment.observability;
    if (config === undefined) {
      return undefined;
    }
    const natGateways = config.dashboard ? natGatewayCount(this.environment) : 0;
    const natGatewayIds = natGateways > 0 ? this.networkOutputs.list(NETWORK_OUTPUTS.natGatewayIds) : [];
    return new EnvironmentMonitoring(this, 'monitoring', {
      config,
      region: this.aws.region,
      topicArn: this.clusterOutputs.string(CLUSTER_OUTPUTS.alarmTopicArn),
      clusterName: this.environment.cluster.name,
      containerInsights: this.environment.cluster.containerInsights,
      loadBalancerArnSuffix: this.loadBalancer.arnSuffix,
      services: Object.fromEntries(this.environment.services.map((service) => {
        const targetGroup = this.targetGroups[service.name];
        const routed = targetGroup ? { targetGroupArnSuffix: targetGroup.arnSuffix } : {};
        return [service.name, { ecsService: this.ecsServices[service.name], ...routed }];
      })),
      natGatewayIds: Array.from({ length: natGateways }, (_, index) => Token.asString(Fn.element(natGatewayIds, index))),
    });
  }

  /** The `image_tag` variable: the tag of the images built from this repository. */
  private createImageTagVariable(): TerraformVariable {
    const imageTag = new TerraformVariable(this, IMAGE_TAG_VARIABLE, {
      type: 'string',
      description: 'The tag of the service images in their ECR repositories, e.g. the commit SHA.',
      validation: [{
        condition: `\${${terraformTextCondition(`var.${IMAGE_TAG_VARIABLE}`, TEXT_RULES.imageTag)}}`,
        errorMessage: `image_tag must be a Docker image tag: ${TEXT_RULES.imageTag.expected}.`,
      }],
    });
    imageTag.overrideLogicalId(IMAGE_TAG_VARIABLE);
    return imageTag;
  }

  /** What the services use of the cluster stack, read from its outputs. */
  private clusterResources(): ClusterResources {
    const cluster = this.clusterOutputs;
    const clusterConfig = this.environment.cluster;
    return {
      clusterArn: cluster.string(CLUSTER_OUTPUTS.clusterArn),
      clusterName: cluster.string(CLUSTER_OUTPUTS.clusterName),
      logGroupName: cluster.string(CLUSTER_OUTPUTS.logGroupName),
      logGroupArn: cluster.string(CLUSTER_OUTPUTS.logGroupArn),
      kmsKeyArn: cluster.string(CLUSTER_OUTPUTS.kmsKeyArn),
      ...(clusterConfig.executeCommand ? { execLogGroupArn: cluster.string(CLUSTER_OUTPUTS.execLogGroupArn) } : {}),
      ...(clusterConfig.serviceConnectNamespace !== undefined
        ? { serviceConnectNamespaceArn: cluster.string(CLUSTER_OUTPUTS.serviceConnectNamespaceArn) }
        : {}),
      ...(clusterConfig.ec2Capacity !== undefined ? { ec2CapacityProviderName: cluster.string(CLUSTER_OUTPUTS.ec2CapacityProviderName) } : {}),
    };
  }

  /** One service, running its external image or the tagged image of its ECR repository, behind the load balancer when routed. */
  private createService(service: ServiceConfig, placement: Pick<ContainerServiceProps, 'cluster' | 'vpcId' | 'subnetIds'>): ContainerService {
    const cluster = this.clusterOutputs;
    const ownImage = service.image === undefined;
    const targetGroup = this.targetGroups[service.name];
    return new ContainerService(this, `service_${service.name}`, {
      aws: this.aws,
      namePrefix: this.namePrefix,
      service,
      image: service.image ?? `${cluster.mapEntry(CLUSTER_OUTPUTS.ecrRepositoryUrls, service.name)}:${this.imageTagValue()}`,
      imageRepositoryArn: ownImage ? cluster.mapEntry(CLUSTER_OUTPUTS.ecrRepositoryArns, service.name) : undefined,
      ...placement,
      ...(targetGroup ? {
        loadBalancer: {
          targetGroup,
          securityGroup: this.ingress.securityGroup,
          routing: this.ingress.routing,
          requestCountResourceLabel: `${this.loadBalancer.arnSuffix}/${targetGroup.arnSuffix}`,
        },
      } : {}),
      ...(this.peerSecurityGroup ? { peerSecurityGroup: this.peerSecurityGroup } : {}),
      ...(this.moduleInputs ? { moduleInputs: this.moduleInputs } : {}),
      ...(this.messaging ? { additionalEnvironment: this.messaging.environmentOf(service.name) } : {}),
      attachment: this.attachmentOf(service.name),
    });
  }

  /** What the data resources attached to a service, worker or job give its tasks. */
  private attachmentOf(task: string): ResolvedAttachment {
    return resolveAttachment(this.environment.data?.attachments[task], this.dataOutputs, this.aws);
  }

  /** Where each job's tasks run, for starting a job by hand (`run-task --job`). */
  private exportJobNetworks(workloads: Workloads, subnetIds: string[]): void {
    if (Object.keys(workloads.jobs).length === 0) {
      return;
    }
    const networks = mapValues(workloads.jobs, (job) => ({ subnets: subnetIds, security_groups: job.securityGroupIds }));
    exportOutput(this, SERVICE_OUTPUTS.jobNetworks, networks, 'Subnets and security groups of each scheduled job\'s tasks.');
  }

  /** A worker's or job's image: its own, or the image (and repository) of the service it names. */
  private workloadImage(task: WorkloadTaskConfig): { image: string; imageRepositoryArn?: string } {
    if (task.image !== undefined || task.imageOf === undefined) {
      return { image: task.image ?? '' };
    }
    const cluster = this.clusterOutputs;
    return {
      image: `${cluster.mapEntry(CLUSTER_OUTPUTS.ecrRepositoryUrls, task.imageOf)}:${this.imageTagValue()}`,
      imageRepositoryArn: cluster.mapEntry(CLUSTER_OUTPUTS.ecrRepositoryArns, task.imageOf),
    };
  }

  /** The value of the `image_tag` variable, which exists whenever a service is built from this repository. */
  private imageTagValue(): string {
    if (this.imageTag === undefined) {
      throw new Error(`${this.node.id} has no ${IMAGE_TAG_VARIABLE} variable, but a service runs an image built from this repository`);
    }
    return this.imageTag.stringValue;
  }

  /** The load balancer's DNS name, ARN and URL of the default route, and the service names. */
  private exportLoadBalancerOutputs(): void {
    const lb = this.environment.loadBalancer;
    const secure = lb.certificateArn !== undefined;
    const port = secure ? lb.httpsPort : lb.httpPort;
    const defaultPort = secure ? 443 : 80;
    const scheme = this.moduleInputs ? Token.asString(Fn.conditional(ref(this.moduleInputs.https), 'https', 'http')) : (secure ? 'https' : 'http');
    const url = `${scheme}://${this.loadBalancer.dnsName}${port === defaultPort ? '' : `:${port}`}`;
    exportOutput(this, SERVICE_OUTPUTS.loadBalancerDnsName, this.loadBalancer.dnsName, 'DNS name of the load balancer.');
    exportOutput(this, SERVICE_OUTPUTS.loadBalancerArn, this.loadBalancer.arn, 'ARN of the load balancer.');
    exportOutput(this, SERVICE_OUTPUTS.serviceUrl, url, 'URL of the load balancer\'s default route.');
    exportOutput(this, SERVICE_OUTPUTS.serviceNames, Object.values(this.ecsServices).map((service) => service.name), 'Names of the ECS services.');
  }
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
