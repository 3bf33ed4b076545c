import type { CloudwatchMetricAlarmConfig } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { ObservabilityConfig } from '../contract/observability-config';

/** The notification settings of an alarm. */
export type AlarmActions = Pick<CloudwatchMetricAlarmConfig, 'alarmActions' | 'okActions'>;

/**
 * The actions every alarm of an environment takes: ALARM and OK notifications to the
 * environment's topic when notifications are on, none otherwise (quiet development environments).
 * Any stack of the environment routes its own alarms the same way, e.g. a worker's queue-age alarm:
 * `new CloudwatchMetricAlarm(this, 'queue_age', { ..., ...alarmActions(environment.observability, topicArn) })`,
 * with `topicArn` read from the cluster stack's `alarm_topic_arn` output (`CLUSTER_OUTPUTS.alarmTopicArn`).
 */
export function alarmActions(observability: Pick<ObservabilityConfig, 'notify'> | undefined, topicArn: string): AlarmActions {
  return observability?.notify ? { alarmActions: [topicArn], okActions: [topicArn] } : {};
}
