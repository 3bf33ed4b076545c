import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { DashboardBody, layoutWidgets, UnplacedWidget } from './dashboard-body';
import {
  loadBalancerMetric, natTraffic, serviceMetric, TargetGroupDimensions, targetGroupMetric, timeSeries,
} from './dashboard-widgets';
import type { DashboardConfig } from '../contract/observability-config';

/** What the dashboard shows of one service. */
export interface DashboardService {
  readonly name: string;
  /** The service's target group, when the load balancer routes to it. */
  readonly targetGroup?: TargetGroupDimensions;
}

/** Properties of {@link EnvironmentDashboard}. */
export interface EnvironmentDashboardProps {
  readonly config: DashboardConfig;
  readonly region: string;
  readonly clusterName: string;
  readonly loadBalancerArnSuffix: string;
  readonly services: DashboardService[];
  /** Running and desired tasks come from Container Insights. */
  readonly containerInsights: boolean;
  readonly natGatewayIds: string[];
  /** The environment's alarms, shown in an alarm status widget. */
  readonly alarms: CloudwatchMetricAlarm[];
}

const WIDGET_WIDTH = 8;
const WIDGET_HEIGHT = 6;

/**
 * The environment's CloudWatch dashboard, generated from the configuration: the alarms' states,
 * the load balancer's requests, errors and traffic, the NAT gateways' traffic, then per service
 * its requests, 5xx responses, latency percentiles, healthy hosts, CPU and memory (and tasks with
 * Container Insights).
 */
export class EnvironmentDashboard extends Construct {
  public readonly dashboard: CloudwatchDashboard;
  /** The body, as data (serialized into `dashboard_body`). */
  public readonly body: DashboardBody;

  constructor(scope: Construct, id: string, props: EnvironmentDashboardProps) {
    super(scope, id);
    const widgets = [...environmentWidgets(props), ...props.services.flatMap((service) => serviceWidgets(props, service))];
    this.body = { widgets: layoutWidgets(widgets, WIDGET_WIDTH, WIDGET_HEIGHT) };
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', { dashboardName: props.config.name, dashboardBody: JSON.stringify(this.body) });
  }
}

function environmentWidgets(props: EnvironmentDashboardProps): UnplacedWidget[] {
  const { region, loadBalancerArnSuffix: lb } = props;
  return [
    { type: 'text' as const, properties: { markdown: `## Environment: load balancer${props.natGatewayIds.length > 0 ? ' and NAT gateways' : ''}` } },
    ...(props.alarms.length > 0
      ? [{ type: 'alarm' as const, properties: { title: 'Alarms', alarms: props.alarms.map((alarm) => alarm.arn), sortBy: 'stateUpdatedTimestamp' as const } }]
      : []),
    timeSeries('Load balancer requests and errors', region, [
      loadBalancerMetric(lb, 'RequestCount', 'Sum', 'Requests'),
      loadBalancerMetric(lb, 'HTTPCode_ELB_5XX_Count', 'Sum', 'Load balancer 5xx'),
      loadBalancerMetric(lb, 'HTTPCode_Target_5XX_Count', 'Sum', 'Target 5xx'),
    ]),
    timeSeries('Load balancer traffic', region, [
      loadBalancerMetric(lb, 'ProcessedBytes', 'Sum', 'Bytes processed'),
      loadBalancerMetric(lb, 'ActiveConnectionCount', 'Sum', 'Active connections'),
      loadBalancerMetric(lb, 'NewConnectionCount', 'Sum', 'New connections'),
    ]),
    ...(props.natGatewayIds.length > 0 ? [timeSeries('NAT gateway traffic (bytes)', region, natTraffic(props.natGatewayIds))] : []),
  ];
}

function serviceWidgets(props: EnvironmentDashboardProps, service: DashboardService): UnplacedWidget[] {
  const { region, clusterName } = props;
  const ecs = (metricName: string, stat: string, label: string) => serviceMetric('AWS/ECS', clusterName, service.name, metricName, stat, label);
  const insights = (metricName: string, label: string) => serviceMetric('ECS/ContainerInsights', clusterName, service.name, metricName, 'Average', label);
  const tg = service.targetGroup;
  return [
    { type: 'text', properties: { markdown: `## Service: ${service.name}` } },
    ...(tg ? [
      timeSeries(`${service.name}: requests`, region, [targetGroupMetric(tg, 'RequestCount', 'Sum', 'Requests')]),
      timeSeries(`${service.name}: 5xx responses`, region, [
        targetGroupMetric(tg, 'HTTPCode_Target_5XX_Count', 'Sum', 'Target 5xx'),
        targetGroupMetric(tg, 'HTTPCode_Target_4XX_Count', 'Sum', 'Target 4xx'),
      ]),
      timeSeries(`${service.name}: response time (seconds)`, region, ['p50', 'p90', 'p99'].map((p) => targetGroupMetric(tg, 'TargetResponseTime', p, p))),
      timeSeries(`${service.name}: targets`, region, [
        targetGroupMetric(tg, 'HealthyHostCount', 'Minimum', 'Healthy'),
        targetGroupMetric(tg, 'UnHealthyHostCount', 'Maximum', 'Unhealthy'),
      ]),
    ] : []),
    timeSeries(`${service.name}: CPU (%)`, region, [ecs('CPUUtilization', 'Average', 'Average'), ecs('CPUUtilization', 'Maximum', 'Maximum')], 100),
    timeSeries(`${service.name}: memory (%)`, region, [ecs('MemoryUtilization', 'Average', 'Average'), ecs('MemoryUtilization', 'Maximum', 'Maximum')], 100),
    ...(props.containerInsights
      ? [timeSeries(`${service.name}: tasks`, region, [insights('RunningTaskCount', 'Running'), insights('DesiredTaskCount', 'Desired')])]
      : []),
  ];
}
