/**
 * List prices (USD, Linux, on-demand, no free tier) of what the stacks create, per region.
 * Dependency-free data: the project type renders estimates from it into the generated README, and
 * the generated repository's `cost` task reads the same table.
 *
 * PRICES_AS_OF and PRICE_SOURCES say when and where the numbers were taken. They were checked in
 * December 2026 against the AWS pricing pages as quoted by the public write-ups named per group
 * below; the AWS pages themselves could not be opened from where this table was written. Numbers
 * no source confirmed are listed in each region's `unverified` and printed with every estimate.
 * Update the table (and the date) when AWS changes a price; the tests recompute every case by hand.
 */

/** The date the prices were last checked. */
export const PRICES_AS_OF = '2026-12';

/** Where the prices come from. */
export const PRICE_SOURCES = 'AWS public on-demand pricing pages (Fargate, VPC, Elastic Load Balancing, PrivateLink, KMS, CloudWatch, EC2), as quoted by public cost guides';

/**
 * Fargate Spot is priced by AWS per region and moves with spare capacity; the table assumes this
 * average discount on the on-demand Fargate price. AWS advertises discounts of up to 70 percent; a published
 * eu-west-1 Spot price (0.01334053 per vCPU-hour against 0.04048 on-demand) is 67% off.
 */
export const FARGATE_SPOT_DISCOUNT = 0.7;

/** Prices of one region. */
export interface RegionPrices {
  /** Fargate, Linux/x86, per vCPU-hour. */
  readonly fargateX86VcpuHour: number;
  /** Fargate, Linux/x86, per GB of memory per hour. */
  readonly fargateX86GbHour: number;
  /** Fargate, Linux/ARM (Graviton), per vCPU-hour. */
  readonly fargateArmVcpuHour: number;
  /** Fargate, Linux/ARM (Graviton), per GB of memory per hour. */
  readonly fargateArmGbHour: number;
  /** One NAT gateway, per hour (data processing not included). */
  readonly natGatewayHour: number;
  /** One Application Load Balancer, per hour. */
  readonly loadBalancerHour: number;
  /** One load balancer capacity unit, per hour. */
  readonly loadBalancerLcuHour: number;
  /** One interface VPC endpoint in one availability zone, per hour. */
  readonly interfaceEndpointZoneHour: number;
  /** One public IPv4 address, per hour. */
  readonly publicIpv4Hour: number;
  /** One customer managed KMS key, per month. */
  readonly kmsKeyMonth: number;
  /** CloudWatch Logs ingestion (standard class), per GB. */
  readonly logsIngestionGb: number;
  /** EC2 on-demand prices in this region relative to us-east-1 (see EC2_US_EAST_1_HOURLY). */
  readonly ec2RegionFactor: number;
  /** Fields of this record no public source confirmed when the table was written. */
  readonly unverified: ReadonlyArray<Exclude<keyof RegionPrices, 'unverified'>>;
}

// Public IPv4 ($0.005/h in every commercial region since 2024-02) and KMS ($1 per key-month) are
// the same everywhere (AWS VPC and KMS pricing pages; doit.com and vishalvyas.com write-ups).
const FLAT = { publicIpv4Hour: 0.005, kmsKeyMonth: 1 } as const;

// us-east-1, us-east-2 and us-west-2 share a price list. Fargate x86 and ARM: vantage.sh, wring.co,
// factualminds.com (us-east-1), clickittech.com (us-east-2). NAT $0.045/h: cloudburn.io,
// cloudpipelines (US East and Oregon). ALB $0.0225/h and $0.008 per LCU-hour: the ELB pricing page as
// quoted by calculator.city. Interface endpoint $0.01 per zone-hour: c3x.dev, egresscost.com.
// CloudWatch Logs $0.50/GB: c3x.dev (us-east-1).
const US_BASELINE = {
  ...FLAT,
  fargateX86VcpuHour: 0.04048,
  fargateX86GbHour: 0.004445,
  fargateArmVcpuHour: 0.03238,
  fargateArmGbHour: 0.00356,
  natGatewayHour: 0.045,
  loadBalancerHour: 0.0225,
  loadBalancerLcuHour: 0.008,
  interfaceEndpointZoneHour: 0.01,
  logsIngestionGb: 0.5,
  ec2RegionFactor: 1,
} as const;

/**
 * Prices of the regions the estimate knows, by region name. Regions not listed get no estimate
 * (the README says so) rather than a guess.
 */
export const REGION_PRICES: Readonly<Record<string, RegionPrices>> = {
  'us-east-1': { ...US_BASELINE, unverified: [] },
  'us-east-2': { ...US_BASELINE, unverified: ['loadBalancerHour', 'interfaceEndpointZoneHour', 'logsIngestionGb'] },
  'us-west-2': { ...US_BASELINE, unverified: ['fargateX86VcpuHour', 'fargateX86GbHour', 'fargateArmVcpuHour', 'fargateArmGbHour', 'loadBalancerHour', 'interfaceEndpointZoneHour', 'logsIngestionGb'] },
  // Ireland: Fargate x86 equals us-east-1 (tomgregory.com, eu-west-1); ALB $0.0252/h
  // (calculator.city); NAT within the $0.048-0.052 European range (cloudpipelines).
  'eu-west-1': {
    ...FLAT,
    fargateX86VcpuHour: 0.04048,
    fargateX86GbHour: 0.004445,
    fargateArmVcpuHour: 0.03238,
    fargateArmGbHour: 0.00356,
    natGatewayHour: 0.048,
    loadBalancerHour: 0.0252,
    loadBalancerLcuHour: 0.008,
    interfaceEndpointZoneHour: 0.011,
    logsIngestionGb: 0.57,
    ec2RegionFactor: 1.096,
    unverified: ['fargateArmVcpuHour', 'fargateArmGbHour', 'interfaceEndpointZoneHour', 'logsIngestionGb', 'ec2RegionFactor'],
  },
  // Frankfurt: NAT within the European range (cloudpipelines); the rest not confirmed by a source.
  'eu-central-1': {
    ...FLAT,
    fargateX86VcpuHour: 0.04656,
    fargateX86GbHour: 0.00511,
    fargateArmVcpuHour: 0.03725,
    fargateArmGbHour: 0.00409,
    natGatewayHour: 0.052,
    loadBalancerHour: 0.027,
    loadBalancerLcuHour: 0.008,
    interfaceEndpointZoneHour: 0.012,
    logsIngestionGb: 0.63,
    ec2RegionFactor: 1.154,
    unverified: ['fargateX86VcpuHour', 'fargateX86GbHour', 'fargateArmVcpuHour', 'fargateArmGbHour', 'loadBalancerHour', 'loadBalancerLcuHour', 'interfaceEndpointZoneHour', 'logsIngestionGb', 'ec2RegionFactor'],
  },
  // London: NAT within the European range (cloudpipelines); the rest not confirmed by a source.
  'eu-west-2': {
    ...FLAT,
    fargateX86VcpuHour: 0.04656,
    fargateX86GbHour: 0.00511,
    fargateArmVcpuHour: 0.03725,
    fargateArmGbHour: 0.00409,
    natGatewayHour: 0.05,
    loadBalancerHour: 0.02646,
    loadBalancerLcuHour: 0.0084,
    interfaceEndpointZoneHour: 0.011,
    logsIngestionGb: 0.57,
    ec2RegionFactor: 1.135,
    unverified: ['fargateX86VcpuHour', 'fargateX86GbHour', 'fargateArmVcpuHour', 'fargateArmGbHour', 'loadBalancerHour', 'loadBalancerLcuHour', 'interfaceEndpointZoneHour', 'logsIngestionGb', 'ec2RegionFactor'],
  },
  // Singapore: NAT $0.059/h (basavytix.com); the rest not confirmed by a source.
  'ap-southeast-1': {
    ...FLAT,
    fargateX86VcpuHour: 0.05056,
    fargateX86GbHour: 0.00553,
    fargateArmVcpuHour: 0.04045,
    fargateArmGbHour: 0.00442,
    natGatewayHour: 0.059,
    loadBalancerHour: 0.0252,
    loadBalancerLcuHour: 0.008,
    interfaceEndpointZoneHour: 0.013,
    logsIngestionGb: 0.7,
    ec2RegionFactor: 1.269,
    unverified: ['fargateX86VcpuHour', 'fargateX86GbHour', 'fargateArmVcpuHour', 'fargateArmGbHour', 'loadBalancerHour', 'loadBalancerLcuHour', 'interfaceEndpointZoneHour', 'logsIngestionGb', 'ec2RegionFactor'],
  },
  // Tokyo: ALB $0.0243/h and $0.008 per LCU-hour (aws.darcy-it.com); CloudWatch Logs $0.76/GB
  // (awsi.click); the rest not confirmed by a source.
  'ap-northeast-1': {
    ...FLAT,
    fargateX86VcpuHour: 0.05056,
    fargateX86GbHour: 0.00553,
    fargateArmVcpuHour: 0.04045,
    fargateArmGbHour: 0.00442,
    natGatewayHour: 0.062,
    loadBalancerHour: 0.0243,
    loadBalancerLcuHour: 0.008,
    interfaceEndpointZoneHour: 0.014,
    logsIngestionGb: 0.76,
    ec2RegionFactor: 1.308,
    unverified: ['fargateX86VcpuHour', 'fargateX86GbHour', 'fargateArmVcpuHour', 'fargateArmGbHour', 'natGatewayHour', 'interfaceEndpointZoneHour', 'ec2RegionFactor'],
  },
};
