import { CapacityProvider, CpuArchitecture, Ec2CapacityOptions } from '../options';
import { LOG_RETENTION_DAYS } from './aws';
import { presetCapacityStrategy, resolveCapacityStrategy } from './capacity';
import { EnvironmentContext, overridable } from './context';
import { DEFAULTS } from './defaults';
import type { ClusterConfig, Ec2CapacityConfig } from '../platform/contract/config';
import { fitName, IAM_ROLE_NAME_MAX } from '../platform/contract/naming';
import { CLUSTER_RULES } from '../platform/contract/rules';

const INSTANCE_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** Graviton families carry a "g" after the generation digit: t4g, m7g, c6gn, r6gd, x2gd, im4gn, a1. */
const ARM_INSTANCE_PATTERN = /^(a1|[a-z]+\d+[a-z]*g[a-z]*)\./;
const CLUSTER_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

/** The architecture of an EC2 instance type. */
export function instanceArchitecture(instanceType: string): 'X86_64' | 'ARM64' {
  return ARM_INSTANCE_PATTERN.test(instanceType) ? 'ARM64' : 'X86_64';
}

/** Resolves and validates the cluster of one environment. */
export function resolveCluster(ctx: EnvironmentContext, namePrefix: string, serviceCount: number): ClusterConfig {
  const { problems } = ctx;
  const cluster = ctx.options.cluster ?? {};

  const presetRetention = ctx.production ? DEFAULTS.productionLogRetentionDays : DEFAULTS.logRetentionDays;
  const retention = overridable(ctx, 'logRetentionDays', cluster.logRetentionDays, 'cluster.logRetentionDays', presetRetention);
  problems.check(
    LOG_RETENTION_DAYS.includes(retention.value),
    retention.path,
    retention.value,
    `is not a CloudWatch Logs retention; expected one of ${LOG_RETENTION_DAYS.join(', ')}`,
  );
  const ecrKeepImages = cluster.ecrKeepImages ?? CLUSTER_RULES.ecrKeepImages.default;
  problems.checkRange('cluster.ecrKeepImages', ecrKeepImages, CLUSTER_RULES.ecrKeepImages);

  const strategy = overridable(ctx, 'capacityProviderStrategy', cluster.capacityProviderStrategy, 'cluster.capacityProviderStrategy', presetCapacityStrategy(ctx.production));
  const capacityProviderStrategy = resolveCapacityStrategy(strategy.value, strategy.path, problems);

  const existingName = cluster.existingClusterName;
  const existing = existingName !== undefined;
  if (existing) {
    problems.check(
      CLUSTER_NAME_PATTERN.test(existingName),
      'cluster.existingClusterName',
      cluster.existingClusterName,
      'is not an ECS cluster name; expected 1 to 255 letters, digits, hyphens or underscores',
    );
    problems.check(
      cluster.ec2Capacity === undefined,
      'cluster.ec2Capacity',
      cluster.ec2Capacity,
      'cannot be added to an existing cluster; its owner manages its capacity providers',
    );
  }

  const executeCommand = overridable(ctx, 'executeCommand', cluster.executeCommand, 'cluster.executeCommand', !ctx.production).value;
  const serviceConnect = cluster.serviceConnect ?? serviceCount > 1;

  return {
    name: existingName ?? namePrefix,
    existing,
    containerInsights: cluster.containerInsights ?? true,
    logRetentionDays: retention.value,
    ecrKeepImages,
    ecrUntaggedExpiryDays: DEFAULTS.ecrUntaggedExpiryDays,
    ecrForceDelete: !ctx.production,
    capacityProviderStrategy,
    ...(cluster.ec2Capacity !== undefined && !existing ? { ec2Capacity: resolveEc2Capacity(ctx, cluster.ec2Capacity, namePrefix) } : {}),
    executeCommand,
    execLogGroupName: `/ecs/${namePrefix}/exec`,
    execLogRetentionDays: Math.max(retention.value, DEFAULTS.execLogRetentionDays),
    ...(serviceConnect ? { serviceConnectNamespace: namePrefix } : {}),
  };
}

function resolveEc2Capacity(ctx: EnvironmentContext, ec2: Ec2CapacityOptions, namePrefix: string): Ec2CapacityConfig {
  const { problems } = ctx;
  const instanceType = ec2.instanceType ?? DEFAULTS.ec2InstanceType;
  problems.check(INSTANCE_TYPE_PATTERN.test(instanceType), 'cluster.ec2Capacity.instanceType', instanceType, 'is not an EC2 instance type; expected e.g. "t3.medium" or "m7g.large"');
  const minSize = ec2.minSize ?? DEFAULTS.ec2MinSize;
  const maxSize = ec2.maxSize ?? Math.max(DEFAULTS.ec2MaxSize, minSize);
  const minOk = problems.checkInteger('cluster.ec2Capacity.minSize', minSize, 0, 1000);
  if (problems.checkInteger('cluster.ec2Capacity.maxSize', maxSize, 1, 1000) && minOk) {
    problems.check(maxSize >= minSize, 'cluster.ec2Capacity.maxSize', maxSize, `is below minSize ${minSize}; expected at least ${minSize}`);
  }
  const targetCapacityPercent = ec2.targetCapacityPercent ?? DEFAULTS.ec2TargetCapacityPercent;
  problems.checkInteger('cluster.ec2Capacity.targetCapacityPercent', targetCapacityPercent, 1, 100);
  const rootVolumeSizeGiB = ec2.rootVolumeSizeGiB ?? DEFAULTS.ec2RootVolumeSizeGiB;
  problems.checkInteger('cluster.ec2Capacity.rootVolumeSizeGiB', rootVolumeSizeGiB, 30, 16384);
  const name = fitName([namePrefix, 'ec2'], 255);
  problems.check(
    !/^(aws|ecs|fargate)/i.test(name),
    'resourcePrefix',
    ctx.project,
    `gives the capacity provider name "${name}", and ECS rejects names starting with "aws", "ecs" or "fargate"; choose another prefix`,
  );
  return {
    name,
    instanceType,
    architecture: instanceArchitecture(instanceType) === 'ARM64' ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64,
    minSize,
    maxSize,
    targetCapacityPercent,
    rootVolumeSizeGiB,
    instanceRoleName: fitName([name, 'instance'], IAM_ROLE_NAME_MAX),
  };
}

/** Whether a strategy places tasks on the cluster's EC2 capacity. */
export function usesEc2(strategy: ReadonlyArray<{ capacityProvider: string }>): boolean {
  return strategy.some((item) => item.capacityProvider === CapacityProvider.EC2);
}
