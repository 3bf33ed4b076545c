import type { CapacityProviderStrategyItem } from './cluster';
import type { ContainerHealthCheckOptions, ReverseProxyOptions, SidecarOptions } from './containers';
import type { ReleaseTaskOptions } from './release';
import type { ServiceRoutingOptions } from './routing';
import type { AutoscalingMode, StepScalingOptions } from './scaling';
import type { LoadBalancerHealthCheckOptions } from './target-health-check';

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
   * Interval, timeout and thresholds of the load balancer's health check.
   * @default {}
   */
  readonly loadBalancerHealthCheck?: LoadBalancerHealthCheckOptions;

  /**
   * A one-off task run on the new revision before the service is updated (migrations); its
   * failure stops the deployment.
   * @default - none
   */
  readonly release?: ReleaseTaskOptions;

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
   * Host names of the service relative to the environment's domain (needs `domain`), e.g. ["api"]:
   * `api.dev.example.com` in dev, `api.example.com` in production. Each gets alias records to the load
   * balancer and a name on its certificate, and routes to the service through a host-header listener rule.
   * @default []
   */
  readonly hostnames?: string[];

  /**
   * Expose the service in the cluster's Service Connect namespace as `<name>:<containerPort>`.
   * @default - true when the cluster has Service Connect
   */
  readonly serviceConnect?: boolean;

  /**
   * SNS topics this service publishes to: each a KMS-encrypted topic `<project>-<env>-<topic>`,
   * its ARN in `<TOPIC>_TOPIC_ARN`; workers subscribe to them by name.
   * @default []
   */
  readonly publishes?: string[];
}
