import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ClusterResources, ContainerService, ContainerServiceProps } from './container-service';
import { PublicLoadBalancer } from './load-balancer';
import { StaticSite } from './static-site';
import type { ClusterStack } from '../cluster/cluster-stack';
import type { ServiceConfig } from '../contract/config';
import { terraformTextCondition, TEXT_RULES } from '../contract/rules';
import { IMAGE_TAG_VARIABLE } from '../contract/stack-interface';
import { EnvironmentStack, EnvironmentStackProps } from '../core/environment-stack';
import { CLUSTER_OUTPUTS, exportOutput, NETWORK_OUTPUTS, SERVICE_OUTPUTS } from '../core/stack-outputs';
import { UpstreamOutputs } from '../core/state';
import { EnvironmentDomain } from '../dns/environment-domain';
import type { NetworkStack } from '../network/network-stack';


export { IMAGE_TAG_VARIABLE };


/** Properties of {@link ServiceStack}. */
export interface ServiceStackProps extends EnvironmentStackProps {
  /** The environment's network stack, whose outputs the services read. */
  readonly network: NetworkStack;
  /** The environment's cluster stack, whose outputs the services read. */
  readonly cluster: ClusterStack;
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
  /** Hosted zone, certificates and alias records, with a domain. */
  public readonly domain?: EnvironmentDomain;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const state = this.environment.state;
    const services = this.environment.services;
    this.addDependency(props.network);
    this.addDependency(props.cluster);
    this.networkOutputs = new UpstreamOutputs(this, 'network', state, props.network.node.id);
    this.clusterOutputs = new UpstreamOutputs(this, 'cluster', state, props.cluster.node.id);
    const network = this.networkOutputs;

    if (services.some((service) => service.image === undefined)) {
      this.imageTag = this.createImageTagVariable();
    }

    const environment = this.environment;
    if (environment.domain !== undefined) {
      this.domain = new EnvironmentDomain(this, 'domain', { environment: { ...environment, domain: environment.domain } });
    }
    const vpcId = network.string(NETWORK_OUTPUTS.vpcId);
    this.ingress = new PublicLoadBalancer(this, 'ingress', {
      aws: this.aws,
      namePrefix: this.namePrefix,
      config: this.environment.loadBalancer,
      services,
      vpcId,
      subnetIds: network.list(NETWORK_OUTPUTS.publicSubnetIds),
      ...(this.domain ? { certificateArn: this.domain.loadBalancerCertificate.certificateArn } : {}),
      dualStack: environment.network.ipv6,
    });
    this.loadBalancer = this.ingress.loadBalancer;
    this.domain?.addLoadBalancerRecords(this.loadBalancer, environment.network.ipv6 === true);
    this.targetGroups = this.ingress.targetGroups;

    const clusterResources = this.clusterResources();
    if (this.environment.cluster.serviceConnectNamespace !== undefined) {
      this.peerSecurityGroup = new SecurityGroup(this, 'service_peers', {
        name: `${this.namePrefix}-services`,
        description: `Every task of ${this.namePrefix}: the source admitted to the services' Service Connect ports`,
        vpcId,
        tags: { Name: `${this.namePrefix}-services` },
      });
    }

    const privateSubnetIds = network.list(NETWORK_OUTPUTS.privateSubnetIds);
    this.services = Object.fromEntries(services.map((service) =>
      [service.name, this.createService(service, { cluster: clusterResources, vpcId, subnetIds: privateSubnetIds })]));
    this.taskDefinitions = mapValues(this.services, (service) => service.taskDefinition);
    this.ecsServices = mapValues(this.services, (service) => service.ecsService);

    this.staticSite = this.createStaticSite();
    this.exportLoadBalancerOutputs();
    this.exportDomainOutputs();
  }

  /** The static site, on the domain's host names with their us-east-1 certificate when there is a domain. */
  private createStaticSite(): StaticSite | undefined {
    const config = this.environment.staticSite;
    if (config === undefined) {
      return undefined;
    }
    const domainSite = this.environment.domain?.staticSite;
    const certificate = this.domain?.staticSiteCertificate;
    const site = new StaticSite(this, 'static_site', {
      config: domainSite && certificate ? { ...config, domainNames: domainSite.hosts, certificateArn: certificate.certificateArn } : config,
      namePrefix: this.namePrefix,
    });
    this.domain?.addStaticSiteRecords(site.distribution);
    const host = domainSite?.hosts[0] ?? site.distribution.domainName;
    exportOutput(this, SERVICE_OUTPUTS.staticSiteBucket, site.bucket.bucket.bucket, 'S3 bucket of the static site.');
    exportOutput(this, SERVICE_OUTPUTS.staticSiteDistributionId, site.distribution.id, 'ID of the static site\'s CloudFront distribution.');
    exportOutput(this, SERVICE_OUTPUTS.staticSiteUrl, `https://${host}`, 'URL of the static site.');
    return site;
  }

  /** The zone's id and, for a zone created here, its name servers (to enter at the registrar or check the delegation). */
  private exportDomainOutputs(): void {
    const zone = this.domain?.zone;
    if (zone === undefined) {
      return;
    }
    exportOutput(this, SERVICE_OUTPUTS.hostedZoneId, zone.zoneId, 'ID of the hosted zone of the environment\'s records.');
    if (zone.zone !== undefined) {
      exportOutput(this, SERVICE_OUTPUTS.nameServers, zone.zone.nameServers, 'Name servers of the hosted zone created for the environment.');
    }
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
      ipv6Egress: this.environment.network.ipv6,
    });
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
    const secure = lb.https;
    const port = secure ? lb.httpsPort : lb.httpPort;
    const defaultPort = secure ? 443 : 80;
    // With a domain, the URL names it: the certificate covers the domain, not the load balancer's DNS name.
    const host = this.environment.domain?.name ?? this.loadBalancer.dnsName;
    const url = `${secure ? 'https' : 'http'}://${host}${port === defaultPort ? '' : `:${port}`}`;
    exportOutput(this, SERVICE_OUTPUTS.loadBalancerDnsName, this.loadBalancer.dnsName, 'DNS name of the load balancer.');
    exportOutput(this, SERVICE_OUTPUTS.loadBalancerArn, this.loadBalancer.arn, 'ARN of the load balancer.');
    exportOutput(this, SERVICE_OUTPUTS.serviceUrl, url, 'URL of the load balancer\'s default route.');
    exportOutput(this, SERVICE_OUTPUTS.serviceNames, Object.values(this.ecsServices).map((service) => service.name), 'Names of the ECS services.');
  }
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
