/**
 * The resolved configuration of an environment's alarms, notifications, dashboard and web ACLs.
 * Dependency-free, like the rest of the contract.
 */

/** One subscription of the alarm topic. */
export interface AlarmSubscriptionConfig {
  readonly protocol: 'email' | 'https';
  /** E-mail address or HTTPS URL. */
  readonly endpoint: string;
}

/** The environment's alarm topic, created by the cluster stack. */
export interface CreatedAlarmTopicConfig {
  readonly kind: 'created';
  /** Topic name (SNS limit 256 characters). */
  readonly name: string;
  /** Alias of the topic's KMS key, without `alias/`. */
  readonly keyAlias: string;
  readonly subscriptions: AlarmSubscriptionConfig[];
}

/** A topic owned elsewhere (e.g. by the platform team's paging integration). */
export interface ExistingAlarmTopicConfig {
  readonly kind: 'existing';
  readonly arn: string;
}

/** The topic the environment's alarms notify. */
export type AlarmTopicConfig = CreatedAlarmTopicConfig | ExistingAlarmTopicConfig;

/** Thresholds of the alarms, as typed in the options (validated against `ALARM_RULES`). */
export interface AlarmThresholdsConfig {
  /** Target 5xx responses as a percentage of requests. */
  readonly target5xxRatePercent: number;
  /** p99 of the target response time, milliseconds. */
  readonly targetResponseTimeP99Ms: number;
  /** Unhealthy targets of a service's target group. */
  readonly unhealthyHosts: number;
  /** Average CPU utilization of a service, percent. */
  readonly cpuPercent: number;
  /** Average memory utilization of a service, percent. */
  readonly memoryPercent: number;
  /** 5xx responses the load balancer itself returns, per minute. */
  readonly loadBalancer5xxPerMinute: number;
  /** Consecutive one-minute periods breaching before an alarm fires. */
  readonly evaluationMinutes: number;
  /** Minutes with fewer running tasks than desired before that alarm fires. */
  readonly tasksBelowDesiredMinutes: number;
}

/** Names of the alarms of one service; load balancer alarms only for routed services. */
export interface ServiceAlarmNames {
  readonly target5xxRate?: string;
  readonly targetResponseTime?: string;
  readonly unhealthyHosts?: string;
  /** Only with Container Insights, whose metrics it reads. */
  readonly tasksBelowDesired?: string;
  readonly cpu: string;
  readonly memory: string;
}

/** The alarms of one service. */
export interface ServiceAlarmsConfig {
  readonly service: string;
  readonly names: ServiceAlarmNames;
  /**
   * The alarms that stop and roll back a deployment (ECS deployment alarms with rolling
   * deployments, the CodeDeploy deployment group's alarms with blue/green): the signals of a bad
   * release. CPU, memory and task count are left out: they follow load, not releases.
   */
  readonly deploymentAlarmNames: string[];
}

/** The alarms of an environment: thresholds, rollback, and every alarm's name. */
export interface AlarmsConfig {
  readonly thresholds: AlarmThresholdsConfig;
  /** A deployment alarm rolls the deployment back (otherwise it only marks it failed). */
  readonly rollback: boolean;
  readonly services: ServiceAlarmsConfig[];
  /** Name of the load balancer's own 5xx alarm. */
  readonly loadBalancer5xxAlarmName: string;
}

/** The environment's CloudWatch dashboard. */
export interface DashboardConfig {
  /** Dashboard name (letters, digits, `-` and `_`, at most 255 characters). */
  readonly name: string;
}

/** Alarms, notifications and dashboard of an environment. */
export interface ObservabilityConfig {
  /** Where alarms notify; its ARN is the cluster stack's `alarm_topic_arn` output. */
  readonly topic: AlarmTopicConfig;
  /** Alarms send ALARM and OK notifications to the topic (off: they only change state). */
  readonly notify: boolean;
  /** The alarms, when on. */
  readonly alarms?: AlarmsConfig;
  /** The environment's dashboard, when on. */
  readonly dashboard?: DashboardConfig;
}

/** A web ACL the platform creates: AWS managed rules, a rate limit per IP, logs in CloudWatch. */
export interface ManagedWebAclConfig {
  readonly kind: 'created';
  /** Web ACL name (letters, digits, `-` and `_`, at most 128 characters); also its metric name. */
  readonly name: string;
  /** AWS managed rule groups (vendor `AWS`) in evaluation order. */
  readonly managedRuleGroups: string[];
  /** Requests one IP address may make in 5 minutes before it is blocked. */
  readonly rateLimit: number;
  /** The log group WAF writes to (its name must start with `aws-waf-logs-`). */
  readonly logGroupName: string;
  readonly logRetentionDays: number;
}

/** A web ACL owned elsewhere: only associated. */
export interface ExistingWebAclConfig {
  readonly kind: 'existing';
  readonly arn: string;
}

/** The web ACL in front of the load balancer or the static site. */
export type WebAclConfig = ManagedWebAclConfig | ExistingWebAclConfig;
