import { CapacityProvider, CpuArchitecture, EnvironmentPreset, NatGateways } from '../../../src/options';
import { CostEstimate, estimateMonthlyCost } from '../../../src/platform/contract/cost';
import { configOf, ConfigOptions } from '../support/configs';

/** The estimate of the first environment of a configuration resolved from `options`. */
function estimateOf(options: ConfigOptions = {}): CostEstimate {
  return estimateMonthlyCost(configOf(options).environments[0]);
}

/** The monthly amount of the line item whose description starts with `prefix`. */
function monthlyOf(estimate: CostEstimate, prefix: string): number | undefined {
  return estimate.lineItems.find((item) => item.what.startsWith(prefix))?.monthly;
}

// Hand-computed, us-east-1. Default dev: one 0.25 vCPU / 0.5 GB task, Spot 3 : Fargate 1.
//   Spot vCPU      0.75 × 0.25 × 730 = 136.875 h × 0.012144 =  1.662210
//   Spot memory    0.75 × 0.5  × 730 = 273.75  h × 0.0013335 = 0.365045625
//   Fargate vCPU   0.25 × 0.25 × 730 =  45.625 h × 0.04048  =  1.846900
//   Fargate memory 0.25 × 0.5  × 730 =  91.25   h × 0.004445 =  0.40560625
//   NAT 730 × 0.045 = 32.85; ALB 730 × 0.0225 = 16.425; LCU 730 × 0.008 = 5.84
//   IPv4 3 × 730 × 0.005 = 10.95; KMS 3 × 1 = 3 (cluster, flow logs, alarm topic); logs 5 × 0.5 = 2.5      total 75.844761875
describe('the default dev environment', () => {
  const estimate = estimateOf();

  test('costs 75.84 USD a month', () => {
    expect(estimate.total).toBeCloseTo(75.844761875, 9);
  });

  test('runs three quarters of its task on Fargate Spot at 30% of the Fargate price', () => {
    const spotVcpu = estimate.lineItems.find((item) => item.what.includes('Fargate Spot') && item.what.endsWith('vCPU'))!;
    expect([spotVcpu.quantity, spotVcpu.unitPrice]).toEqual([136.875, 0.012144]);
  });

  test('pays for three public IPv4 addresses: two load balancer zones and one NAT gateway', () => {
    expect(monthlyOf(estimate, 'Public IPv4')).toBeCloseTo(10.95, 6);
  });

  test('states 730 hours and the desired count among its assumptions', () => {
    expect(estimate.assumptions).toEqual(expect.arrayContaining([
      expect.stringContaining('730 hours a month'),
      expect.stringContaining('desired count (orders 1)'),
    ]));
  });
});

// Production: two tasks on Fargate only, a NAT gateway in each of the two zones.
//   vCPU 2 × 0.25 × 730 = 365 h × 0.04048 = 14.7752; memory 730 h × 0.004445 = 3.24485
//   NAT 2 × 730 × 0.045 = 65.7; ALB 16.425; LCU 5.84; IPv4 4 × 730 × 0.005 = 14.6; KMS 3; logs 2.5
//   total 126.08505
describe('a production preset environment', () => {
  const estimate = estimateOf({ environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } });

  test('costs 126.09 USD a month', () => {
    expect(estimate.total).toBeCloseTo(126.08505, 6);
  });

  test('pays for a NAT gateway per zone', () => {
    expect(monthlyOf(estimate, 'NAT gateways × 2')).toBeCloseTo(65.7, 6);
  });
});

describe('an environment with EC2 capacity', () => {
  const ec2Options: ConfigOptions = {
    cluster: { ec2Capacity: { instanceType: 'm7g.large', minSize: 2 } },
    services: [{ cpuArchitecture: CpuArchitecture.ARM64, capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }] }],
  };

  test('pays for the minimum instances of the Auto Scaling group: 2 × 730 h × 0.0816', () => {
    expect(monthlyOf(estimateOf(ec2Options), 'EC2 m7g.large')).toBeCloseTo(119.136, 6);
  });

  test('pays nothing for Fargate', () => {
    expect(estimateOf(ec2Options).lineItems.filter((item) => item.what.includes('Fargate'))).toEqual([]);
  });

  test('scales the us-east-1 instance price by the region factor elsewhere: 0.0816 × 1.096 in eu-west-1', () => {
    const item = estimateOf({ ...ec2Options, region: 'eu-west-1' }).lineItems.find((line) => line.what.startsWith('EC2'))!;
    expect(item.unitPrice).toBeCloseTo(0.0894336, 9);
  });

  test('warns and leaves out an instance type without a price', () => {
    const estimate = estimateOf({
      cluster: { ec2Capacity: { instanceType: 'm5.large' } },
      services: [{ capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }] }],
    });
    expect(estimate.warnings).toEqual([expect.stringContaining('No price for EC2 instance type m5.large')]);
  });
});

// Five tasks, Fargate base 1 weight 1 and Spot weight 3: Fargate 1 + 4 × 1/4 = 2, Spot 4 × 3/4 = 3.
test('Fargate Spot weights share the tasks above the base: 3 of 5 tasks on Spot', () => {
  const estimate = estimateOf({
    services: [{
      desiredCount: 5,
      capacityProviderStrategy: [
        { capacityProvider: CapacityProvider.FARGATE, base: 1, weight: 1 },
        { capacityProvider: CapacityProvider.FARGATE_SPOT, weight: 3 },
      ],
    }],
  });
  const vcpuHours = (spot: boolean) => estimate.lineItems.find((item) => item.what.includes(spot ? 'Fargate Spot' : 'Fargate x86') && item.what.endsWith('vCPU'))!.quantity;
  expect([vcpuHours(true), vcpuHours(false)]).toEqual([3 * 0.25 * 730, 2 * 0.25 * 730]);
});

// No NAT: endpoints ecr.api, ecr.dkr, logs, kms, ssmmessages (ECS Exec in development) in 2 zones.
//   5 × 2 × 730 = 7300 endpoint-hours × 0.01 = 73
describe('an environment with VPC endpoints instead of NAT', () => {
  const estimate = estimateOf({ network: { natGateways: NatGateways.NONE } });

  test('pays for five interface endpoints in two zones', () => {
    expect(monthlyOf(estimate, 'Interface VPC endpoints × 5 in 2 zones')).toBeCloseTo(73, 6);
  });

  test('pays for no NAT gateway', () => {
    expect(monthlyOf(estimate, 'NAT')).toBeUndefined();
  });
});

test('a region without prices gets a warning instead of line items', () => {
  const estimate = estimateOf({ region: 'sa-east-1' });
  expect([estimate.priced, estimate.warnings[0]]).toEqual([false, expect.stringContaining('No prices for region sa-east-1')]);
});
