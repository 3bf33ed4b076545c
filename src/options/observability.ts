/**
 * Where the alarms of an environment notify.
 */
export interface AlarmNotificationOptions {
  /**
   * Send ALARM and OK notifications to the topic. Off, alarms still change state and still roll
   * deployments back, but nobody is notified.
   * @default - true in production, false in development
   */
  readonly enabled?: boolean;

  /**
   * E-mail addresses subscribed to the environment's alarm topic (each confirms by e-mail once).
   * @default []
   */
  readonly emails?: string[];

  /**
   * HTTPS endpoints subscribed to the alarm topic, e.g. the SNS integration URL of an incident tool.
   * @default []
   */
  readonly httpsEndpoints?: string[];

  /**
   * ARN of an existing SNS topic to notify instead of creating one (its owner manages subscriptions
   * and encryption). Cannot be combined with `emails` or `httpsEndpoints`.
   * @default - a KMS-encrypted topic per environment, created by the cluster stack
   */
  readonly topicArn?: string;
}

/**
 * Thresholds of the alarms. Every alarm reads one-minute periods and treats missing data as fine.
 */
export interface AlarmThresholds {
  /**
   * Target 5xx responses, percent of the requests (1 to 100).
   * @default 5
   */
  readonly target5xxRatePercent?: number;

  /**
   * p99 target response time, milliseconds (10 to 120000).
   * @default 2000
   */
  readonly targetResponseTimeP99Ms?: number;

  /**
   * Unhealthy targets of a service's target group (1 to 1000).
   * @default 1
   */
  readonly unhealthyHosts?: number;

  /**
   * Average CPU utilization of a service, percent (1 to 100).
   * @default 90
   */
  readonly cpuPercent?: number;

  /**
   * Average memory utilization of a service, percent (1 to 100).
   * @default 90
   */
  readonly memoryPercent?: number;

  /**
   * 5xx responses the load balancer itself returns (no healthy target, timeouts), per minute.
   * @default 10
   */
  readonly loadBalancer5xxPerMinute?: number;

  /**
   * Consecutive breaching minutes before an alarm fires (1 to 60).
   * @default 3
   */
  readonly evaluationMinutes?: number;

  /**
   * Minutes a service may run fewer tasks than desired before its alarm fires (1 to 60); needs
   * Container Insights.
   * @default 10
   */
  readonly tasksBelowDesiredMinutes?: number;
}

/**
 * Alarms, notifications and the dashboard of every environment.
 */
export interface ObservabilityOptions {
  /**
   * Alarms per service (target 5xx rate, p99 response time, unhealthy hosts, tasks below desired,
   * CPU, memory) and on the load balancer's own 5xx responses.
   * @default true
   */
  readonly alarms?: boolean;

  /**
   * Alarm thresholds.
   * @default {}
   */
  readonly thresholds?: AlarmThresholds;

  /**
   * Roll a deployment back when one of the service's deployment alarms (5xx rate, response time,
   * unhealthy hosts) fires during it: ECS deployment alarms for rolling deployments, the CodeDeploy
   * deployment group's alarms for blue/green. Off, the alarms only mark the deployment failed.
   * @default true
   */
  readonly rollbackOnAlarm?: boolean;

  /**
   * Where alarms notify.
   * @default - quiet in development, notifications on in production
   */
  readonly notifications?: AlarmNotificationOptions;

  /**
   * A CloudWatch dashboard per environment: requests, 5xx, latency, healthy hosts, CPU and memory
   * per service, load balancer and NAT traffic.
   * @default true
   */
  readonly dashboard?: boolean;
}
