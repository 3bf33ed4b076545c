import type { ServiceOptions } from '../../options';
import type { ContainerHealthCheckConfig } from '../../platform/contract/config';
import { CONTAINER_HEALTH_CHECK_RULES, IntegerRule, SERVICE_RULES, TEXT_RULES } from '../../platform/contract/rules';
import { DEFAULTS } from '../defaults';
import type { OptionProblems } from '../problems';

/** What the load balancer and ECS check of a service's health, and how long stopping takes. */
export interface HealthCheckSettings {
  readonly healthCheckPath: string;
  readonly healthCheckSuccessCodes: string;
  readonly healthCheckGracePeriodSeconds: number;
  readonly deregistrationDelaySeconds: number;
  readonly stopTimeoutSeconds: number;
  readonly healthCheck?: ContainerHealthCheckConfig;
}

/**
 * The load balancer's health check, the container health check and the grace period that must
 * cover its start period, the deregistration delay and the stop timeout.
 */
export function resolveLoadBalancerHealthCheck(service: ServiceOptions, path: string, problems: OptionProblems): HealthCheckSettings {
  const healthCheckPath = service.healthCheckPath ?? DEFAULTS.healthCheckPath;
  problems.checkText(`${path}.healthCheckPath`, healthCheckPath, TEXT_RULES.healthCheckPath);
  const healthCheckSuccessCodes = service.healthCheckSuccessCodes ?? '200-299';
  problems.checkText(`${path}.healthCheckSuccessCodes`, healthCheckSuccessCodes, TEXT_RULES.healthCheckSuccessCodes);
  const healthCheck = resolveContainerHealthCheck(service, path, problems);
  const healthCheckGracePeriodSeconds = service.healthCheckGracePeriodSeconds
    ?? Math.max(SERVICE_RULES.healthCheckGracePeriodSeconds.default, healthCheck?.startPeriodSeconds ?? 0);
  const gracePath = `${path}.healthCheckGracePeriodSeconds`;
  if (problems.checkRange(gracePath, healthCheckGracePeriodSeconds, SERVICE_RULES.healthCheckGracePeriodSeconds) && healthCheck) {
    problems.check(
      healthCheckGracePeriodSeconds >= healthCheck.startPeriodSeconds,
      gracePath,
      healthCheckGracePeriodSeconds,
      `is shorter than the container health check's start period (${healthCheck.startPeriodSeconds} s); expected at least ${healthCheck.startPeriodSeconds}`,
    );
  }
  const deregistrationDelaySeconds = service.deregistrationDelaySeconds ?? SERVICE_RULES.deregistrationDelaySeconds.default;
  problems.checkRange(`${path}.deregistrationDelaySeconds`, deregistrationDelaySeconds, SERVICE_RULES.deregistrationDelaySeconds);
  const stopTimeoutSeconds = service.stopTimeoutSeconds ?? SERVICE_RULES.stopTimeoutSeconds.default;
  problems.checkRange(`${path}.stopTimeoutSeconds`, stopTimeoutSeconds, SERVICE_RULES.stopTimeoutSeconds);
  return {
    healthCheckPath,
    healthCheckSuccessCodes,
    healthCheckGracePeriodSeconds,
    deregistrationDelaySeconds,
    stopTimeoutSeconds,
    ...(healthCheck ? { healthCheck } : {}),
  };
}

function resolveContainerHealthCheck(service: ServiceOptions, path: string, problems: OptionProblems): ContainerHealthCheckConfig | undefined {
  const check = service.healthCheck;
  if (check === undefined) {
    return undefined;
  }
  const rules = CONTAINER_HEALTH_CHECK_RULES;
  const resolved = {
    command: [...(check.command ?? [])],
    intervalSeconds: check.intervalSeconds ?? rules.intervalSeconds.default,
    timeoutSeconds: check.timeoutSeconds ?? rules.timeoutSeconds.default,
    retries: check.retries ?? rules.retries.default,
    startPeriodSeconds: check.startPeriodSeconds ?? rules.startPeriodSeconds.default,
  };
  const checkPath = `${path}.healthCheck`;
  problems.check(
    resolved.command.length >= 2 && ['CMD', 'CMD-SHELL'].includes(resolved.command[0]),
    `${checkPath}.command`,
    resolved.command,
    'is not allowed; expected ["CMD", "<executable>", ...args] or ["CMD-SHELL", "<shell command>"]',
  );
  checkIntervalAndTimeout(problems, checkPath, resolved, rules);
  problems.checkRange(`${checkPath}.retries`, resolved.retries, rules.retries);
  problems.checkRange(`${checkPath}.startPeriodSeconds`, resolved.startPeriodSeconds, rules.startPeriodSeconds);
  return resolved;
}

/**
 * The interval and timeout of a health check, each within its range, the timeout shorter than the
 * interval (checked once both are in range).
 */
export function checkIntervalAndTimeout(
  problems: OptionProblems,
  checkPath: string,
  check: { readonly intervalSeconds: number; readonly timeoutSeconds: number },
  rules: { readonly intervalSeconds: IntegerRule; readonly timeoutSeconds: IntegerRule },
): void {
  const intervalValid = problems.checkRange(`${checkPath}.intervalSeconds`, check.intervalSeconds, rules.intervalSeconds);
  if (problems.checkRange(`${checkPath}.timeoutSeconds`, check.timeoutSeconds, rules.timeoutSeconds) && intervalValid) {
    problems.check(
      check.timeoutSeconds < check.intervalSeconds,
      `${checkPath}.timeoutSeconds`,
      check.timeoutSeconds,
      `is not shorter than the interval (${check.intervalSeconds} s); expected less`,
    );
  }
}
