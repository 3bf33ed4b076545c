import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { dependable } from 'cdktf';
import { Construct } from 'constructs';
import { alarmActions, AlarmActions } from './alarm-actions';
import { EnvironmentDashboard } from './environment-dashboard';
import { ALARM_PERIOD_SECONDS, metricAlarm } from './metric-alarm';
import { ServiceAlarms, TargetGroupMetrics } from './service-alarms';
import type { AlarmsConfig, ObservabilityConfig } from '../contract/observability-config';

/** One service as the monitoring sees it. */
export interface MonitoredService {
  readonly ecsService: EcsService;
  /** ARN suffix of its target group, when the load balancer routes to it. */
  readonly targetGroupArnSuffix?: string;
}

/** Properties of {@link EnvironmentMonitoring}. */
export interface EnvironmentMonitoringProps {
  readonly config: ObservabilityConfig;
  readonly region: string;
  /** The environment's alarm topic (the cluster stack's `alarm_topic_arn` output). */
  readonly topicArn: string;
  readonly clusterName: string;
  readonly containerInsights: boolean;
  readonly loadBalancerArnSuffix: string;
  /** By service name, in configuration order. */
  readonly services: Record<string, MonitoredService>;
  readonly natGatewayIds: string[];
}

/**
 * What the service stack watches: per service its alarms (the deployment alarms of rolling
 * deployments roll a bad release back), the load balancer's own 5xx alarm, and the environment's
 * dashboard. Alarms notify the environment's topic when notifications are on.
 */
export class EnvironmentMonitoring extends Construct {
  /** Alarms of each service, by service name. */
  public readonly serviceAlarms: Record<string, ServiceAlarms> = {};
  /** The load balancer's own 5xx alarm. */
  public readonly loadBalancer5xx?: CloudwatchMetricAlarm;
  public readonly dashboard?: EnvironmentDashboard;

  constructor(scope: Construct, id: string, props: EnvironmentMonitoringProps) {
    super(scope, id);
    const { config } = props;
    const actions = alarmActions(config, props.topicArn);
    if (config.alarms) {
      this.createServiceAlarms(props, config.alarms, actions);
      this.loadBalancer5xx = metricAlarm(this, 'load_balancer_5xx', {
        alarmName: config.alarms.loadBalancer5xxAlarmName,
        alarmDescription: `The load balancer itself answers ${config.alarms.thresholds.loadBalancer5xxPerMinute} or more 5xx per minute (no healthy target, timeouts)`,
        namespace: 'AWS/ApplicationELB',
        metricName: 'HTTPCode_ELB_5XX_Count',
        dimensions: { LoadBalancer: props.loadBalancerArnSuffix },
        statistic: 'Sum',
        period: ALARM_PERIOD_SECONDS,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: config.alarms.thresholds.loadBalancer5xxPerMinute,
      }, config.alarms.thresholds.evaluationMinutes, actions);
    }
    if (config.dashboard) {
      this.dashboard = new EnvironmentDashboard(this, 'dashboard', {
        config: config.dashboard,
        region: props.region,
        clusterName: props.clusterName,
        loadBalancerArnSuffix: props.loadBalancerArnSuffix,
        services: Object.entries(props.services).map(([name, service]) => ({
          name,
          ...(service.targetGroupArnSuffix !== undefined
            ? { targetGroup: { loadBalancer: props.loadBalancerArnSuffix, targetGroup: service.targetGroupArnSuffix } }
            : {}),
        })),
        containerInsights: props.containerInsights,
        natGatewayIds: props.natGatewayIds,
        alarms: this.alarms,
      });
    }
  }

  /** Every alarm of the environment's services and load balancer. */
  public get alarms(): CloudwatchMetricAlarm[] {
    return [...Object.values(this.serviceAlarms).flatMap((service) => service.alarms), ...(this.loadBalancer5xx ? [this.loadBalancer5xx] : [])];
  }

  /** The alarms that roll back a deployment of the service (none for a service without deployment alarms). */
  public deploymentAlarms(service: string): CloudwatchMetricAlarm[] {
    return this.serviceAlarms[service]?.deploymentAlarms ?? [];
  }

  /** Each service's alarms; its deployment alarms become ECS deployment alarms (replaced by CodeDeploy's for blue/green). */
  private createServiceAlarms(props: EnvironmentMonitoringProps, alarms: AlarmsConfig, actions: AlarmActions): void {
    for (const serviceAlarms of alarms.services) {
      const monitored = props.services[serviceAlarms.service];
      if (monitored === undefined) {
        throw new Error(`The alarms name service ${serviceAlarms.service}, which the stack does not have`);
      }
      const targetGroup: TargetGroupMetrics | undefined = monitored.targetGroupArnSuffix !== undefined
        ? { loadBalancerArnSuffix: props.loadBalancerArnSuffix, targetGroupArnSuffix: monitored.targetGroupArnSuffix }
        : undefined;
      const created = new ServiceAlarms(this, `service_${serviceAlarms.service}`, {
        config: serviceAlarms,
        thresholds: alarms.thresholds,
        actions,
        clusterName: props.clusterName,
        serviceName: serviceAlarms.service,
        ...(targetGroup ? { targetGroup } : {}),
      });
      this.serviceAlarms[serviceAlarms.service] = created;
      attachDeploymentAlarms(monitored.ecsService, serviceAlarms.deploymentAlarmNames, created.deploymentAlarms, alarms.rollback);
    }
  }
}

/** ECS watches the alarms during a rolling deployment and its bake time, and rolls back when one fires. */
function attachDeploymentAlarms(ecsService: EcsService, names: string[], deploymentAlarms: CloudwatchMetricAlarm[], rollback: boolean): void {
  if (names.length === 0) {
    return;
  }
  // Literal names (the alarms' dimensions name the service literally, so no cycle), and the alarms exist first.
  ecsService.putAlarms({ alarmNames: names, enable: true, rollback });
  ecsService.dependsOn = [...(ecsService.dependsOn ?? []), ...deploymentAlarms.map((alarm) => dependable(alarm))];
}
