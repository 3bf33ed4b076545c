import type { EnvironmentConfig } from '../contract/config';
import type { DeploymentConfig } from '../contract/deployment-config';
import { flowLogGroupName, imageRepositoryName, resourcePrefix, serviceLogGroupName } from '../contract/naming';
import type { PolicyConditions } from '../contract/policies';

/**
 * Where a set of actions may act: a named group of one environment's resources. Each scope
 * resolves to ARNs (exact names or the environment's name prefix) and, where the resources have
 * no predictable ARN, to a pattern narrowed by conditions.
 */
export type ScopeName =
  /** `*` in the environment's region: actions without resource-level permissions. */
  | 'regional'
  /** `*`, any region: actions of global services without resource-level permissions (STS, Route 53). */
  | 'global'
  /** EC2 resources of the account in the region (EC2 ids are random) and public AMIs. */
  | 'ec2'
  /** AWS public SSM parameters (the ECS-optimized AMI ids) read when launching instances. */
  | 'publicParameters'
  | 'ecsCluster'
  | 'ecsServices'
  | 'ecsTaskDefinitions'
  /** RunTask of the environment's task definitions, only into the environment's cluster. */
  | 'ecsTaskDefinitionsInCluster'
  | 'ecsTasks'
  /** `*` narrowed to the environment's cluster (`ecs:cluster` condition): ListTasks. */
  | 'ecsClusterListing'
  | 'ecsCapacityProviders'
  | 'ecrRepositories'
  | 'logGroups'
  /** CreateKey: `*` in the region, only with the environment's tags in the request. */
  | 'kmsKeyCreation'
  /** The account's keys in the region that carry the environment's tags. */
  | 'kmsKeys'
  | 'kmsAliases'
  | 'loadBalancing'
  /** Roles the deploy role manages: `role/<project>-<env>-*` at the root path. */
  | 'workloadRoles'
  /** The same roles, for the actions that must carry the environment's permissions boundary. */
  | 'boundedWorkloadRoles'
  | 'instanceProfiles'
  | 'buckets'
  | 'alarms'
  | 'autoScalingGroups'
  | 'codeBuildProjects'
  | 'pipelines'
  | 'codeDeploy'
  | 'connections'
  | 'cloudFront'
  /** The environment's hosted zones: the existing or parent zone by id, `hostedzone/*` when the stack creates one. */
  | 'hostedZones'
  /** Route 53 change status (`change/*`) and CreateHostedZone, which have no narrower resource. */
  | 'route53Account'
  /** ACM certificates of the account in the environment's region and, with a static site on the domain, us-east-1. */
  | 'certificates'
  /** RequestCertificate (no resource-level permission), in those regions only. */
  | 'certificateRequests'
  /** The role of the parent zone's account through which a subdomain environment writes its NS delegation. */
  | 'dnsDelegationRole';

/** The resources (and conditions) one scope stands for. */
export interface ResolvedScope {
  readonly resources: string[];
  readonly condition?: PolicyConditions;
}

/** What scopes are resolved from: the environment, where it lives, and the boundary its roles get. */
export interface ScopeContext {
  readonly project: string;
  readonly environment: EnvironmentConfig;
  readonly deployment?: DeploymentConfig;
  /** Account id (possibly a Terraform expression). */
  readonly accountId: string;
  /** ARN of the environment's permissions boundary. */
  readonly permissionsBoundaryArn: string;
}

/** Resolves every scope of one environment. */
export class EnvironmentScopes {
  private readonly prefix: string;
  private readonly partition: string;
  private readonly region: string;
  private readonly account: string;

  constructor(private readonly context: ScopeContext) {
    this.prefix = resourcePrefix(context.project, context.environment);
    this.partition = context.environment.partition;
    this.region = context.environment.region;
    this.account = context.accountId;
  }

  /** The resources and conditions of a scope; no resources when the environment has none of them. */
  public resolve(scope: ScopeName): ResolvedScope {
    return this[scope]();
  }

  /** Service-linked roles of the account (names are AWS's); narrowed by `iam:AWSServiceName`. */
  public serviceLinkedRoles(): string[] {
    return [this.arn('iam', 'role/aws-service-role/*', true)];
  }

  private arn(service: string, resource: string, global = false): string {
    return `arn:${this.partition}:${service}:${global ? '' : this.region}:${this.account}:${resource}`;
  }

  private get env(): EnvironmentConfig {
    return this.context.environment;
  }

  private get clusterName(): string {
    return this.env.cluster.name;
  }

  private get services() {
    return this.env.services;
  }

  private get taskDefinitionFamilies(): string[] {
    return this.services.map((service) => `${this.prefix}-${service.name}`);
  }

  private regional(): ResolvedScope {
    return { resources: ['*'], condition: { StringEquals: { 'aws:RequestedRegion': this.region } } };
  }

  private global(): ResolvedScope {
    return { resources: ['*'] };
  }

  private ec2(): ResolvedScope {
    return { resources: [this.arn('ec2', '*'), `arn:${this.partition}:ec2:${this.region}::image/*`] };
  }

  private publicParameters(): ResolvedScope {
    return { resources: [`arn:${this.partition}:ssm:${this.region}::parameter/aws/service/ecs/*`] };
  }

  private ecsCluster(): ResolvedScope {
    return { resources: [this.arn('ecs', `cluster/${this.clusterName}`)] };
  }

  private ecsServices(): ResolvedScope {
    return { resources: this.services.map((service) => this.arn('ecs', `service/${this.clusterName}/${service.name}`)) };
  }

  private ecsTaskDefinitions(): ResolvedScope {
    return { resources: this.taskDefinitionFamilies.map((family) => this.arn('ecs', `task-definition/${family}:*`)) };
  }

  private ecsTaskDefinitionsInCluster(): ResolvedScope {
    return { ...this.ecsTaskDefinitions(), condition: { ArnEquals: { 'ecs:cluster': this.ecsCluster().resources[0] } } };
  }

  private ecsTasks(): ResolvedScope {
    return { resources: [this.arn('ecs', `task/${this.clusterName}/*`)] };
  }

  private ecsClusterListing(): ResolvedScope {
    return { resources: ['*'], condition: { ArnEquals: { 'ecs:cluster': this.ecsCluster().resources[0] } } };
  }

  private ecsCapacityProviders(): ResolvedScope {
    const ec2 = this.env.cluster.ec2Capacity;
    return { resources: ec2 ? [this.arn('ecs', `capacity-provider/${ec2.name}`)] : [] };
  }

  private ecrRepositories(): ResolvedScope {
    return {
      resources: this.services.filter((service) => service.image === undefined)
        .map((service) => this.arn('ecr', `repository/${imageRepositoryName(this.context.project, this.env, service.name)}`)),
    };
  }

  private logGroups(): ResolvedScope {
    const names = [
      serviceLogGroupName(this.context.project, this.env),
      this.env.cluster.execLogGroupName,
      ...(this.env.network.flowLogs ? [flowLogGroupName(this.context.project, this.env)] : []),
      ...(this.context.deployment?.pipeline === 'codepipeline' ? [`/codebuild/${this.prefix}`] : []),
    ];
    return { resources: [...new Set(names)].flatMap((name) => [this.arn('logs', `log-group:${name}`), this.arn('logs', `log-group:${name}:*`)]) };
  }

  private environmentTags(kind: 'RequestTag' | 'ResourceTag'): Record<string, string> {
    return Object.fromEntries(['project', 'environment']
      .filter((key) => this.env.tags[key] !== undefined)
      .map((key) => [`aws:${kind}/${key}`, this.env.tags[key]]));
  }

  private kmsKeyCreation(): ResolvedScope {
    return { resources: ['*'], condition: { StringEquals: { 'aws:RequestedRegion': this.region, ...this.environmentTags('RequestTag') } } };
  }

  private kmsKeys(): ResolvedScope {
    return { resources: [this.arn('kms', 'key/*')], condition: { StringEquals: this.environmentTags('ResourceTag') } };
  }

  private kmsAliases(): ResolvedScope {
    return { resources: [this.arn('kms', `alias/${this.prefix}*`)] };
  }

  private loadBalancing(): ResolvedScope {
    const balancer = this.env.loadBalancer.name;
    const targetGroups = [
      ...this.services.flatMap((service) => (service.ingress ? [service.ingress.targetGroupName] : [])),
      ...(this.deploymentEnvironment()?.services ?? []).map((service) => service.greenTargetGroupName),
    ];
    return {
      resources: [
        this.arn('elasticloadbalancing', `loadbalancer/app/${balancer}/*`),
        this.arn('elasticloadbalancing', `listener/app/${balancer}/*`),
        this.arn('elasticloadbalancing', `listener-rule/app/${balancer}/*`),
        ...[...new Set(targetGroups)].map((name) => this.arn('elasticloadbalancing', `targetgroup/${name}/*`)),
      ],
    };
  }

  private deploymentEnvironment() {
    return this.context.deployment?.strategy === 'blue-green'
      ? this.context.deployment.environments.find((candidate) => candidate.name === this.env.name)
      : undefined;
  }

  private workloadRoles(): ResolvedScope {
    return { resources: [this.arn('iam', `role/${this.prefix}-*`, true)] };
  }

  private boundedWorkloadRoles(): ResolvedScope {
    return { ...this.workloadRoles(), condition: { StringEquals: { 'iam:PermissionsBoundary': this.context.permissionsBoundaryArn } } };
  }

  private instanceProfiles(): ResolvedScope {
    return { resources: [this.arn('iam', `instance-profile/${this.prefix}-*`, true)] };
  }

  private buckets(): ResolvedScope {
    const prefixes = [
      this.env.loadBalancer.accessLogs?.bucketPrefix,
      this.env.staticSite?.bucketPrefix,
      this.context.deployment?.pipeline === 'codepipeline' ? `${this.prefix}-artifacts-`.slice(0, 37) : undefined,
    ].filter((prefix): prefix is string => prefix !== undefined);
    return { resources: prefixes.map((prefix) => `arn:${this.partition}:s3:::${prefix}*`) };
  }

  private alarms(): ResolvedScope {
    return {
      resources: [
        this.arn('cloudwatch', `alarm:${this.prefix}-*`),
        ...this.services.map((service) => this.arn('cloudwatch', `alarm:${service.name}-cpu-*`)),
        // Target tracking policies create and delete their own alarms with the caller's permissions.
        this.arn('cloudwatch', `alarm:TargetTracking-service/${this.clusterName}/*`),
      ],
    };
  }

  private autoScalingGroups(): ResolvedScope {
    const ec2 = this.env.cluster.ec2Capacity;
    return { resources: ec2 ? [this.arn('autoscaling', `autoScalingGroup:*:autoScalingGroupName/${ec2.name}-*`)] : [] };
  }

  private codeBuildProjects(): ResolvedScope {
    return { resources: [this.arn('codebuild', `project/${this.prefix}-*`)] };
  }

  private pipelines(): ResolvedScope {
    return { resources: [this.arn('codepipeline', this.prefix)] };
  }

  private codeDeploy(): ResolvedScope {
    const application = this.deploymentEnvironment()?.codeDeployApplicationName ?? this.prefix;
    return {
      resources: [
        this.arn('codedeploy', `application:${application}`),
        this.arn('codedeploy', `deploymentgroup:${application}/*`),
        this.arn('codedeploy', 'deploymentconfig:*'),
      ],
    };
  }

  private connections(): ResolvedScope {
    const connection = this.context.deployment?.connectionArn;
    return { resources: connection ? [connection] : [] };
  }

  private cloudFront(): ResolvedScope {
    return {
      resources: [
        this.arn('cloudfront', 'distribution/*', true),
        this.arn('cloudfront', 'origin-access-control/*', true),
      ],
    };
  }

  private hostedZones(): ResolvedScope {
    const zone = this.env.domain?.zone;
    const zoneArn = (id: string) => `arn:${this.partition}:route53:::hostedzone/${id}`;
    if (zone === undefined) return { resources: [] };
    if (zone.kind === 'existing') return { resources: [zoneArn(zone.zoneId)] };
    // A created zone's id is random; the parent zone is written only with the NS record of the delegation.
    return { resources: [zoneArn('*')] };
  }

  private route53Account(): ResolvedScope {
    return { resources: this.env.domain ? ['*'] : [] };
  }

  private certificateRegions(): string[] {
    return this.env.domain?.staticSite ? [...new Set([this.region, 'us-east-1'])] : [this.region];
  }

  private certificates(): ResolvedScope {
    return { resources: this.env.domain ? this.certificateRegions().map((region) => `arn:${this.partition}:acm:${region}:${this.account}:certificate/*`) : [] };
  }

  private certificateRequests(): ResolvedScope {
    return this.env.domain ? { resources: ['*'], condition: { StringEquals: { 'aws:RequestedRegion': this.certificateRegions() } } } : { resources: [] };
  }

  private dnsDelegationRole(): ResolvedScope {
    const zone = this.env.domain?.zone;
    return { resources: zone?.kind === 'delegated' && zone.delegationRoleArn !== undefined ? [zone.delegationRoleArn] : [] };
  }
}
