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
