import type { EnvironmentConfig, PlatformConfig } from '../../platform/contract/config';
import type { AlarmThresholdsConfig, ServiceAlarmNames, WebAclConfig } from '../../platform/contract/observability-config';
import { CLUSTER_OUTPUTS } from '../../platform/contract/stack-interface';

/** What each alarm of a service watches, and when it fires, from the thresholds. */
const SERVICE_ALARMS: Record<keyof ServiceAlarmNames, { watches: string; when: (t: AlarmThresholdsConfig) => string; deployment: boolean }> = {
  target5xxRate: { watches: 'target 5xx ÷ requests (metric math)', when: (t) => `> ${t.target5xxRatePercent}% for ${t.evaluationMinutes} min`, deployment: true },
  targetResponseTime: { watches: 'p99 target response time', when: (t) => `> ${t.targetResponseTimeP99Ms} ms for ${t.evaluationMinutes} min`, deployment: true },
  unhealthyHosts: { watches: 'unhealthy targets', when: (t) => `≥ ${t.unhealthyHosts} for ${t.evaluationMinutes} min`, deployment: true },
  tasksBelowDesired: { watches: 'desired − running tasks (Container Insights)', when: (t) => `> 0 for ${t.tasksBelowDesiredMinutes} min`, deployment: false },
  cpu: { watches: 'average CPU utilization', when: (t) => `> ${t.cpuPercent}% for ${t.evaluationMinutes} min`, deployment: false },
  memory: { watches: 'average memory utilization', when: (t) => `> ${t.memoryPercent}% for ${t.evaluationMinutes} min`, deployment: false },
};

/**
 * Per environment: the web ACLs, where alarms notify, the dashboard, and every alarm with what it
 * watches, its threshold and whether it rolls a deployment back.
 */
export function renderObservabilitySection(config: PlatformConfig): string {
  return config.environments.flatMap((environment) => [`### ${environment.name}`, describeEnvironment(environment, config.deployment?.strategy)]).join('\n\n');
}

function describeEnvironment(environment: EnvironmentConfig, strategy: string | undefined): string {
  const observability = environment.observability;
  const lines = [
    `- WAF on the load balancer: ${describeWebAcl(environment.loadBalancer.waf)}`,
    ...(environment.staticSite ? [`- WAF on the static site (CloudFront, us-east-1): ${describeWebAcl(environment.staticSite.waf)}`] : []),
  ];
  if (observability === undefined) {
    return lines.join('\n');
  }
  const topic = observability.topic;
  const subscriptions = topic.kind === 'created' ? topic.subscriptions.map((s) => `${s.protocol} ${s.endpoint}`).join(', ') || 'none' : 'managed with the topic';
  lines.push(
    `- Notifications: ${observability.notify ? 'ALARM and OK to' : 'off (alarms change state and roll back, nobody is notified); topic'} `
      + `${topic.kind === 'created' ? `\`${topic.name}\`` : `\`${topic.arn}\``} (output \`${CLUSTER_OUTPUTS.alarmTopicArn}\` of \`${environment.name}-cluster\`); subscriptions: ${subscriptions}.`,
    `- Dashboard: ${observability.dashboard ? `CloudWatch dashboard \`${observability.dashboard.name}\`` : 'off'}.`,
  );
  const alarms = observability.alarms;
  if (alarms === undefined) {
    return [...lines, '- Alarms: off.'].join('\n');
  }
  const rollback = strategy === 'blue-green' ? 'CodeDeploy deployment group' : 'ECS deployment alarm';
  const rows = alarms.services.flatMap((service) => (Object.keys(SERVICE_ALARMS) as Array<keyof ServiceAlarmNames>)
    .filter((key) => service.names[key] !== undefined)
    .map((key) => {
      const alarm = SERVICE_ALARMS[key];
      const rollsBack = alarm.deployment ? `yes (${rollback}${alarms.rollback ? ', rollback' : ', marks failed'})` : 'no';
      return `| ${service.service} | \`${service.names[key]}\` | ${alarm.watches} | ${alarm.when(alarms.thresholds)} | ${rollsBack} |`;
    }));
  const loadBalancer = `| load balancer | \`${alarms.loadBalancer5xxAlarmName}\` | load balancer 5xx per minute | ≥ ${alarms.thresholds.loadBalancer5xxPerMinute} for ${alarms.thresholds.evaluationMinutes} min | no |`;
  return [...lines, '', '| Service | Alarm | Watches | Fires when | Rolls back a deployment |', '|---|---|---|---|---|', ...rows, loadBalancer].join('\n');
}

function describeWebAcl(waf: WebAclConfig | undefined): string {
  if (waf === undefined) {
    return 'off.';
  }
  if (waf.kind === 'existing') {
    return `the existing web ACL \`${waf.arn}\`.`;
  }
  return `web ACL \`${waf.name}\` with ${waf.managedRuleGroups.join(', ')}, at most ${waf.rateLimit} requests per IP in 5 minutes; `
    + `logs in \`${waf.logGroupName}\` (${waf.logRetentionDays} days).`;
}
