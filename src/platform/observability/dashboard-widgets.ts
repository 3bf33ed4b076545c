import type { MetricRow, MetricWidget } from './dashboard-body';

/** A widget before it is placed on the grid. */
export type UnplacedMetricWidget = Omit<MetricWidget, 'x' | 'y' | 'width' | 'height'>;

/** One-minute points, as the alarms see them. */
const WIDGET_PERIOD_SECONDS = 60;

/** A time series widget of the given metrics, from zero. */
export function timeSeries(title: string, region: string, metrics: MetricRow[], max?: number): UnplacedMetricWidget {
  return {
    type: 'metric',
    properties: {
      title,
      region,
      view: 'timeSeries',
      stacked: false,
      period: WIDGET_PERIOD_SECONDS,
      metrics,
      yAxis: { left: { min: 0, ...(max !== undefined ? { max } : {}) } },
    },
  };
}

/** Dimensions of a target group's metrics. */
export interface TargetGroupDimensions {
  readonly loadBalancer: string;
  readonly targetGroup: string;
}

/** A metric of the `AWS/ApplicationELB` namespace of one target group. */
export function targetGroupMetric(dimensions: TargetGroupDimensions, metricName: string, stat: string, label: string): MetricRow {
  return ['AWS/ApplicationELB', metricName, 'LoadBalancer', dimensions.loadBalancer, 'TargetGroup', dimensions.targetGroup, { stat, label }];
}

/** A metric of the `AWS/ApplicationELB` namespace of the load balancer itself. */
export function loadBalancerMetric(loadBalancer: string, metricName: string, stat: string, label: string): MetricRow {
  return ['AWS/ApplicationELB', metricName, 'LoadBalancer', loadBalancer, { stat, label }];
}

/** A metric of one ECS service, in `AWS/ECS` or `ECS/ContainerInsights`. */
export function serviceMetric(namespace: string, cluster: string, service: string, metricName: string, stat: string, label: string): MetricRow {
  return [namespace, metricName, 'ClusterName', cluster, 'ServiceName', service, { stat, label }];
}

/** Traffic of each NAT gateway, both directions. */
export function natTraffic(natGatewayIds: string[]): MetricRow[] {
  return natGatewayIds.flatMap((id, index) => [
    ['AWS/NATGateway', 'BytesOutToDestination', 'NatGatewayId', id, { stat: 'Sum', label: `NAT ${index + 1} bytes out` }],
    ['AWS/NATGateway', 'BytesInFromDestination', 'NatGatewayId', id, { stat: 'Sum', label: `NAT ${index + 1} bytes in` }],
  ]);
}
