import type { EnvironmentOptions } from '../options';

/** Defaults that do not depend on a preset. */
export const DEFAULTS = {
  region: 'us-east-1',
  environments: [{ name: 'dev' }] as EnvironmentOptions[],
  vpcCidr: '10.0.0.0/16',
  cpu: 256,
  memoryMiB: 512,
  healthCheckPath: '/health',
  logRetentionDays: 30,
  /** Application, flow and audit logs of production environments: a year, the usual audit baseline. */
  productionLogRetentionDays: 365,
  execLogRetentionDays: 90,
  ecrUntaggedExpiryDays: 7,
  sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  allowedCidrs: ['0.0.0.0/0'],
  accessLogRetentionDays: 90,
  firstRulePriority: 100,
  reverseProxyImage: 'public.ecr.aws/nginx/nginx:1.27-alpine',
  reverseProxyPort: 80,
  ec2InstanceType: 't3.medium',
  ec2MinSize: 1,
  ec2MaxSize: 4,
  ec2TargetCapacityPercent: 100,
  ec2RootVolumeSizeGiB: 30,
} as const;

/** Most AWS name-like identifiers used here: lowercase letters, digits, hyphens. */
