import type { AdoptionConfig } from './adoption';
import type { DataConfig } from './data-config';
import type { DeploymentConfig, EnvironmentDeploymentConfig } from './deployment-config';
import type { DomainConfig } from './domain';
import type { FleetConfig } from './fleet-config';
import type { ObservabilityConfig, WebAclConfig } from './observability-config';
import type { ReleaseTaskConfig } from './release-task';
import type { SitePublishingConfig } from './site-publishing';
import type { TargetHealthCheckConfig } from './target-health';
import type { WorkloadsConfig } from './workloads';

/**
 * The resolved platform configuration: every default applied, every value validated.
 *
 * Produced by the project type at `npx projen` time and written into `src/config.generated.ts`
 * of the service repository. The stacks read nothing else, so what is here is what gets deployed.
 */
export interface PlatformConfig {
  /** Project name: the prefix of every resource name and tag value. */
  readonly project: string;
  /** Environments in deployment order. */
  readonly environments: EnvironmentConfig[];
  /** How the services are built and deployed: the settings every environment shares. */
  readonly deployment: DeploymentConfig;
  /** Scheduled template upgrades and drift detection (GitHub Actions). */
  readonly fleet?: FleetConfig;
}

/** Where Terraform keeps the state of the stacks of one environment. */
export type StateConfig = LocalStateConfig | S3StateConfig;

/** State files next to each stack's working directory (`cdktf.out/stacks/<stack>`). */
export interface LocalStateConfig {
  readonly backend: 'local';
}

/** State in S3 with native locking (`use_lockfile`). */
export interface S3StateConfig {
  readonly backend: 's3';
  readonly bucket: string;
  readonly region: string;
  /** Prefix shared by every environment of the project. */
  readonly keyPrefix: string;
  /**
   * `<keyPrefix>/<environment>`: object keys are `<environmentKeyPrefix>/<stack>.tfstate`, so each
   * environment's roles can be granted its own keys only.
   */
  readonly environmentKeyPrefix: string;
}

export type NatGatewayMode = 'per-az' | 'single' | 'none';

/** A VPC owned elsewhere: the network stack only passes its ids on. */
export interface ExistingVpcConfig {
  readonly vpcId: string;
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
}

/** VPC endpoints of the private subnets. */
export interface VpcEndpointsConfig {
  /** S3 gateway endpoint (ECR image layers live in S3). */
  readonly s3Gateway: boolean;
  /** DynamoDB gateway endpoint (attached tables without NAT). */
  readonly dynamodbGateway?: boolean;
  /** Interface endpoint service names without the `com.amazonaws.<region>.` prefix, e.g. `ecr.api`. */
  readonly interfaceServices: string[];
}

export interface NetworkConfig {
  readonly cidr: string;
  readonly availabilityZones: string[];
  /** One CIDR per availability zone, same order. */
  readonly publicSubnetCidrs: string[];
  /** One CIDR per availability zone, same order. */
  readonly privateSubnetCidrs: string[];
  readonly natGateways: NatGatewayMode;
  readonly vpcEndpoints: VpcEndpointsConfig;
  readonly flowLogs: boolean;
  /**
   * Dual stack: an Amazon-provided /56 on the VPC, a /64 per subnet, an egress-only internet gateway
   * for the private subnets, a dual-stack load balancer and AAAA records.
   */
  readonly ipv6: boolean;
  /** Set when deploying into an existing VPC; the fields above then describe nothing that is created. */
  readonly existingVpc?: ExistingVpcConfig;
}

export type CapacityProviderName = 'FARGATE' | 'FARGATE_SPOT' | 'EC2';

export interface CapacityProviderStrategyConfig {
  readonly capacityProvider: CapacityProviderName;
  readonly base: number;
  readonly weight: number;
}

export interface Ec2CapacityConfig {
  /** Name of the capacity provider (and prefix of the Auto Scaling group's). */
  readonly name: string;
  readonly instanceType: string;
  readonly architecture: 'X86_64' | 'ARM64';
  readonly minSize: number;
  readonly maxSize: number;
  readonly targetCapacityPercent: number;
  readonly rootVolumeSizeGiB: number;
  /** Name of the instances' IAM role (fitted to IAM's 64 characters). */
  readonly instanceRoleName: string;
}

export interface ClusterConfig {
  /** Name of the cluster (created, or existing when `existing` is true). */
  readonly name: string;
  /** The cluster exists already: it is referenced, not created. */
  readonly existing: boolean;
  readonly containerInsights: boolean;
  /** Retention of the cluster's KMS-encrypted log groups, days. */
  readonly logRetentionDays: number;
  /** Tagged images kept by the ECR lifecycle policy. */
  readonly ecrKeepImages: number;
  /** Days after which untagged images expire. */
  readonly ecrUntaggedExpiryDays: number;
  /** Destroying the cluster stack deletes repositories that still hold images (development environments). */
  readonly ecrForceDelete: boolean;
  readonly capacityProviderStrategy: CapacityProviderStrategyConfig[];
  readonly ec2Capacity?: Ec2CapacityConfig;
  /** ECS Exec allowed; sessions audited to `execLogGroupName`. */
  readonly executeCommand: boolean;
  readonly execLogGroupName: string;
  /** Retention of the ECS Exec audit log group, days. */
  readonly execLogRetentionDays: number;
  /** Cloud Map namespace of ECS Service Connect, when enabled. */
  readonly serviceConnectNamespace?: string;
}

export interface AccessLogsConfig {
  /** Prefix of the bucket's name; Terraform appends a unique suffix (S3 names are global). */
  readonly bucketPrefix: string;
  readonly retentionDays: number;
  /** Destroying the service stack deletes the bucket with its logs (development environments). */
  readonly forceDestroy: boolean;
}

export interface LoadBalancerConfig {
  /** Full ALB name (AWS limit 32 characters). */
  readonly name: string;
  /** The load balancer serves HTTPS: with `certificateArn`, or with the environment's domain certificate. */
  readonly https: boolean;
  /** ACM certificate given by ARN (without a domain): HTTPS listener when set. */
  readonly certificateArn?: string;
  readonly additionalCertificateArns: string[];
  /** Port 80 answers with a 301 to HTTPS (only with HTTPS). */
  readonly redirectHttpToHttps: boolean;
  readonly sslPolicy: string;
  /** CIDRs allowed to reach the ALB listeners. */
  readonly allowedCidrs: string[];
  readonly deletionProtection: boolean;
  readonly idleTimeoutSeconds: number;
  readonly httpPort: number;
  readonly httpsPort: number;
  /** Access logs bucket, when access logs are on. */
  readonly accessLogs?: AccessLogsConfig;
  /** Web ACL associated with the load balancer, when WAF is on. */
  readonly waf?: WebAclConfig;
}

export interface StepScalingConfig {
  readonly scaleOutCpuThreshold: number;
  readonly scaleInCpuThreshold: number;
  readonly scaleOutStep: number;
  readonly scaleInStep: number;
}

export interface AutoscalingConfig {
  readonly mode: 'target-tracking' | 'step';
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly targetCpuUtilization: number;
  readonly targetMemoryUtilization: number;
  /** ALB requests per task the service is kept at, when set (load-balanced services only). */
  readonly targetRequestsPerTask?: number;
  readonly step: StepScalingConfig;
  readonly scaleInCooldownSeconds: number;
  readonly scaleOutCooldownSeconds: number;
}

export interface ContainerHealthCheckConfig {
  readonly command: string[];
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly retries: number;
  readonly startPeriodSeconds: number;
}

/** A secret injected as an environment variable. */
export interface SecretConfig {
  /** Environment variable name. */
  readonly name: string;
  /** Where ECS reads it from (`valueFrom`): a full ARN, possibly with a JSON key suffix. */
  readonly valueFrom: string;
  /**
   * The resource the execution role may read; unset for an SSM parameter given by name, which lives
   * in the environment's region and account (the stack builds its ARN).
   */
  readonly resourceArn?: string;
  readonly source: 'ssm' | 'secretsmanager';
}

export interface SidecarConfig {
  readonly name: string;
  readonly image: string;
  readonly containerPort?: number;
  readonly essential: boolean;
  readonly environment: Record<string, string>;
  readonly command?: string[];
  readonly cpu?: number;
  readonly memoryMiB?: number;
}

export interface ReverseProxyConfig {
  readonly image: string;
  readonly port: number;
}

/** How the load balancer reaches a service. */
export interface ServiceIngressConfig {
  /** Target group name (AWS limit 32 characters). */
  readonly targetGroupName: string;
  /** The service receives the listener's default action. */
  readonly defaultRoute: boolean;
  /** Its host names in the environment's domain (alias records, certificate names); with a domain. */
  readonly hostnames?: string[];
  /** Listener rule, when the service is routed by host or path. */
  readonly rule?: {
    readonly priority: number;
    readonly hostHeaders: string[];
    readonly pathPatterns: string[];
  };
}

export interface ServiceConfig {
  /** Service name, unique in the environment. */
  readonly name: string;
  /** Image to run when no image is passed at deploy time; the service's ECR repository when unset. */
  readonly image?: string;
  readonly containerPort: number;
  /** Task CPU units. */
  readonly cpu: number;
  /** Task memory, MiB. */
  readonly memoryMiB: number;
  readonly cpuArchitecture: 'X86_64' | 'ARM64';
  /** `EC2` when the strategy uses the cluster's Auto Scaling group, `FARGATE` otherwise. */
  readonly compatibility: 'FARGATE' | 'EC2';
  readonly capacityProviderStrategy: CapacityProviderStrategyConfig[];
  readonly desiredCount: number;
  readonly healthCheckPath: string;
  /** Status codes the load balancer's health check accepts (`matcher`). */
  readonly healthCheckSuccessCodes: string;
  /** Interval, timeout and thresholds of the load balancer's health check. */
  readonly targetHealthCheck: TargetHealthCheckConfig;
  readonly healthCheckGracePeriodSeconds: number;
  readonly deregistrationDelaySeconds: number;
  readonly stopTimeoutSeconds: number;
  readonly environment: Record<string, string>;
  readonly secrets: SecretConfig[];
  /** Customer managed key of the secrets, if any. */
  readonly secretsKmsKeyArn?: string;
  readonly command?: string[];
  readonly healthCheck?: ContainerHealthCheckConfig;
  readonly readonlyRootFilesystem: boolean;
  readonly sidecars: SidecarConfig[];
  readonly reverseProxy?: ReverseProxyConfig;
  /** Load balancer routing; unset for services reachable only through Service Connect. */
  readonly ingress?: ServiceIngressConfig;
  /** Exposed in the Service Connect namespace (every service of a namespace is a client). */
  readonly serviceConnect: boolean;
  readonly autoscaling: AutoscalingConfig;
  /** One-off task run on the new revision before the service is updated. */
  readonly release?: ReleaseTaskConfig;
  /** Name of the task execution role (fitted to IAM's 64 characters). */
  readonly executionRoleName: string;
  /** Name of the task role (fitted to IAM's 64 characters). */
  readonly taskRoleName: string;
}

export interface StaticSiteConfig {
  /** Prefix of the bucket's name; Terraform appends a unique suffix (S3 names are global). */
  readonly bucketPrefix: string;
  readonly priceClass: string;
  readonly defaultRootObject: string;
  readonly singlePageApp: boolean;
  readonly domainNames: string[];
  readonly certificateArn?: string;
  /** What the deploy path uploads to the bucket. */
  readonly publish: SitePublishingConfig;
  /** Web ACL (CloudFront scope, us-east-1) of the distribution, when WAF is on. */
  readonly waf?: WebAclConfig;
}

export interface EnvironmentConfig {
  /** Environment name: the first part of every stack name (`<name>-network`). */
  readonly name: string;
  readonly region: string;
  /** AWS partition of the region (`aws`, `aws-cn`, `aws-us-gov`). */
  readonly partition: string;
  /**
   * Target account. When set, ARNs are written literally and the AWS provider refuses any other
   * account; when unset, the stacks take it from a `account_id` variable or, left empty, the caller identity.
   */
  readonly accountId?: string;
  /** `production` or `development`: recorded for tooling; its defaults are already applied. */
  readonly preset: 'development' | 'production';
  readonly state: StateConfig;
  readonly network: NetworkConfig;
  readonly cluster: ClusterConfig;
  readonly loadBalancer: LoadBalancerConfig;
  readonly services: ServiceConfig[];
  readonly staticSite?: StaticSiteConfig;
  /** Days a deleted KMS key of the environment waits before it is gone (7 to 30). */
  readonly kmsKeyDeletionWindowDays: number;
  /** Queue workers, scheduled jobs and the topics they use; absent when there are none. */
  readonly workloads?: WorkloadsConfig;
  /** Databases, caches, buckets and tables (the `<env>-data` stack), when there are any. */
  readonly data?: DataConfig;
  /** Alarms, notifications and dashboard; absent, the environment has none (the Terraform modules). */
  readonly observability?: ObservabilityConfig;
  /** Hosted zone, alias records and DNS-validated certificates; present with a domain. */
  readonly domain?: DomainConfig;
  /** Default tags on every resource. */
  readonly tags: Record<string, string>;
  /** How this environment is deployed and planned (the project-wide settings are `PlatformConfig.deployment`). */
  readonly deployment: EnvironmentDeploymentConfig;
  /** Existing resources the environment's stacks import and keep the names of, when any. */
  readonly adopt?: AdoptionConfig;
}
