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
