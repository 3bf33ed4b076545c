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
  /** No NAT gateway: private subnets reach AWS services through VPC endpoints only. */
  NONE = 'none',
}

/**
 * CPU architecture of the tasks.
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
  /** Single NAT gateway, one task, Fargate Spot first, ECS Exec on, no deletion protection. */
  DEVELOPMENT = 'development',
  /** NAT gateway per zone, at least two tasks on on-demand Fargate, ECS Exec off, deletion protection. */
  PRODUCTION = 'production',
}

/**
 * Where ECS places the tasks of a service.
 */
export enum CapacityProvider {
  /** On-demand Fargate. */
  FARGATE = 'FARGATE',
  /** Fargate Spot: up to 70% cheaper, tasks may be stopped with two minutes' notice. */
  FARGATE_SPOT = 'FARGATE_SPOT',
  /** The cluster's EC2 Auto Scaling group (requires `cluster.ec2Capacity`). */
  EC2 = 'EC2',
}

/**
 * How a service's task count follows its load.
 */
export enum AutoscalingMode {
  /** Target tracking on average CPU and memory (and, when set, ALB requests per target). */
  TARGET_TRACKING = 'target-tracking',
  /** Step scaling driven by CloudWatch alarms on average CPU: add or remove tasks in steps. */
  STEP = 'step',
}

/**
 * CloudFront price class of the static site: which edge locations serve it.
 */
export enum PriceClass {
  /** North America and Europe. */
  PRICE_CLASS_100 = 'PriceClass_100',
  /** Adds Asia, the Middle East and Africa. */
  PRICE_CLASS_200 = 'PriceClass_200',
  /** Every edge location. */
  PRICE_CLASS_ALL = 'PriceClass_All',
}

/**
 * One deployment environment (a network, a cluster and the services, in one account and region).
 * Everything not set here comes from the project-wide options and the preset.
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

  /**
   * IPv4 CIDR block of this environment's VPC (distinct blocks let environments be peered later).
   * @default - `network.cidr`
   */
  readonly vpcCidr?: string;

  /**
   * Availability zones of this environment (needed when its region differs from the project's).
   * @default - `network.availabilityZones`
   */
  readonly availabilityZones?: string[];

  /**
   * NAT gateways of this environment.
   * @default - `network.natGateways`, else the preset's
   */
  readonly natGateways?: NatGateways;

  /**
   * ACM certificate of this environment's load balancer (certificates belong to one account and region).
   * @default - `loadBalancer.certificateArn`
   */
  readonly certificateArn?: string;

  /**
   * Protect this environment's load balancer from deletion.
   * @default - `loadBalancer.deletionProtection`, else true in production and false in development
   */
  readonly deletionProtection?: boolean;

  /**
   * Retention of this environment's log groups, in days (a value CloudWatch Logs accepts).
   * @default - `cluster.logRetentionDays`
   */
  readonly logRetentionDays?: number;

  /**
   * Allow `aws ecs execute-command` into this environment's containers.
   * @default - `cluster.executeCommand`, else true in development and false in production
   */
  readonly executeCommand?: boolean;

  /**
   * Desired task count of every service in this environment.
   * @default - the service's `desiredCount`, else 1 in development and 2 in production
   */
  readonly desiredCount?: number;

  /**
   * Lower autoscaling bound of every service in this environment.
   * @default - the service's `minCapacity`, else the desired count
   */
  readonly minCapacity?: number;

  /**
   * Upper autoscaling bound of every service in this environment.
   * @default - the service's `maxCapacity`, else four times the minimum capacity
   */
  readonly maxCapacity?: number;

  /**
   * Default capacity provider strategy of this environment's services.
   * @default - `cluster.capacityProviderStrategy`, else the preset's
   */
  readonly capacityProviderStrategy?: CapacityProviderStrategyItem[];
}

/**
 * An existing VPC to deploy into instead of creating one. The network stack then only passes
 * these ids on; the VPC's owner keeps its routing, NAT, endpoints and flow logs.
 */
export interface ExistingVpcOptions {
  /** ID of the VPC, e.g. "vpc-0123456789abcdef0". */
  readonly vpcId: string;
  /** Public subnets for the load balancer, in at least two availability zones. */
  readonly publicSubnetIds: string[];
  /** Private subnets with a route to AWS services (NAT or endpoints) for the tasks, in at least two zones. */
  readonly privateSubnetIds: string[];
}

/**
 * The VPC of every environment.
 */
export interface NetworkOptions {
  /**
   * IPv4 CIDR block of the VPC, prefix length /16 to /28. Unless the subnet CIDRs are given, public
   * and private subnets are carved from it (which needs /24 or larger): one public and one private
   * subnet per availability zone, each 1/16 of the VPC.
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
   * CIDR blocks of the public subnets, one per availability zone, inside the VPC and not overlapping.
   * @default - the first 1/16 slices of the VPC, one per zone
   */
  readonly publicSubnetCidrs?: string[];

  /**
   * CIDR blocks of the private subnets, one per availability zone, inside the VPC and not overlapping.
   * @default - the 1/16 slices of the VPC's second half, one per zone
   */
  readonly privateSubnetCidrs?: string[];

  /**
   * NAT gateways for the private subnets.
   * @default - NatGateways.SINGLE in development, NatGateways.PER_AZ in production
   */
  readonly natGateways?: NatGateways;

  /**
   * Create VPC endpoints so tasks reach AWS without the internet: an S3 gateway endpoint and interface
   * endpoints for ECR (api, dkr) and CloudWatch Logs, plus SSM, Secrets Manager, SSM Messages, KMS
   * and the ECS agent endpoints when services use secrets, ECS Exec or EC2 capacity.
   * @default - true when `natGateways` is NatGateways.NONE, false otherwise
   */
  readonly vpcEndpoints?: boolean;

  /**
   * Record all VPC traffic as flow logs in a KMS-encrypted CloudWatch log group.
   * @default true
   */
  readonly flowLogs?: boolean;

  /**
   * Deploy into an existing VPC instead of creating one.
   * @default - a new VPC per environment
   */
  readonly existingVpc?: ExistingVpcOptions;
}

/**
 * One entry of a capacity provider strategy.
 */
export interface CapacityProviderStrategyItem {
  /** The capacity provider. */
  readonly capacityProvider: CapacityProvider;

  /**
   * Tasks placed on this provider before the weights apply (only one entry may have a base).
   * @default 0
   */
  readonly base?: number;

  /**
   * Relative share of the tasks beyond the bases.
   * @default 1
   */
  readonly weight?: number;
}

/**
 * An EC2 Auto Scaling group registered with the cluster as a capacity provider.
 */
export interface Ec2CapacityOptions {
  /**
   * Instance type; its architecture (Graviton types such as t4g, m7g, c7g are ARM64) must match the
   * services placed on it.
   * @default "t3.medium"
   */
  readonly instanceType?: string;

  /**
   * Smallest number of instances.
   * @default 1
   */
  readonly minSize?: number;

  /**
   * Largest number of instances.
   * @default 4
   */
  readonly maxSize?: number;

  /**
   * Utilization of the instances that ECS managed scaling keeps, percent (100 packs tasks tightly).
   * @default 100
   */
  readonly targetCapacityPercent?: number;

  /**
   * Size of each instance's encrypted root volume, GiB.
   * @default 30
   */
  readonly rootVolumeSizeGiB?: number;
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
   * How many tagged images each ECR repository keeps; older ones expire. Untagged images expire after 7 days.
   * @default 30
   */
  readonly ecrKeepImages?: number;

  /**
   * Default capacity provider strategy of the services.
   * @default - development: [{"capacityProvider":"FARGATE_SPOT","weight":3},{"capacityProvider":"FARGATE","weight":1}]; production: [{"capacityProvider":"FARGATE","base":1,"weight":1}]
   */
  readonly capacityProviderStrategy?: CapacityProviderStrategyItem[];

  /**
   * Add an EC2 Auto Scaling group as a capacity provider (ECS-optimized Amazon Linux 2023, IMDSv2
   * only, managed scaling and draining). Services opt in with the EC2 capacity provider.
   * @default - Fargate only
   */
  readonly ec2Capacity?: Ec2CapacityOptions;

  /**
   * Allow `aws ecs execute-command` into running containers; sessions are encrypted with the
   * cluster's KMS key and audited to a KMS-encrypted log group.
   * @default - true in development, false in production
   */
  readonly executeCommand?: boolean;

  /**
   * Create a Cloud Map namespace `<project>-<env>` for ECS Service Connect, so services call each
   * other by name (`http://<service>:<port>`).
   * @default - true when there is more than one service
   */
  readonly serviceConnect?: boolean;

  /**
   * Name of an existing ECS cluster to run the services in instead of creating one. Its capacity
   * providers are then managed by its owner.
   * @default - a new cluster per environment
   */
  readonly existingClusterName?: string;
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
   * More ACM certificates served by SNI, e.g. for services routed by other host names.
   * @default []
   */
  readonly additionalCertificateArns?: string[];

  /**
   * Answer plain HTTP with a 301 redirect to HTTPS. Only possible with a certificate.
   * @default - true when a certificate is set
   */
  readonly redirectHttpToHttps?: boolean;

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

  /**
   * Port of the plain HTTP listener.
   * @default 80
   */
  readonly httpPort?: number;

  /**
   * Port of the HTTPS listener (with a certificate).
   * @default 443
   */
  readonly httpsPort?: number;

  /**
   * Write access logs to an S3 bucket (SSE-S3, public access blocked, TLS only, expiring after
   * `accessLogRetentionDays`).
   * @default true
   */
  readonly accessLogs?: boolean;

  /**
   * Days the access logs are kept.
   * @default 90
   */
  readonly accessLogRetentionDays?: number;
}

/**
 * A container health check run by ECS inside the task.
 */
export interface ContainerHealthCheckOptions {
  /**
   * Command, in Docker's form: ["CMD", "executable", "arg"] or ["CMD-SHELL", "shell command"].
   */
  readonly command: string[];

  /**
   * Seconds between checks (5 to 300).
   * @default 30
   */
  readonly intervalSeconds?: number;

  /**
   * Seconds before a check counts as failed (2 to 60).
   * @default 5
   */
  readonly timeoutSeconds?: number;

  /**
   * Consecutive failures before the container is unhealthy (1 to 10).
   * @default 3
   */
  readonly retries?: number;

  /**
   * Seconds after start during which failures do not count (0 to 300).
   * @default 0
   */
  readonly startPeriodSeconds?: number;
}

/**
 * An additional container in a service's task.
 */
export interface SidecarOptions {
  /** Container name: lowercase letters, digits and hyphens, unique in the task. */
  readonly name: string;

  /** Image reference, e.g. "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0". */
  readonly image: string;

  /**
   * Port the container listens on, reachable by the other containers at localhost.
   * @default - no port
   */
  readonly containerPort?: number;

  /**
   * Whether the task stops when this container stops.
   * @default false
   */
  readonly essential?: boolean;

  /**
   * Environment variables of the container.
   * @default {}
   */
  readonly environment?: { [name: string]: string };

  /**
   * Command overriding the image's.
   * @default - the image's command
   */
  readonly command?: string[];

  /**
   * CPU units reserved for the container out of the task's.
   * @default - shared
   */
  readonly cpu?: number;

  /**
   * Hard memory limit of the container, MiB.
   * @default - the task's memory
   */
  readonly memoryMiB?: number;
}

/**
 * An nginx reverse proxy in the task, receiving the load balancer's traffic and passing it to the
 * application container over localhost.
 */
export interface ReverseProxyOptions {
  /**
   * nginx image.
   * @default "public.ecr.aws/nginx/nginx:1.27-alpine"
   */
  readonly image?: string;

  /**
   * Port nginx listens on (the target group's port); must differ from the application's.
   * @default 80
   */
  readonly port?: number;
}

/**
 * How the load balancer routes to a service besides the default route.
 */
export interface ServiceRoutingOptions {
  /**
   * Host names routed to the service, e.g. ["api.example.com"] (wildcards allowed).
   * @default []
   */
  readonly hostHeaders?: string[];

  /**
   * Path patterns routed to the service, e.g. ["/api/*"].
   * @default - ["/<service>","/<service>/*"] unless host headers are set
   */
  readonly pathPatterns?: string[];

  /**
   * Priority of the listener rule (1 to 50000, lower wins, unique per load balancer).
   * @default - 100 plus the service's position
   */
  readonly priority?: number;
}

/**
 * Step scaling on the service's average CPU, driven by two CloudWatch alarms.
 */
export interface StepScalingOptions {
  /**
   * Average CPU percent above which tasks are added.
   * @default 70
   */
  readonly scaleOutCpuThreshold?: number;

  /**
   * Average CPU percent below which tasks are removed.
   * @default 20
   */
  readonly scaleInCpuThreshold?: number;

  /**
   * Tasks added per step.
   * @default 1
   */
  readonly scaleOutStep?: number;

  /**
   * Tasks removed per step.
   * @default 1
   */
  readonly scaleInStep?: number;
}

/**
 * One containerized HTTP service running behind the load balancer (or reachable only through
 * Service Connect).
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
   * Memory of the task in MiB; on Fargate it must be a valid combination with `cpu`.
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
   * How the task count follows the load.
   * @default - AutoscalingMode.TARGET_TRACKING
   */
  readonly autoscalingMode?: AutoscalingMode;

  /**
   * Average CPU utilization, percent, that target tracking keeps the service at.
   * @default 60
   */
  readonly targetCpuUtilization?: number;

  /**
   * Average memory utilization, percent, that target tracking keeps the service at.
   * @default 80
   */
  readonly targetMemoryUtilization?: number;

  /**
   * Load balancer requests per task per minute that target tracking keeps the service at.
   * @default - no request-count tracking
   */
  readonly targetRequestsPerTask?: number;

  /**
   * Settings of `AutoscalingMode.STEP`.
   * @default {}
   */
  readonly stepScaling?: StepScalingOptions;

  /**
   * HTTP path the load balancer checks; it must answer 2xx when the service is healthy.
   * @default "/health"
   */
  readonly healthCheckPath?: string;

  /**
   * HTTP status codes the load balancer's health check accepts, e.g. "200" or "200-299" or "200,301,302".
   * @default "200-299"
   */
  readonly healthCheckSuccessCodes?: string;

  /**
   * Seconds after a task starts during which failed load balancer health checks are ignored; at
   * least the container health check's start period.
   * @default 60
   */
  readonly healthCheckGracePeriodSeconds?: number;

  /**
   * Seconds the load balancer lets in-flight requests finish before a task is deregistered.
   * @default 30
   */
  readonly deregistrationDelaySeconds?: number;

  /**
   * Seconds between SIGTERM and SIGKILL when a task stops (2 to 120).
   * @default 30
   */
  readonly stopTimeoutSeconds?: number;

  /**
   * Environment variables of the container.
   * @default {}
   */
  readonly environment?: { [name: string]: string };

  /**
   * Secrets injected as environment variables, by variable name: the ARN of a Secrets Manager
   * secret (optionally ending in `:<json-key>::`), the ARN of an SSM parameter, or an SSM parameter
   * name starting with "/". The execution role may read exactly these, and decrypt with `secretsKmsKeyArn`.
   * @default {}
   */
  readonly secrets?: { [name: string]: string };

  /**
   * KMS key encrypting the secrets, when it is a customer managed key.
   * @default - the AWS managed keys
   */
  readonly secretsKmsKeyArn?: string;

  /**
   * Run this image instead of building `app/` and pushing it to the service's ECR repository.
   * @default - the service's own ECR repository, tagged at deploy time
   */
  readonly image?: string;

  /**
   * Command overriding the image's.
   * @default - the image's command
   */
  readonly command?: string[];

  /**
   * Container health check.
   * @default - none (the load balancer's health check still applies)
   */
  readonly healthCheck?: ContainerHealthCheckOptions;

  /**
   * Mount the root file system read-only; `/tmp` stays writable.
   * @default true
   */
  readonly readonlyRootFilesystem?: boolean;

  /**
   * More containers in the task.
   * @default []
   */
  readonly sidecars?: SidecarOptions[];

  /**
   * Put an nginx reverse proxy in front of the application container.
   * @default - none: the load balancer reaches the application directly
   */
  readonly reverseProxy?: ReverseProxyOptions;

  /**
   * Where the tasks run.
   * @default - the cluster's capacity provider strategy
   */
  readonly capacityProviderStrategy?: CapacityProviderStrategyItem[];

  /**
   * Route load balancer traffic to this service. A service without it is reachable only from other
   * services through Service Connect (a backend tier).
   * @default true
   */
  readonly loadBalanced?: boolean;

  /**
   * Listener rule of this service. The first load-balanced service also receives the default route.
   * @default - path patterns "/<service>" and "/<service>/*" for every load-balanced service but the first
   */
  readonly routing?: ServiceRoutingOptions;

  /**
   * Expose the service in the cluster's Service Connect namespace as `<name>:<containerPort>`.
   * @default - true when the cluster has Service Connect
   */
  readonly serviceConnect?: boolean;
}

/**
 * A static website (for example a single-page frontend) in a private S3 bucket, served by
 * CloudFront through origin access control.
 */
export interface StaticSiteOptions {
  /**
   * CloudFront price class.
   * @default - PriceClass.PRICE_CLASS_100
   */
  readonly priceClass?: PriceClass;

  /**
   * Object served for "/".
   * @default "index.html"
   */
  readonly defaultRootObject?: string;

  /**
   * Serve the root object with status 200 for unknown paths (client-side routing).
   * @default true
   */
  readonly singlePageApp?: boolean;

  /**
   * Alternate domain names of the distribution; requires `certificateArn`.
   * @default []
   */
  readonly domainNames?: string[];

  /**
   * ACM certificate in us-east-1 for the domain names.
   * @default - the cloudfront.net certificate
   */
  readonly certificateArn?: string;
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
   * The services; the first load-balanced one receives the load balancer's default route.
   * @default - one service named after the project, built from `app/`
   * @featured
   */
  readonly services?: ServiceOptions[];

  /**
   * A static website served by CloudFront from S3, next to the services.
   * @default - none
   */
  readonly staticSite?: StaticSiteOptions;

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
