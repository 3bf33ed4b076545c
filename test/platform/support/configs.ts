import type { EnvironmentConfig, PlatformConfig, ServiceConfig } from '../../../src/platform/config';

/** The one service of the default configuration. */
export const ORDERS_SERVICE: ServiceConfig = {
  name: 'orders',
  targetGroupName: 'orders-dev-orders',
  containerPort: 8080,
  cpu: 256,
  memoryMiB: 512,
  cpuArchitecture: 'X86_64',
  desiredCount: 1,
  healthCheckPath: '/health',
  healthCheckGracePeriodSeconds: 60,
  deregistrationDelaySeconds: 30,
  stopTimeoutSeconds: 30,
  environment: { LOG_LEVEL: 'info', APP_ENV: 'dev' },
  autoscaling: {
    minCapacity: 1,
    maxCapacity: 4,
    targetCpuUtilization: 60,
    targetMemoryUtilization: 80,
    scaleInCooldownSeconds: 300,
    scaleOutCooldownSeconds: 60,
  },
};

/** The `dev` environment of the default configuration. */
export const DEV_ENVIRONMENT: EnvironmentConfig = {
  name: 'dev',
  region: 'us-east-1',
  partition: 'aws',
  state: { backend: 'local' },
  network: {
    cidr: '10.0.0.0/16',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    publicSubnetCidrs: ['10.0.0.0/24', '10.0.1.0/24'],
    privateSubnetCidrs: ['10.0.10.0/24', '10.0.11.0/24'],
    natGateways: 'single',
    flowLogs: true,
  },
  cluster: { containerInsights: true, logRetentionDays: 30, ecrKeepImages: 30, ecrUntaggedExpiryDays: 7 },
  loadBalancer: {
    name: 'orders-dev',
    sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
    allowedCidrs: ['0.0.0.0/0'],
    deletionProtection: false,
    idleTimeoutSeconds: 60,
  },
  services: [ORDERS_SERVICE],
  tags: { 'project': 'orders', 'environment': 'dev', 'managed-by': 'projen-cdktf-ecs' },
};

/** Project `orders`, one `dev` environment in us-east-1 with local state and one service. */
export const DEFAULT_CONFIG: PlatformConfig = { project: 'orders', environments: [DEV_ENVIRONMENT] };

/** An account id used where a configuration names its account. */
export const CONFIGURED_ACCOUNT_ID = '111122223333';

/** A certificate ARN in the default configuration's region. */
export const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';

/** The default configuration with the environment changed. */
export function withEnvironment(change: (environment: EnvironmentConfig) => Partial<EnvironmentConfig>): PlatformConfig {
  return { ...DEFAULT_CONFIG, environments: [{ ...DEV_ENVIRONMENT, ...change(DEV_ENVIRONMENT) }] };
}

/** The default configuration with the one service changed. */
export function withService(change: Partial<ServiceConfig>): PlatformConfig {
  return withEnvironment(() => ({ services: [{ ...ORDERS_SERVICE, ...change }] }));
}

/** The variants of the default configuration, by a short name. */
export const VARIANTS = {
  certificate: withEnvironment((env) => ({ loadBalancer: { ...env.loadBalancer, certificateArn: CERTIFICATE_ARN } })),
  accountId: withEnvironment(() => ({ accountId: CONFIGURED_ACCOUNT_ID })),
  natPerAz: withEnvironment((env) => ({ network: { ...env.network, natGateways: 'per-az' } })),
  natNone: withEnvironment((env) => ({ network: { ...env.network, natGateways: 'none' } })),
  s3State: withEnvironment(() => ({
    state: { backend: 's3', bucket: 'orders-terraform-state', region: 'us-east-1', keyPrefix: 'orders' },
  })),
  arm64: withService({ cpuArchitecture: 'ARM64' }),
  externalImage: withService({ image: 'public.ecr.aws/nginx/nginx:1.27' }),
} satisfies Record<string, PlatformConfig>;

/** Name of a variant of {@link VARIANTS}. */
export type VariantName = keyof typeof VARIANTS;

/**
 * Two services (the second routed by path) and two environments, the second in another region
 * with its own account: the shapes the single-service variants do not cover.
 */
export const MULTI_CONFIG: PlatformConfig = {
  project: 'orders',
  environments: [
    {
      ...DEV_ENVIRONMENT,
      services: [ORDERS_SERVICE, { ...ORDERS_SERVICE, name: 'billing', targetGroupName: 'orders-dev-billing', containerPort: 9090 }],
    },
    {
      ...DEV_ENVIRONMENT,
      name: 'prod',
      region: 'eu-west-1',
      accountId: CONFIGURED_ACCOUNT_ID,
      network: {
        ...DEV_ENVIRONMENT.network,
        availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
        publicSubnetCidrs: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'],
        privateSubnetCidrs: ['10.0.10.0/24', '10.0.11.0/24', '10.0.12.0/24'],
        natGateways: 'per-az',
      },
      loadBalancer: { ...DEV_ENVIRONMENT.loadBalancer, name: 'orders-prod', deletionProtection: true },
      services: [{ ...ORDERS_SERVICE, targetGroupName: 'orders-prod-orders', desiredCount: 2 }],
      tags: { ...DEV_ENVIRONMENT.tags, environment: 'prod' },
    },
  ],
};
