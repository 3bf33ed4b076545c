import { DATA_SCOPES } from './data-scopes';
import { CLOUDFRONT_REGION, EDGE_SCOPES } from './edge-scopes';
import type { ScopeArns } from './scope-arns';
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
  /** The static site's bucket (its name prefix). */
  | 'siteBucket'
  /** The objects of the static site's bucket. */
  | 'siteObjects'
  /** The account's distributions that carry the environment's tags. */
  | 'siteDistribution'
  /** Queues of the workers and jobs: `<project>-<env>-*`. */
  | 'sqsQueues'
  /** Topics of the services and workers and the alarm topic: `<project>-<env>-*`, or the existing alarm topic. */
  | 'snsTopics'
  /** Schedules of the jobs, in the default group. */
  | 'schedules'
  /** State machines of the jobs. */
  | 'stateMachines'
  /** Instances, clusters, subnet and parameter groups and final snapshots of the environment's databases. */
  | 'rdsResources'
  /** The master secrets RDS creates for the databases (`rds!` names are RDS's). */
  | 'rdsMasterSecrets'
  /** Serverless caches, their users and user groups. */
  | 'cacheResources'
  | 'dynamodbTables'
  | 'dashboards'
  /** The environment's web ACLs (or the existing ones it associates) and the AWS managed rule groups they reference. */
  | 'webAcls'
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
  readonly deployment: DeploymentConfig;
  /** Account id (possibly a Terraform expression). */
  readonly accountId: string;
  /** ARN of the environment's permissions boundary. */
  readonly permissionsBoundaryArn: string;
}

/** The scopes resolved by the feature modules; the others are methods of {@link EnvironmentScopes}. */
const FEATURE_SCOPES = { ...DATA_SCOPES, ...EDGE_SCOPES };
type FeatureScope = keyof typeof FEATURE_SCOPES;
type OwnScope = Exclude<ScopeName, FeatureScope>;

function isFeatureScope(scope: ScopeName): scope is FeatureScope {
  return scope in FEATURE_SCOPES;
}

/** Resolves every scope of one environment. */
export class EnvironmentScopes implements ScopeArns {
  public readonly prefix: string;
  public readonly partition: string;
  public readonly region: string;
  public readonly account: string;

  constructor(private readonly context: ScopeContext) {
    this.prefix = resourcePrefix(context.project, context.environment);
    this.partition = context.environment.partition;
    this.region = context.environment.region;
    this.account = context.accountId;
  }

  /** The resources and conditions of a scope; no resources when the environment has none of them. */
  public resolve(scope: ScopeName): ResolvedScope {
    return isFeatureScope(scope) ? FEATURE_SCOPES[scope](this) : this[scope as OwnScope]();
  }

  /** Service-linked roles of the account (names are AWS's); narrowed by `iam:AWSServiceName`. */
  public serviceLinkedRoles(): string[] {
    return [this.arn('iam', 'role/aws-service-role/*', true)];
  }

  public arn(service: string, resource: string, global = false): string {
    return this.arnIn(global ? '' : this.region, service, resource);
  }

  public arnIn(region: string, service: string, resource: string): string {
    return `arn:${this.partition}:${service}:${region}:${this.account}:${resource}`;
  }

  public get env(): EnvironmentConfig {
    return this.context.environment;
  }

  private get clusterName(): string {
    return this.env.cluster.name;
  }

  private get services() {
    return this.env.services;
  }

  private get taskDefinitionFamilies(): string[] {
    return [...this.services.map((service) => `${this.prefix}-${service.name}`), ...this.workloadTasks.map((task) => task.family)];
  }

  private get workloadTasks() {
    const workloads = this.env.workloads;
    return [...(workloads?.workers ?? []), ...(workloads?.jobs ?? [])];
  }

  private regional(): ResolvedScope {
    return { resources: ['*'], condition: { StringEquals: { 'aws:RequestedRegion': this.regions } } };
  }

  /** The environment's region, and us-east-1 where a CloudFront web ACL and its logs live. */
  private get regions(): string | string[] {
    return this.env.staticSite?.waf?.kind === 'created' && this.region !== CLOUDFRONT_REGION ? [this.region, CLOUDFRONT_REGION] : this.region;
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
    const names = [...this.services.map((service) => service.name), ...(this.env.workloads?.workers ?? []).map((worker) => worker.name)];
    return { resources: names.map((name) => this.arn('ecs', `service/${this.clusterName}/${name}`)) };
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
      ...(this.context.deployment.pipeline === 'codepipeline' ? [`/codebuild/${this.prefix}`] : []),
      ...(this.env.workloads?.jobs ?? []).map((job) => job.stateMachineLogGroupName),
      ...(this.env.data?.databases ?? []).flatMap((db) => db.logGroupNames),
      ...(this.env.loadBalancer.waf?.kind === 'created' ? [this.env.loadBalancer.waf.logGroupName] : []),
    ];
    const siteWaf = this.env.staticSite?.waf;
    const siteLogs = siteWaf?.kind === 'created' ? [this.arnIn(CLOUDFRONT_REGION, 'logs', `log-group:${siteWaf.logGroupName}`)] : [];
    return {
      resources: [
        ...[...new Set(names)].map((name) => this.arn('logs', `log-group:${name}`)),
        ...siteLogs,
      ].flatMap((arn) => [arn, `${arn}:*`]),
    };
  }

  private environmentTags(kind: 'RequestTag' | 'ResourceTag'): Record<string, string> {
    return Object.fromEntries(['project', 'environment']
      .filter((key) => this.env.tags[key] !== undefined)
      .map((key) => [`aws:${kind}/${key}`, this.env.tags[key]]));
  }

  private kmsKeyCreation(): ResolvedScope {
    return { resources: ['*'], condition: { StringEquals: { 'aws:RequestedRegion': this.regions, ...this.environmentTags('RequestTag') } } };
  }

  private kmsKeys(): ResolvedScope {
    const keys = [this.arn('kms', 'key/*'), ...(this.regions !== this.region ? [this.arnIn(CLOUDFRONT_REGION, 'kms', 'key/*')] : [])];
    return { resources: keys, condition: { StringEquals: this.environmentTags('ResourceTag') } };
  }

  private kmsAliases(): ResolvedScope {
    return { resources: [this.arn('kms', `alias/${this.prefix}*`)] };
  }

  private loadBalancing(): ResolvedScope {
    const balancer = this.env.loadBalancer.name;
    const targetGroups = [
      ...this.services.flatMap((service) => (service.ingress ? [service.ingress.targetGroupName] : [])),
      ...this.greenTargetGroupNames(),
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

  /** The second target group of each service, with blue/green deployments. */
  private greenTargetGroupNames(): string[] {
    return this.context.deployment.strategy === 'blue-green'
      ? this.env.deployment.services.map((service) => service.greenTargetGroupName)
      : [];
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
      this.context.deployment.pipeline === 'codepipeline' ? `${this.prefix}-artifacts-`.slice(0, 37) : undefined,
      ...(this.env.data?.buckets ?? []).map((bucket) => (bucket.adoptedName === undefined ? bucket.bucketPrefix : undefined)),
    ].filter((prefix): prefix is string => prefix !== undefined);
    const adopted = (this.env.data?.buckets ?? []).flatMap((bucket) => (bucket.adoptedName !== undefined ? [bucket.adoptedName] : []));
    return { resources: [...prefixes.map((prefix) => `${prefix}*`), ...adopted].map((name) => `arn:${this.partition}:s3:::${name}`) };
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
    const application = this.env.deployment.codeDeployApplicationName;
    return {
      resources: [
        this.arn('codedeploy', `application:${application}`),
        this.arn('codedeploy', `deploymentgroup:${application}/*`),
        this.arn('codedeploy', 'deploymentconfig:*'),
      ],
    };
  }

  private connections(): ResolvedScope {
    const connection = this.context.deployment.connectionArn;
    return { resources: connection ? [connection] : [] };
  }

  private siteBucket(): ResolvedScope {
    const prefix = this.env.staticSite?.bucketPrefix;
    return { resources: prefix !== undefined ? [`arn:${this.partition}:s3:::${prefix}*`] : [] };
  }

  private siteObjects(): ResolvedScope {
    return { resources: this.siteBucket().resources.map((bucket) => `${bucket}/*`) };
  }

  private siteDistribution(): ResolvedScope {
    if (this.env.staticSite === undefined) {
      return { resources: [] };
    }
    return { resources: [this.arn('cloudfront', 'distribution/*', true)], condition: { StringEquals: this.environmentTags('ResourceTag') } };
  }

  private sqsQueues(): ResolvedScope {
    return { resources: [this.arn('sqs', `${this.prefix}-*`)] };
  }

  private snsTopics(): ResolvedScope {
    if ((this.env.workloads?.topics.length ?? 0) > 0) {
      // The workloads' topics and a created alarm topic all carry the prefix.
      const alarmTopic = this.env.observability?.topic;
      return { resources: [this.arn('sns', `${this.prefix}-*`), ...(alarmTopic?.kind === 'existing' ? [alarmTopic.arn, `${alarmTopic.arn}:*`] : [])] };
    }
    const topic = this.env.observability?.topic;
    const arn = topic?.kind === 'created' ? this.arn('sns', topic.name) : topic?.arn;
    return { resources: arn !== undefined ? [arn, `${arn}:*`] : [] };
  }

  private schedules(): ResolvedScope {
    return { resources: (this.env.workloads?.jobs ?? []).map((job) => this.arn('scheduler', `schedule/default/${job.scheduleName}`)) };
  }

  private stateMachines(): ResolvedScope {
    return { resources: (this.env.workloads?.jobs ?? []).map((job) => this.arn('states', `stateMachine:${job.stateMachineName}`)) };
  }

  private cloudFront(): ResolvedScope {
    return {
      resources: [
        this.arn('cloudfront', 'distribution/*', true),
        this.arn('cloudfront', 'origin-access-control/*', true),
      ],
    };
  }

}
