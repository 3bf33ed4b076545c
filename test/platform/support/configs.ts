import { CpuArchitecture, EcsServiceProjectOptions, EnvironmentPreset, NatGateways } from '../../../src/options';
import type { EnvironmentConfig, PlatformConfig, ServiceConfig } from '../../../src/platform/contract/config';
import { resolvePlatformConfig } from '../../../src/resolve/resolve';

/** Options of the project the test configurations are resolved from. */
export type ConfigOptions = Omit<Parameters<typeof resolvePlatformConfig>[0], 'name'> & Partial<Pick<EcsServiceProjectOptions, 'name'>>;

/**
 * Resolves options the way the project type does, for project `orders`. Production environments
 * of test configurations may serve plain HTTP (the PRODUCTION preset's HTTPS requirement has its
 * own tests), unless the options say otherwise.
 */
export function configOf(options: ConfigOptions = {}): PlatformConfig {
  return resolvePlatformConfig({ name: 'orders', ...options, loadBalancer: { allowPlainHttp: 'test configuration without TLS', ...options.loadBalancer } });
}

/** The one service of the default configuration's options. */
export const ORDERS_SERVICE_OPTIONS = { name: 'orders', environment: { LOG_LEVEL: 'info', APP_ENV: 'dev' } };

/** Project `orders`, one `dev` environment in us-east-1 with local state and one service. */
export const DEFAULT_CONFIG: PlatformConfig = configOf({ services: [ORDERS_SERVICE_OPTIONS] });

/** The `dev` environment of the default configuration. */
export const DEV_ENVIRONMENT: EnvironmentConfig = DEFAULT_CONFIG.environments[0];

/** The one service of the default configuration. */
export const ORDERS_SERVICE: ServiceConfig = DEV_ENVIRONMENT.services[0];

/** An account id used where a configuration names its account. */
export const CONFIGURED_ACCOUNT_ID = '111122223333';

/** A certificate ARN in the default configuration's region. */
export const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';

/** The default configuration with the environment changed (for shapes options cannot express). */
export function withEnvironment(change: (environment: EnvironmentConfig) => Partial<EnvironmentConfig>): PlatformConfig {
  return { ...DEFAULT_CONFIG, environments: [{ ...DEV_ENVIRONMENT, ...change(DEV_ENVIRONMENT) }] };
}

/** The variants of the default configuration, by a short name. */
export const VARIANTS = {
  certificate: configOf({ services: [ORDERS_SERVICE_OPTIONS], loadBalancer: { certificateArn: CERTIFICATE_ARN } }),
  accountId: configOf({ services: [ORDERS_SERVICE_OPTIONS], environments: [{ name: 'dev', account: CONFIGURED_ACCOUNT_ID }] }),
  natPerAz: configOf({ services: [ORDERS_SERVICE_OPTIONS], network: { natGateways: NatGateways.PER_AZ } }),
  natNone: configOf({ services: [ORDERS_SERVICE_OPTIONS], network: { natGateways: NatGateways.NONE } }),
  s3State: configOf({ services: [ORDERS_SERVICE_OPTIONS], terraformState: { bucket: 'orders-terraform-state' } }),
  arm64: configOf({ services: [{ ...ORDERS_SERVICE_OPTIONS, cpuArchitecture: CpuArchitecture.ARM64 }] }),
  externalImage: configOf({ services: [{ ...ORDERS_SERVICE_OPTIONS, image: 'public.ecr.aws/nginx/nginx:1.27' }] }),
} satisfies Record<string, PlatformConfig>;

/** Name of a variant of {@link VARIANTS}. */
export type VariantName = keyof typeof VARIANTS;

/**
 * Two services (the second routed by path) and two environments, the second in another region
 * with its own account and the production preset: the shapes the single-service variants do not cover.
 */
export const MULTI_CONFIG: PlatformConfig = configOf({
  services: [ORDERS_SERVICE_OPTIONS, { name: 'billing', containerPort: 9090 }],
  environments: [
    { name: 'dev' },
    {
      name: 'prod',
      region: 'eu-west-1',
      account: CONFIGURED_ACCOUNT_ID,
      preset: EnvironmentPreset.PRODUCTION,
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    },
  ],
  loadBalancer: { allowPlainHttp: 'test fixture without TLS' },
});
