import { CloudwatchMetricAlarm, CloudwatchMetricAlarmConfig } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import type { AlarmActions } from './alarm-actions';

/** One-minute periods: the resolution of the ALB, ECS and Container Insights metrics. */
export const ALARM_PERIOD_SECONDS = 60;

/** What differs between the environment's alarms; the rest is the same for all of them. */
export type MetricAlarmSpec = Omit<CloudwatchMetricAlarmConfig, 'evaluationPeriods' | 'datapointsToAlarm' | 'treatMissingData' | 'alarmActions' | 'okActions'>;

/**
 * An alarm that fires after `minutes` consecutive breaching one-minute periods, treats missing data
 * as fine (no traffic is no error), and notifies as the environment's actions say.
 */
export function metricAlarm(scope: Construct, id: string, spec: MetricAlarmSpec, minutes: number, actions: AlarmActions): CloudwatchMetricAlarm {
  return new CloudwatchMetricAlarm(scope, id, {
    ...spec,
    evaluationPeriods: minutes,
    datapointsToAlarm: minutes,
    treatMissingData: 'notBreaching',
    ...actions,
  });
}
