import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import type { AlarmActions } from './alarm-actions';
import { ALARM_PERIOD_SECONDS, metricAlarm } from './metric-alarm';
import type { AlarmThresholdsConfig, ServiceAlarmsConfig } from '../contract/observability-config';

/** Where a routed service's load balancer metrics come from. */
export interface TargetGroupMetrics {
  readonly loadBalancerArnSuffix: string;
  readonly targetGroupArnSuffix: string;
}

/** Properties of {@link ServiceAlarms}. */
export interface ServiceAlarmsProps {
  readonly config: ServiceAlarmsConfig;
  readonly thresholds: AlarmThresholdsConfig;
  readonly actions: AlarmActions;
  /** Cluster and service names as CloudWatch dimensions (literals, so the service may depend on its alarms). */
  readonly clusterName: string;
  readonly serviceName: string;
  /** The service's target group, when the load balancer routes to it. */
  readonly targetGroup?: TargetGroupMetrics;
}

/**
 * The alarms of one service: target 5xx rate, p99 target response time and unhealthy hosts (when
 * routed), running tasks below desired (Container Insights), CPU and memory.
 */
export class ServiceAlarms extends Construct {
  /** Every alarm of the service. */
  public readonly alarms: CloudwatchMetricAlarm[] = [];
  /** The alarms that stop and roll back a deployment. */
  public readonly deploymentAlarms: CloudwatchMetricAlarm[] = [];

  private readonly props: ServiceAlarmsProps;

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    this.props = props;
    const { names } = props.config;
    const { thresholds } = props;
    if (props.targetGroup) {
      this.addTargetAlarms(props.targetGroup);
    }
    if (names.tasksBelowDesired !== undefined) {
      this.addTasksBelowDesired(names.tasksBelowDesired);
    }
    this.addUtilization('cpu', names.cpu, 'CPUUtilization', thresholds.cpuPercent);
    this.addUtilization('memory', names.memory, 'MemoryUtilization', thresholds.memoryPercent);
    const deploymentNames = new Set(props.config.deploymentAlarmNames);
    this.deploymentAlarms.push(...this.alarms.filter((alarm) => deploymentNames.has(alarm.alarmNameInput ?? '')));
  }

  /** 5xx rate, p99 response time and unhealthy hosts of the service's target group. */
  private addTargetAlarms(targetGroup: TargetGroupMetrics): void {
    const { names } = this.props.config;
    const { thresholds, actions, serviceName } = this.props;
    const minutes = thresholds.evaluationMinutes;
    const dimensions = { LoadBalancer: targetGroup.loadBalancerArnSuffix, TargetGroup: targetGroup.targetGroupArnSuffix };
    const albMetric = (metricName: string, stat: string) =>
      ({ namespace: 'AWS/ApplicationELB', metricName, dimensions, period: ALARM_PERIOD_SECONDS, stat });
    const { target5xxRate, targetResponseTime, unhealthyHosts } = names;
    if (target5xxRate !== undefined) {
      this.alarms.push(metricAlarm(this, 'target_5xx_rate', {
        alarmName: target5xxRate,
        alarmDescription: `Target 5xx responses of ${serviceName} above ${thresholds.target5xxRatePercent}% of its requests`,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: thresholds.target5xxRatePercent,
        metricQuery: [
          { id: 'errors', metric: albMetric('HTTPCode_Target_5XX_Count', 'Sum') },
          { id: 'requests', metric: albMetric('RequestCount', 'Sum') },
          { id: 'rate', expression: 'IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / requests, 0)', label: 'Target 5xx rate (%)', returnData: true },
        ],
      }, minutes, actions));
    }
    if (targetResponseTime !== undefined) {
      this.alarms.push(metricAlarm(this, 'target_response_time', {
        alarmName: targetResponseTime,
        alarmDescription: `p99 target response time of ${serviceName} above ${thresholds.targetResponseTimeP99Ms} ms`,
        namespace: 'AWS/ApplicationELB',
        metricName: 'TargetResponseTime',
        dimensions,
        extendedStatistic: 'p99',
        period: ALARM_PERIOD_SECONDS,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: thresholds.targetResponseTimeP99Ms / 1000,
      }, minutes, actions));
    }
    if (unhealthyHosts !== undefined) {
      this.alarms.push(metricAlarm(this, 'unhealthy_hosts', {
        alarmName: unhealthyHosts,
        alarmDescription: `${thresholds.unhealthyHosts} or more unhealthy targets of ${serviceName}`,
        namespace: 'AWS/ApplicationELB',
        metricName: 'UnHealthyHostCount',
        dimensions,
        statistic: 'Maximum',
        period: ALARM_PERIOD_SECONDS,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: thresholds.unhealthyHosts,
      }, minutes, actions));
    }
  }

  /** Fewer running tasks than desired (Container Insights), for longer than a deployment or scale-out takes. */
  private addTasksBelowDesired(alarmName: string): void {
    const { thresholds, actions, clusterName, serviceName } = this.props;
    const insights = (metricName: string) => ({
      namespace: 'ECS/ContainerInsights',
      metricName,
      dimensions: { ClusterName: clusterName, ServiceName: serviceName },
      period: ALARM_PERIOD_SECONDS,
      stat: 'Average',
    });
    this.alarms.push(metricAlarm(this, 'tasks_below_desired', {
      alarmName,
      alarmDescription: `${serviceName} runs fewer tasks than desired for ${thresholds.tasksBelowDesiredMinutes} minutes`,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      metricQuery: [
        { id: 'desired', metric: insights('DesiredTaskCount') },
        { id: 'running', metric: insights('RunningTaskCount') },
        { id: 'missing', expression: 'FILL(desired, 0) - FILL(running, 0)', label: 'Tasks below desired', returnData: true },
      ],
    }, thresholds.tasksBelowDesiredMinutes, actions));
  }

  /** Average CPU or memory utilization of the service's tasks. */
  private addUtilization(id: string, alarmName: string, metricName: string, percent: number): void {
    const { thresholds, actions, clusterName, serviceName } = this.props;
    this.alarms.push(metricAlarm(this, id, {
      alarmName,
      alarmDescription: `Average ${id === 'cpu' ? 'CPU' : 'memory'} utilization of ${serviceName} above ${percent}%`,
      namespace: 'AWS/ECS',
      metricName,
      dimensions: { ClusterName: clusterName, ServiceName: serviceName },
      statistic: 'Average',
      period: ALARM_PERIOD_SECONDS,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: percent,
    }, thresholds.evaluationMinutes, actions));
  }
}
