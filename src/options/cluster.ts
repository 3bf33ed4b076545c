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
   * The application, VPC flow and ECS Exec audit logs keep it (the audit logs at least 90 days).
   * @default - 30 in development, 365 in production (an audit baseline)
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
