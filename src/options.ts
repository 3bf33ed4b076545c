import { typescript } from 'projen';
import type { DeploymentOptions } from './deployment-options';

/**
 * How private subnets reach the internet.
 */
export enum NatGateways {
  /** One NAT gateway in every availability zone: no cross-zone dependency (production). */
  PER_AZ = 'per-az',
  /** One NAT gateway shared by all zones: cheaper, one zone is a single point of failure. */
  SINGLE = 'single',
  /** No NAT gateway: private subnets have no route to the internet. */
  NONE = 'none',
}

/**
 * CPU architecture of the Fargate tasks.
 */
export enum CpuArchitecture {
  /** Intel/AMD 64-bit. */
  X86_64 = 'X86_64',
  /** AWS Graviton (arm64): the image must be built for linux/arm64. */
  ARM64 = 'ARM64',
}

/**
 * A bundle of defaults for an environment. Every value a preset sets can still be set explicitly.
 */
export enum EnvironmentPreset {
  /** Single NAT gateway, one task, no deletion protection. */
  DEVELOPMENT = 'development',
  /** NAT gateway per zone, at least two tasks, deletion protection on the load balancer. */
  PRODUCTION = 'production',
}

/**
 * One deployment environment (a network, a cluster and the services, in one account and region).
 */
export interface EnvironmentOptions {
  /**
   * Name of the environment: lowercase letters and digits, starting with a letter, at most 12 characters.
   * It starts every stack name (`<name>-network`, `<name>-cluster`, `<name>-service`) and resource name.
   */
  readonly name: string;

  /**
   * AWS region of the environment.
   * @default - the project's `region`
   */
  readonly region?: string;

  /**
   * AWS account id (12 digits). When set, ARNs are written literally and Terraform refuses to run
   * against any other account.
   * @default - the account of the credentials used at deploy time
   */
  readonly account?: string;

  /**
   * Defaults bundle for this environment.
   * @default - EnvironmentPreset.DEVELOPMENT
   */
  readonly preset?: EnvironmentPreset;
}

/**
 * The VPC of every environment.
 */
export interface NetworkOptions {
  /**
   * IPv4 CIDR block of the VPC, prefix length /16 to /22. Public and private subnets are carved
   * from it: one public and one private subnet per availability zone, each 1/16 of the VPC.
   * @default "10.0.0.0/16"
   */
  readonly cidr?: string;

  /**
   * Availability zones, at least two, all in the environment's region. Listed explicitly so that
   * synthesis needs no AWS API call.
   * @default - the zones "a" and "b" of the environment's region (e.g. ["us-east-1a","us-east-1b"])
   */
  readonly availabilityZones?: string[];

  /**
   * NAT gateways for the private subnets.
   * @default - NatGateways.SINGLE in development, NatGateways.PER_AZ in production
   */
  readonly natGateways?: NatGateways;

  /**
   * Record all VPC traffic as flow logs in a KMS-encrypted CloudWatch log group.
   * @default true
   */
  readonly flowLogs?: boolean;
}

/**
 * The ECS cluster, its image repositories and its logs.
 */
export interface ClusterOptions {
  /**
   * Enable CloudWatch Container Insights on the cluster.
   * @default true
   */
  readonly containerInsights?: boolean;

  /**
   * Retention of the cluster's log groups, in days. One of the values CloudWatch Logs accepts:
   * 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.
   * @default 30
   */
  readonly logRetentionDays?: number;

  /**
   * How many images each ECR repository keeps; older ones expire.
   * @default 30
   */
  readonly ecrKeepImages?: number;
}

/**
 * The Application Load Balancer in front of the services.
 */
export interface LoadBalancerOptions {
  /**
   * ARN of an ACM certificate in the environment's region. When set, the load balancer serves HTTPS
   * on 443 and redirects HTTP to HTTPS with a 301; otherwise it serves plain HTTP on 80.
   * @default - no certificate: plain HTTP
   */
  readonly certificateArn?: string;

  /**
   * IPv4 CIDR blocks allowed to reach the load balancer.
   * @default ["0.0.0.0/0"]
   */
  readonly allowedCidrs?: string[];

  /**
   * TLS policy of the HTTPS listener.
   * @default "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"
   */
  readonly sslPolicy?: string;

  /**
   * Protect the load balancer from deletion.
   * @default - false in development, true in production
   */
  readonly deletionProtection?: boolean;

  /**
   * Idle connection timeout, seconds (1 to 4000).
   * @default 60
   */
  readonly idleTimeoutSeconds?: number;
}

/**
 * One containerized HTTP service running on Fargate behind the load balancer.
 */
export interface ServiceOptions {
  /**
   * Service name: lowercase letters, digits and hyphens, starting with a letter, at most 32 characters.
   * @default - the resource prefix of the project
   */
  readonly name?: string;

  /**
   * Port the container listens on.
   * @default 8080
   */
  readonly containerPort?: number;

  /**
   * CPU units of the task (256 = 0.25 vCPU). Fargate accepts 256, 512, 1024, 2048, 4096, 8192, 16384.
   * @default 256
   */
  readonly cpu?: number;

  /**
   * Memory of the task in MiB; must be a valid Fargate combination with `cpu`.
   * @default 512
   */
  readonly memoryMiB?: number;

  /**
   * CPU architecture of the task.
   * @default - CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: CpuArchitecture;

  /**
   * Number of tasks at first deployment; autoscaling adjusts it afterwards.
   * @default - 1 in development, 2 in production
   */
  readonly desiredCount?: number;

  /**
   * Lower bound of autoscaling.
   * @default - the desired count
   */
  readonly minCapacity?: number;

  /**
   * Upper bound of autoscaling.
   * @default - four times the minimum capacity
   */
  readonly maxCapacity?: number;

  /**
   * Average CPU utilization, percent, that autoscaling keeps the service at.
   * @default 60
   */
  readonly targetCpuUtilization?: number;

  /**
   * Average memory utilization, percent, that autoscaling keeps the service at.
   * @default 80
   */
  readonly targetMemoryUtilization?: number;

  /**
   * HTTP path the load balancer checks; it must answer 2xx when the service is healthy.
   * @default "/health"
   */
  readonly healthCheckPath?: string;

  /**
   * Seconds after a task starts during which failed load balancer health checks are ignored.
   * @default 60
   */
  readonly healthCheckGracePeriodSeconds?: number;

  /**
   * Seconds the load balancer lets in-flight requests finish before a task is deregistered.
   * @default 30
   */
  readonly deregistrationDelaySeconds?: number;

  /**
   * Seconds between SIGTERM and SIGKILL when a task stops (2 to 120 on Fargate).
   * @default 30
   */
  readonly stopTimeoutSeconds?: number;

  /**
   * Environment variables of the container.
   * @default {}
   */
  readonly environment?: { [name: string]: string };

  /**
   * Run this image instead of building `app/` and pushing it to the service's ECR repository.
   * @default - the service's own ECR repository, tagged at deploy time
   */
  readonly image?: string;
}

/**
 * Where Terraform keeps the state of the stacks.
 */
export interface TerraformStateOptions {
  /**
   * S3 bucket holding the state, with native S3 locking (`use_lockfile`). When unset, state is kept
   * in local files next to each stack (fine for trying things out, not for a team).
   * @default - local state files
   */
  readonly bucket?: string;

  /**
   * Region of the state bucket.
   * @default - the project's `region`
   */
  readonly region?: string;

  /**
   * Prefix of the state object keys: `<keyPrefix>/<stack>.tfstate` (stacks are named `<environment>-network` etc.).
   * @default - the resource prefix of the project
   */
  readonly keyPrefix?: string;
}

/**
 * Options of an ECS service repository.
 */
export interface EcsServiceProjectOptions extends typescript.TypeScriptProjectOptions {
  /**
   * Default AWS region of the environments.
   * @default "us-east-1"
   * @featured
   */
  readonly region?: string;

  /**
   * Prefix of every AWS resource name: lowercase letters, digits and hyphens, starting with a letter,
   * at most 20 characters.
   * @default - the project name, lowercased, without npm scope, other characters replaced by hyphens
   */
  readonly resourcePrefix?: string;

  /**
   * Deployment environments, in deployment order.
   * @default [{"name":"dev"}]
   * @featured
   */
  readonly environments?: EnvironmentOptions[];

  /**
   * The VPC of every environment.
   * @default {}
   */
  readonly network?: NetworkOptions;

  /**
   * The ECS cluster of every environment.
   * @default {}
   */
  readonly cluster?: ClusterOptions;

  /**
   * The load balancer in front of the services.
   * @default {}
   */
  readonly loadBalancer?: LoadBalancerOptions;

  /**
   * The services; the first one receives the load balancer's default route.
   * @default - one service named after the project, built from `app/`
   * @featured
   */
  readonly services?: ServiceOptions[];

  /**
   * Where Terraform keeps state.
   * @default - local state files
   */
  readonly terraformState?: TerraformStateOptions;

  /**
   * Terraform version installed by the CI workflows.
   * @default "1.11.4"
   */
  readonly terraformVersion?: string;

  /**
   * How the services are built and deployed: GitHub Actions or CodePipeline, rolling or blue/green,
   * who owns the task definition, and the OIDC roles and approvals of each environment.
   * @default {}
   */
  readonly deployment?: DeploymentOptions;
}
