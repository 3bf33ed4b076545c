import type { TaskCount } from './task-count';
import { AutoscalingMode, ServiceOptions } from '../../options';
import type { AutoscalingConfig, StepScalingConfig } from '../../platform/contract/config';
import { SERVICE_RULES } from '../../platform/contract/rules';
import type { EnvironmentContext } from '../context';
import type { OptionProblems } from '../problems';

/** Target tracking (CPU, memory, requests per task) or step scaling, between the task count bounds. */
export function resolveAutoscaling(
  ctx: EnvironmentContext,
  service: ServiceOptions,
  path: string,
  { minCapacity, maxCapacity }: Omit<TaskCount, 'desiredCount'>,
): AutoscalingConfig {
  const { problems } = ctx;
  const mode = service.autoscalingMode ?? AutoscalingMode.TARGET_TRACKING;
  problems.checkEnum(`${path}.autoscalingMode`, mode, AutoscalingMode);
  const targetCpuUtilization = service.targetCpuUtilization ?? SERVICE_RULES.targetCpuUtilization.default;
  problems.checkRange(`${path}.targetCpuUtilization`, targetCpuUtilization, SERVICE_RULES.targetCpuUtilization);
  const targetMemoryUtilization = service.targetMemoryUtilization ?? SERVICE_RULES.targetMemoryUtilization.default;
  problems.checkRange(`${path}.targetMemoryUtilization`, targetMemoryUtilization, SERVICE_RULES.targetMemoryUtilization);
  if (service.targetRequestsPerTask !== undefined) {
    problems.checkRange(`${path}.targetRequestsPerTask`, service.targetRequestsPerTask, SERVICE_RULES.targetRequestsPerTask);
  }
  return {
    mode,
    minCapacity,
    maxCapacity,
    targetCpuUtilization,
    targetMemoryUtilization,
    ...(service.targetRequestsPerTask !== undefined ? { targetRequestsPerTask: service.targetRequestsPerTask } : {}),
    step: resolveStepScaling(service, `${path}.stepScaling`, problems),
    scaleInCooldownSeconds: 300,
    scaleOutCooldownSeconds: 60,
  };
}

function resolveStepScaling(service: ServiceOptions, path: string, problems: OptionProblems): StepScalingConfig {
  const options = service.stepScaling ?? {};
  const step = {
    scaleOutCpuThreshold: options.scaleOutCpuThreshold ?? SERVICE_RULES.stepScaleOutCpuThreshold.default,
    scaleInCpuThreshold: options.scaleInCpuThreshold ?? SERVICE_RULES.stepScaleInCpuThreshold.default,
    scaleOutStep: options.scaleOutStep ?? SERVICE_RULES.stepSize.default,
    scaleInStep: options.scaleInStep ?? SERVICE_RULES.stepSize.default,
  };
  const outOk = problems.checkRange(`${path}.scaleOutCpuThreshold`, step.scaleOutCpuThreshold, SERVICE_RULES.stepScaleOutCpuThreshold);
  const inOk = problems.checkRange(`${path}.scaleInCpuThreshold`, step.scaleInCpuThreshold, SERVICE_RULES.stepScaleInCpuThreshold);
  if (outOk && inOk) {
    problems.check(
      step.scaleInCpuThreshold < step.scaleOutCpuThreshold,
      `${path}.scaleInCpuThreshold`,
      step.scaleInCpuThreshold,
      `is not below scaleOutCpuThreshold ${step.scaleOutCpuThreshold}; the service would scale in and out at once`,
    );
  }
  problems.checkRange(`${path}.scaleOutStep`, step.scaleOutStep, SERVICE_RULES.stepSize);
  problems.checkRange(`${path}.scaleInStep`, step.scaleInStep, SERVICE_RULES.stepSize);
  return step;
}
