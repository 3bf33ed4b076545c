import type { DeploymentConfig } from './deployment-config';

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
  /**
   * How the services are built and deployed. When absent, Terraform owns the task definitions of
   * rolling deployments and no pipeline or bootstrap stack is synthesized.
   */
  readonly deployment?: DeploymentConfig;
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
  /** Object keys are `<keyPrefix>/<stack>.tfstate`. */
  readonly keyPrefix: string;
}

export type NatGatewayMode = 'per-az' | 'single' | 'none';

export interface NetworkConfig {
  readonly cidr: string;
  readonly availabilityZones: string[];
  /** One CIDR per availability zone, same order. */
  readonly publicSubnetCidrs: string[];
  /** One CIDR per availability zone, same order. */
  readonly privateSubnetCidrs: string[];
  readonly natGateways: NatGatewayMode;
  readonly flowLogs: boolean;
}

export interface ClusterConfig {
  readonly containerInsights: boolean;
  /** Retention of the cluster's KMS-encrypted log groups, days. */
  readonly logRetentionDays: number;
  /** Tagged images kept by the ECR lifecycle policy. */
  readonly ecrKeepImages: number;
  /** Days after which untagged images expire. */
  readonly ecrUntaggedExpiryDays: number;
}

export interface LoadBalancerConfig {
  /** Full ALB name (AWS limit 32 characters). */
  readonly name: string;
  /** ACM certificate: HTTPS listener plus HTTP→HTTPS redirect when set, plain HTTP otherwise. */
  readonly certificateArn?: string;
  readonly sslPolicy: string;
  /** CIDRs allowed to reach the ALB listeners. */
  readonly allowedCidrs: string[];
  readonly deletionProtection: boolean;
  readonly idleTimeoutSeconds: number;
}

export interface AutoscalingConfig {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly targetCpuUtilization: number;
  readonly targetMemoryUtilization: number;
  readonly scaleInCooldownSeconds: number;
  readonly scaleOutCooldownSeconds: number;
}

export interface ServiceConfig {
  /** Service name, unique in the environment. */
  readonly name: string;
  /** Target group name (AWS limit 32 characters). */
  readonly targetGroupName: string;
  /** Image to run when no image is passed at deploy time; the service's ECR repository when unset. */
  readonly image?: string;
  readonly containerPort: number;
  /** Fargate CPU units. */
  readonly cpu: number;
  /** Fargate memory, MiB. */
  readonly memoryMiB: number;
  readonly cpuArchitecture: 'X86_64' | 'ARM64';
  readonly desiredCount: number;
  readonly healthCheckPath: string;
  readonly healthCheckGracePeriodSeconds: number;
  readonly deregistrationDelaySeconds: number;
  readonly stopTimeoutSeconds: number;
  readonly environment: Record<string, string>;
  readonly autoscaling: AutoscalingConfig;
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
  readonly state: StateConfig;
  readonly network: NetworkConfig;
  readonly cluster: ClusterConfig;
  readonly loadBalancer: LoadBalancerConfig;
  readonly services: ServiceConfig[];
  /** Default tags on every resource. */
  readonly tags: Record<string, string>;
}
