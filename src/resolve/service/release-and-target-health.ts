import type { ServiceOptions } from '../../options';
import { RELEASE_TASK_RULES, ReleaseTaskConfig } from '../../platform/contract/release-task';
import { TARGET_HEALTH_CHECK_RULES, TargetHealthCheckConfig } from '../../platform/contract/target-health';
import type { OptionProblems } from '../problems';
import { checkIntervalAndTimeout } from './health-checks';

/** The load balancer's health check interval, timeout and thresholds, within what ELB accepts. */
export function resolveTargetHealthCheck(service: ServiceOptions, path: string, problems: OptionProblems): TargetHealthCheckConfig {
  const options = service.loadBalancerHealthCheck ?? {};
  const rules = TARGET_HEALTH_CHECK_RULES;
  const checkPath = `${path}.loadBalancerHealthCheck`;
  const resolved: TargetHealthCheckConfig = {
    intervalSeconds: options.intervalSeconds ?? rules.intervalSeconds.default,
    timeoutSeconds: options.timeoutSeconds ?? rules.timeoutSeconds.default,
    healthyThreshold: options.healthyThreshold ?? rules.healthyThreshold.default,
    unhealthyThreshold: options.unhealthyThreshold ?? rules.unhealthyThreshold.default,
  };
  checkIntervalAndTimeout(problems, checkPath, resolved, rules);
  problems.checkRange(`${checkPath}.healthyThreshold`, resolved.healthyThreshold, rules.healthyThreshold);
  problems.checkRange(`${checkPath}.unhealthyThreshold`, resolved.unhealthyThreshold, rules.unhealthyThreshold);
  return resolved;
}

/** The release task of a service, when it has one: a non-empty command and a timeout in range. */
export function resolveReleaseTask(service: ServiceOptions, path: string, problems: OptionProblems): ReleaseTaskConfig | undefined {
  const release = service.release;
  if (release === undefined) {
    return undefined;
  }
  const command = [...(release.command ?? [])];
  problems.check(
    command.length > 0 && command.every((word) => typeof word === 'string' && word.length > 0),
    `${path}.release.command`,
    release.command,
    'is not allowed; expected the command as non-empty words, e.g. ["node", "scripts/migrate.js"]',
  );
  const timeoutSeconds = release.timeoutSeconds ?? RELEASE_TASK_RULES.timeoutSeconds.default;
  problems.checkRange(`${path}.release.timeoutSeconds`, timeoutSeconds, RELEASE_TASK_RULES.timeoutSeconds);
  return { command, timeoutSeconds };
}
