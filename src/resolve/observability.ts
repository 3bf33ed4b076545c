import { EnvironmentContext } from './context';
import type { ClusterConfig, ServiceConfig } from '../platform/contract/config';
import { fitName } from '../platform/contract/naming';
import type {
  AlarmsConfig, AlarmSubscriptionConfig, AlarmThresholdsConfig, AlarmTopicConfig, ObservabilityConfig, ServiceAlarmsConfig,
} from '../platform/contract/observability-config';
import { ALARM_RULES, ALARM_SUBSCRIPTIONS_MAX, OBSERVABILITY_TEXT_RULES } from '../platform/contract/observability-rules';

/** CloudWatch caps alarm and dashboard names at 255 characters, SNS topic names at 256. */
const ALARM_NAME_MAX = 255;
const TOPIC_NAME_MAX = 256;

/** Resolves the alarms, notifications and dashboard of one environment. */
export function resolveObservability(ctx: EnvironmentContext, cluster: ClusterConfig, services: ServiceConfig[]): ObservabilityConfig {
  const options = ctx.options.observability ?? {};
  const topic = resolveTopic(ctx);
  const notify = notificationsOf(ctx).options.enabled ?? ctx.production;
  const thresholds = resolveThresholds(ctx);
  const alarms: AlarmsConfig | undefined = options.alarms ?? true ? {
    thresholds,
    rollback: options.rollbackOnAlarm ?? true,
    services: services.map((service) => serviceAlarms(ctx, service, cluster.containerInsights)),
    loadBalancer5xxAlarmName: fitName([ctx.project, ctx.env.name, 'load-balancer-5xx'], ALARM_NAME_MAX),
  } : undefined;
  return {
    topic: notify || topic.kind === 'existing' ? topic : { ...topic, subscriptions: [] },
    notify,
    ...(alarms ? { alarms } : {}),
    ...(options.dashboard ?? true ? { dashboard: { name: fitName([ctx.project, ctx.env.name], ALARM_NAME_MAX) } } : {}),
  };
}

/** The notification options that apply to the environment: its own, else the project's; with their option path. */
function notificationsOf(ctx: EnvironmentContext) {
  return ctx.env.notifications !== undefined
    ? { options: ctx.env.notifications, path: `${ctx.envPath}.notifications` }
    : { options: ctx.options.observability?.notifications ?? {}, path: 'observability.notifications' };
}

/** The environment's topic: an existing one, or one the cluster stack creates with the subscriptions. */
function resolveTopic(ctx: EnvironmentContext): AlarmTopicConfig {
  const { problems } = ctx;
  const { options, path } = notificationsOf(ctx);
  const emails = options.emails ?? [];
  const httpsEndpoints = options.httpsEndpoints ?? [];
  emails.forEach((email, i) => problems.checkText(`${path}.emails[${i}]`, email, OBSERVABILITY_TEXT_RULES.email));
  httpsEndpoints.forEach((url, i) => problems.checkText(`${path}.httpsEndpoints[${i}]`, url, OBSERVABILITY_TEXT_RULES.httpsEndpoint));
  problems.check(emails.length <= ALARM_SUBSCRIPTIONS_MAX, `${path}.emails`, emails, `is too long; expected at most ${ALARM_SUBSCRIPTIONS_MAX} addresses`);
  problems.check(httpsEndpoints.length <= ALARM_SUBSCRIPTIONS_MAX, `${path}.httpsEndpoints`, httpsEndpoints, `is too long; expected at most ${ALARM_SUBSCRIPTIONS_MAX} URLs`);
  if (options.topicArn !== undefined) {
    if (problems.checkText(`${path}.topicArn`, options.topicArn, OBSERVABILITY_TEXT_RULES.snsTopicArn)) {
      const region = options.topicArn.split(':')[3];
      problems.check(region === ctx.region, `${path}.topicArn`, options.topicArn, `is in ${region}; CloudWatch alarms of ${ctx.env.name} notify topics of their own region (${ctx.region}) only`);
    }
    problems.check(
      emails.length + httpsEndpoints.length === 0,
      `${path}.topicArn`,
      options.topicArn,
      'cannot be combined with emails or httpsEndpoints; subscribe them to the existing topic where it is managed',
    );
    return { kind: 'existing', arn: options.topicArn };
  }
  const subscriptions: AlarmSubscriptionConfig[] = [
    ...emails.map((endpoint) => ({ protocol: 'email' as const, endpoint })),
    ...httpsEndpoints.map((endpoint) => ({ protocol: 'https' as const, endpoint })),
  ];
  const name = fitName([ctx.project, ctx.env.name, 'alarms'], TOPIC_NAME_MAX);
  return { kind: 'created', name, keyAlias: name, subscriptions };
}

/** The thresholds, each checked against its rule. */
function resolveThresholds(ctx: EnvironmentContext): AlarmThresholdsConfig {
  const given = ctx.options.observability?.thresholds ?? {};
  const threshold = (key: keyof typeof ALARM_RULES): number => {
    const value = given[key] ?? ALARM_RULES[key].default;
    ctx.problems.checkRange(`observability.thresholds.${key}`, value, ALARM_RULES[key]);
    return value;
  };
  return {
    target5xxRatePercent: threshold('target5xxRatePercent'),
    targetResponseTimeP99Ms: threshold('targetResponseTimeP99Ms'),
    unhealthyHosts: threshold('unhealthyHosts'),
    cpuPercent: threshold('cpuPercent'),
    memoryPercent: threshold('memoryPercent'),
    loadBalancer5xxPerMinute: threshold('loadBalancer5xxPerMinute'),
    evaluationMinutes: threshold('evaluationMinutes'),
    tasksBelowDesiredMinutes: threshold('tasksBelowDesiredMinutes'),
  };
}

/** The alarm names of one service: load balancer alarms when it is routed, the task count with Container Insights. */
function serviceAlarms(ctx: EnvironmentContext, service: ServiceConfig, containerInsights: boolean): ServiceAlarmsConfig {
  const name = (suffix: string) => fitName([ctx.project, ctx.env.name, service.name, suffix], ALARM_NAME_MAX);
  const routed = service.ingress !== undefined;
  const loadBalancerAlarms = routed
    ? { target5xxRate: name('target-5xx-rate'), targetResponseTime: name('target-response-time-p99'), unhealthyHosts: name('unhealthy-hosts') }
    : {};
  return {
    service: service.name,
    names: {
      ...loadBalancerAlarms,
      ...(containerInsights ? { tasksBelowDesired: name('tasks-below-desired') } : {}),
      cpu: name('cpu'),
      memory: name('memory'),
    },
    deploymentAlarmNames: Object.values(loadBalancerAlarms),
  };
}
