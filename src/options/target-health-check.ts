/**
 * How the load balancer decides whether a task is healthy (the target group's health check).
 */
export interface LoadBalancerHealthCheckOptions {
  /**
   * Seconds between two checks of a task (5 to 300).
   * @default 15
   */
  readonly intervalSeconds?: number;

  /**
   * Seconds without an answer after which a check fails (2 to 120, less than the interval).
   * @default 5
   */
  readonly timeoutSeconds?: number;

  /**
   * Consecutive successful checks that make a task healthy (2 to 10).
   * @default 2
   */
  readonly healthyThreshold?: number;

  /**
   * Consecutive failed checks that make a task unhealthy (2 to 10).
   * @default 3
   */
  readonly unhealthyThreshold?: number;
}
