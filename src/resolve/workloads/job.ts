import { resolveWorkloadTask } from './task';
import type { JobOptions } from '../../options';
import type { ClusterConfig, ServiceConfig } from '../../platform/contract/config';
import { fitName, IAM_ROLE_NAME_MAX, serviceLogGroupName } from '../../platform/contract/naming';
import { isTimeZoneName, JOB_RULES, scheduleExpressionProblem, WORKLOAD_NAME_LIMITS, WORKLOAD_TEXT_RULES } from '../../platform/contract/workload-rules';
import type { JobConfig } from '../../platform/contract/workloads';
import { adoptedLogGroup } from '../adoption';
import type { EnvironmentContext } from '../context';

/** One scheduled job: its task, its schedule (AWS cron or rate, IANA time zone), retries, timeout and names. */
export function resolveJob(ctx: EnvironmentContext, cluster: ClusterConfig, services: ServiceConfig[], job: JobOptions, path: string): JobConfig {
  const { problems } = ctx;
  const task = resolveWorkloadTask(ctx, cluster, services, job, path);
  const schedule = typeof job.schedule === 'string' ? job.schedule.trim() : '';
  const scheduleProblem = scheduleExpressionProblem(schedule);
  problems.check(scheduleProblem === undefined, `${path}.schedule`, job.schedule, scheduleProblem ?? '');
  const timezone = job.timezone ?? 'UTC';
  problems.check(isTimeZoneName(timezone), `${path}.timezone`, timezone, `is not ${WORKLOAD_TEXT_RULES.timezone.what}; expected ${WORKLOAD_TEXT_RULES.timezone.expected}`);
  const retryAttempts = job.retryAttempts ?? JOB_RULES.retryAttempts.default;
  problems.checkRange(`${path}.retryAttempts`, retryAttempts, JOB_RULES.retryAttempts);
  const maximumEventAgeSeconds = job.maximumEventAgeSeconds ?? JOB_RULES.maximumEventAgeSeconds.default;
  problems.checkRange(`${path}.maximumEventAgeSeconds`, maximumEventAgeSeconds, JOB_RULES.maximumEventAgeSeconds);
  const timeoutSeconds = job.timeoutSeconds ?? JOB_RULES.timeoutSeconds.default;
  problems.checkRange(`${path}.timeoutSeconds`, timeoutSeconds, JOB_RULES.timeoutSeconds);
  const family = task.family;
  return {
    ...task,
    schedule,
    timezone,
    enabled: job.enabled ?? true,
    retryAttempts,
    maximumEventAgeSeconds,
    timeoutSeconds,
    allowOverlap: job.allowOverlap ?? false,
    scheduleName: fitName(family, WORKLOAD_NAME_LIMITS.schedule),
    stateMachineName: fitName(family, WORKLOAD_NAME_LIMITS.stateMachine),
    // Below the services' log group: encrypted with the cluster's key, whose policy covers `<group>/*`.
    stateMachineLogGroupName: `${serviceLogGroupName(ctx.project, { name: ctx.env.name, adopt: adoptedLogGroup(ctx.env) })}/jobs/${task.name}`,
    schedulerRoleName: fitName([ctx.project, ctx.env.name, task.name, 'scheduler'], IAM_ROLE_NAME_MAX),
    stateMachineRoleName: fitName([ctx.project, ctx.env.name, task.name, 'run'], IAM_ROLE_NAME_MAX),
    deadLetterQueueName: fitName([family, 'schedule-dlq'], WORKLOAD_NAME_LIMITS.queue),
    deadLetterAlarmName: fitName([family, 'not-started'], WORKLOAD_NAME_LIMITS.alarm),
    failureAlarmName: fitName([family, 'failed'], WORKLOAD_NAME_LIMITS.alarm),
  };
}
