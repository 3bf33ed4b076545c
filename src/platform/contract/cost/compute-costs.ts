import { CostLineItem, HOURS_PER_MONTH, lineItem } from './cost-estimate';
import { EC2_US_EAST_1_HOURLY } from './ec2-prices';
import { FARGATE_SPOT_DISCOUNT, RegionPrices } from './price-table';
import { tasksPerCapacityProvider } from './task-placement';
import type { EnvironmentConfig, ServiceConfig } from '../config';

/** The compute line items of an environment and what could not be priced. */
export interface ComputeCosts {
  readonly lineItems: CostLineItem[];
  readonly warnings: string[];
}

/**
 * Fargate vCPU and memory of every service at its desired count and every queue worker at its
 * minimum, split over its capacity providers;
 * and the EC2 instances of the cluster's Auto Scaling group at its minimum size (tasks placed on EC2
 * add nothing: the instances are paid for).
 */
export function computeCosts(environment: EnvironmentConfig, prices: RegionPrices): ComputeCosts {
  const tasks: PricedTask[] = [...environment.services, ...(environment.workloads?.workers ?? [])];
  const lineItems = tasks.flatMap((task) => fargateItems(task, prices));
  const warnings: string[] = [];
  const ec2 = environment.cluster.ec2Capacity;
  if (ec2 !== undefined) {
    const usEast1Hourly = EC2_US_EAST_1_HOURLY[ec2.instanceType];
    if (usEast1Hourly === undefined) {
      warnings.push(`No price for EC2 instance type ${ec2.instanceType}: its ${ec2.minSize} instance(s) are not in the total.`);
    } else {
      const hourly = roundPrice(usEast1Hourly * prices.ec2RegionFactor);
      lineItems.push(lineItem(`EC2 ${ec2.instanceType} × ${ec2.minSize} (Auto Scaling group minimum)`, ec2.minSize * HOURS_PER_MONTH, 'instance-hours', hourly));
    }
  }
  return { lineItems, warnings };
}

/** A service, or a queue worker at its minimum (its desired count at the first deployment). */
type PricedTask = Pick<ServiceConfig, 'name' | 'cpu' | 'memoryMiB' | 'cpuArchitecture' | 'desiredCount' | 'capacityProviderStrategy'>;

function fargateItems(service: PricedTask, prices: RegionPrices): CostLineItem[] {
  const arm = service.cpuArchitecture === 'ARM64';
  const vcpuHour = arm ? prices.fargateArmVcpuHour : prices.fargateX86VcpuHour;
  const gbHour = arm ? prices.fargateArmGbHour : prices.fargateX86GbHour;
  const vcpu = service.cpu / 1024;
  const gb = service.memoryMiB / 1024;
  const architecture = arm ? 'ARM' : 'x86';
  const items: CostLineItem[] = [];
  for (const [provider, tasks] of tasksPerCapacityProvider(service.desiredCount, service.capacityProviderStrategy)) {
    if (provider === 'EC2' || tasks === 0) continue;
    const spot = provider === 'FARGATE_SPOT';
    const factor = spot ? 1 - FARGATE_SPOT_DISCOUNT : 1;
    const label = `${service.name}: ${spot ? 'Fargate Spot' : 'Fargate'} ${architecture}, ${formatCount(tasks)} task(s) of ${formatCount(vcpu)} vCPU / ${formatCount(gb)} GB`;
    items.push(lineItem(`${label}, vCPU`, tasks * vcpu * HOURS_PER_MONTH, 'vCPU-hours', roundPrice(vcpuHour * factor)));
    items.push(lineItem(`${label}, memory`, tasks * gb * HOURS_PER_MONTH, 'GB-hours', roundPrice(gbHour * factor)));
  }
  return items;
}

/** Up to three decimals, without trailing zeros: 0.25, 0.75, 1. */
function formatCount(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** Unit prices without floating-point noise, so that 0.04048 × 0.3 prints as 0.012144. */
function roundPrice(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
