import type { AdoptedResourceOptions } from './adoption';
import type { CapacityProviderStrategyItem } from './cluster';
import type { CacheSettingsOptions, DatabaseSettingsOptions } from './data';
import type { ExistingVpcOptions, NatGateways } from './network';
import type { AlarmNotificationOptions } from './observability';
import type { ServiceOptions } from './service';

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
   * CIDR blocks of this environment's public subnets, one per availability zone.
   * @default - `network.publicSubnetCidrs`, else carved from the environment's VPC
   */
  readonly publicSubnetCidrs?: string[];

  /**
   * CIDR blocks of this environment's private subnets, one per availability zone.
   * @default - `network.privateSubnetCidrs`, else carved from the environment's VPC
   */
  readonly privateSubnetCidrs?: string[];

  /**
   * An existing VPC this environment deploys into (environments often live in different VPCs).
   * @default - `network.existingVpc`, else a new VPC
   */
  readonly existingVpc?: ExistingVpcOptions;

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
   * This environment's domain, in `domain.zoneName`: the apex of its records and certificates.
   * @default - `domain.zoneName` in production, `<name>.<domain.zoneName>` otherwise
   */
  readonly domainName?: string;

  /**
   * Protect this environment's load balancer from deletion.
   * @default - `loadBalancer.deletionProtection`, else true in production and false in development
   */
  readonly deletionProtection?: boolean;

  /**
   * Retention of this environment's log groups, in days (a value CloudWatch Logs accepts).
   * @default - `cluster.logRetentionDays`, else 30 in development and 365 in production
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

  /**
   * Days a deleted KMS key of this environment (log, artifact and data keys) stays recoverable
   * before KMS deletes it (7 to 30).
   * @default - 30 in production, 7 in development
   */
  readonly kmsKeyDeletionWindowDays?: number;

  /**
   * Where this environment's alarms notify, replacing the project-wide `observability.notifications`
   * (e.g. a staging environment notifying another address).
   * @default - `observability.notifications`
   */
  readonly notifications?: AlarmNotificationOptions;

  /**
   * Tags on every resource of this environment, over the project's `tags` (same limits).
   * @default {}
   */
  readonly tags?: { [key: string]: string };

  /**
   * Existing resources this environment takes over instead of creating them (e.g. from an AWS
   * Copilot application): each keeps its name and is imported by the first apply.
   * @default []
   */
  readonly adopt?: AdoptedResourceOptions[];

  /**
   * Settings of individual services in this environment, by service name. Each set option replaces
   * the service's own (`environment` and `secrets` are merged by variable name); `name` cannot change.
   * @default {}
   */
  readonly serviceOverrides?: { [service: string]: ServiceOptions };

  /**
   * Settings of individual databases of `data.databases` in this environment, by database name, e.g.
   * a larger instance class or more Aurora capacity in production. Each set option replaces the
   * database's own.
   * @default {}
   */
  readonly databaseOverrides?: { [database: string]: DatabaseSettingsOptions };

  /**
   * Settings of individual caches of `data.caches` in this environment, by cache name. Each set
   * option replaces the cache's own.
   * @default {}
   */
  readonly cacheOverrides?: { [cache: string]: CacheSettingsOptions };
}
