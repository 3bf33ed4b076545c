import { CpuArchitecture, ServiceOptions } from '../../options';
import type { CapacityProviderStrategyConfig, ClusterConfig } from '../../platform/contract/config';
import { SERVICE_RULES } from '../../platform/contract/rules';
import { resolveCapacityStrategy } from '../capacity';
import { usesEc2 } from '../cluster';
import type { EnvironmentContext } from '../context';
import { DEFAULTS } from '../defaults';
import { describeMemoryChoices, FARGATE_CPU_VALUES, fargateMemoryFor } from '../fargate';
import type { OptionProblems } from '../problems';

/** CPU units and memory of a service's task. */
export interface TaskSize {
  readonly cpu: number;
  readonly memoryMiB: number;
}

/** The task size: a Fargate combination on Fargate, any size within the ECS limits on EC2. */
export function resolveTaskSize(service: ServiceOptions, compatibility: 'FARGATE' | 'EC2', path: string, problems: OptionProblems): TaskSize {
  const cpu = service.cpu ?? DEFAULTS.cpu;
  const memoryMiB = service.memoryMiB ?? DEFAULTS.memoryMiB;
  if (compatibility === 'FARGATE') {
    checkFargateSize(cpu, memoryMiB, path, problems);
  } else {
    problems.checkRange(`${path}.cpu`, cpu, SERVICE_RULES.ec2Cpu);
    problems.checkRange(`${path}.memoryMiB`, memoryMiB, SERVICE_RULES.ec2MemoryMiB);
  }
  return { cpu, memoryMiB };
}

function checkFargateSize(cpu: number, memoryMiB: number, path: string, problems: OptionProblems): void {
  const memoryChoices = fargateMemoryFor(cpu);
  if (memoryChoices === undefined) {
    problems.check(false, `${path}.cpu`, cpu, `is not a Fargate CPU value; expected one of ${FARGATE_CPU_VALUES.join(', ')}`);
    return;
  }
  problems.check(
    memoryChoices.includes(memoryMiB),
    `${path}.memoryMiB`,
    memoryMiB,
    `is not a Fargate memory size for cpu ${cpu}; expected ${describeMemoryChoices(memoryChoices)}`,
  );
}

/**
 * The service's capacity provider strategy: its own, else the cluster's; EC2 entries need the
 * cluster's EC2 capacity of the same architecture. Fargate Spot runs ARM64 (Graviton) tasks too
 * (since September 2024), so the strategy does not depend on the architecture otherwise.
 */
export function resolveServiceCapacity(
  ctx: EnvironmentContext,
  cluster: ClusterConfig,
  service: ServiceOptions,
  path: string,
  architecture: CpuArchitecture,
): CapacityProviderStrategyConfig[] {
  const strategyPath = `${path}.capacityProviderStrategy`;
  const strategy = service.capacityProviderStrategy !== undefined
    ? resolveCapacityStrategy(service.capacityProviderStrategy, strategyPath, ctx.problems)
    : cluster.capacityProviderStrategy;
  if (usesEc2(strategy)) {
    checkEc2Architecture(ctx, cluster, strategy, path, architecture);
  }
  return strategy;
}

function checkEc2Architecture(
  ctx: EnvironmentContext,
  cluster: ClusterConfig,
  strategy: CapacityProviderStrategyConfig[],
  path: string,
  architecture: CpuArchitecture,
): void {
  const ec2 = cluster.ec2Capacity;
  if (ec2 === undefined) {
    ctx.problems.check(false, `${path}.capacityProviderStrategy`, strategy.map((item) => item.capacityProvider), 'uses EC2, but the cluster has no EC2 capacity; set cluster.ec2Capacity');
    return;
  }
  const example = architecture === 'ARM64' ? 'ARM (Graviton, e.g. "m7g.large")' : 'x86 (e.g. "m6i.large")';
  ctx.problems.check(
    ec2.architecture === architecture,
    `${path}.cpuArchitecture`,
    architecture,
    `does not match the EC2 instance type ${ec2.instanceType} (${ec2.architecture}); use an ${example} instance type in cluster.ec2Capacity.instanceType`,
  );
}
