import { CpuArchitecture, WorkloadTaskOptions } from '../../options';
import type { ClusterConfig, ServiceConfig } from '../../platform/contract/config';
import { fitName, IAM_ROLE_NAME_MAX } from '../../platform/contract/naming';
import { matchesText, SERVICE_RULES, textRuleReason, TEXT_RULES } from '../../platform/contract/rules';
import { WORKLOAD_NAME_LIMITS } from '../../platform/contract/workload-rules';
import type { WorkloadTaskConfig } from '../../platform/contract/workloads';
import { usesEc2 } from '../cluster';
import type { EnvironmentContext } from '../context';
import { resolveServiceCapacity, resolveTaskSize } from '../service/capacity';
import { resolveContainerSettings } from '../service/container-settings';

/** ECS caps task definition family names at 255 characters. */
const FAMILY_MAX = 255;

/**
 * The task of a worker or job, resolved by the same validators as a service's: size, capacity,
 * variables, secrets and command; its image is external or the one built for a service.
 */
export function resolveWorkloadTask(
  ctx: EnvironmentContext,
  cluster: ClusterConfig,
  services: ServiceConfig[],
  options: WorkloadTaskOptions,
  path: string,
): WorkloadTaskConfig {
  const { problems } = ctx;
  const name = options.name ?? '';
  problems.check(
    matchesText(TEXT_RULES.serviceName, name),
    `${path}.name`,
    options.name,
    textRuleReason(TEXT_RULES.serviceName),
  );
  const cpuArchitecture = options.cpuArchitecture ?? CpuArchitecture.X86_64;
  problems.checkEnum(`${path}.cpuArchitecture`, cpuArchitecture, CpuArchitecture);
  const capacityProviderStrategy = resolveServiceCapacity(ctx, cluster, options, path, cpuArchitecture);
  const compatibility = usesEc2(capacityProviderStrategy) ? 'EC2' : 'FARGATE';
  const size = resolveTaskSize(options, compatibility, path, problems);
  const settings = resolveContainerSettings(options, path, problems, ctx.region);
  const stopTimeoutSeconds = options.stopTimeoutSeconds ?? SERVICE_RULES.stopTimeoutSeconds.default;
  problems.checkRange(`${path}.stopTimeoutSeconds`, stopTimeoutSeconds, SERVICE_RULES.stopTimeoutSeconds);
  const family = fitName([ctx.project, ctx.env.name, name], FAMILY_MAX);
  return {
    name,
    family,
    ...resolveImage(ctx, services, options, path),
    ...settings,
    ...size,
    cpuArchitecture,
    compatibility,
    capacityProviderStrategy,
    stopTimeoutSeconds,
    readonlyRootFilesystem: options.readonlyRootFilesystem ?? true,
    securityGroupName: fitName([family, 'tasks'], WORKLOAD_NAME_LIMITS.securityGroup),
    executionRoleName: fitName([ctx.project, ctx.env.name, name, 'execution'], IAM_ROLE_NAME_MAX),
    taskRoleName: fitName([ctx.project, ctx.env.name, name, 'task'], IAM_ROLE_NAME_MAX),
  };
}

/** An external image, or the image of a service built from this repository (the first one by default). */
function resolveImage(
  ctx: EnvironmentContext,
  services: ServiceConfig[],
  options: WorkloadTaskOptions,
  path: string,
): Pick<WorkloadTaskConfig, 'image' | 'imageOf'> {
  const built = services.filter((service) => service.image === undefined).map((service) => service.name);
  if (options.image !== undefined) {
    ctx.problems.check(options.imageOf === undefined, `${path}.imageOf`, options.imageOf, 'is set together with image; set one of them');
    return { image: options.image };
  }
  const imageOf = options.imageOf ?? built[0];
  if (imageOf === undefined) {
    ctx.problems.add(`${path}.image`, undefined, 'is required: no service is built from this repository; set image, e.g. "public.ecr.aws/docker/library/busybox:1.36"');
    return {};
  }
  ctx.problems.check(
    built.includes(imageOf),
    `${path}.imageOf`,
    imageOf,
    `is not a service built from this repository; expected one of ${built.join(', ') || '(none: set image instead)'}`,
  );
  return { imageOf };
}
