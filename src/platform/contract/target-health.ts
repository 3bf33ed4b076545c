import type { IntegerRule } from './rules';

/** How the load balancer decides that a target is healthy (the target group's `health_check`). */
export interface TargetHealthCheckConfig {
  /** Seconds between two checks of a target. */
  readonly intervalSeconds: number;
  /** Seconds without an answer after which a check fails; less than the interval. */
  readonly timeoutSeconds: number;
  /** Consecutive successes that make an unhealthy target healthy. */
  readonly healthyThreshold: number;
  /** Consecutive failures that make a healthy target unhealthy. */
  readonly unhealthyThreshold: number;
}

/** The ranges Elastic Load Balancing accepts for an HTTP target group of an ALB, and our defaults. */
export const TARGET_HEALTH_CHECK_RULES = {
  intervalSeconds: { min: 5, max: 300, default: 15 },
  timeoutSeconds: { min: 2, max: 120, default: 5 },
  healthyThreshold: { min: 2, max: 10, default: 2 },
  unhealthyThreshold: { min: 2, max: 10, default: 3 },
} as const satisfies Record<keyof TargetHealthCheckConfig, IntegerRule>;
