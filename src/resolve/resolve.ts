import { EnvironmentOptions, EnvironmentPreset } from '../options';
import { resolveAdoption } from './adoption';
import { isBucketName, isKnownRegion, partitionOf, unknownRegionReason } from './aws';
import { resolveCluster, usesEc2 } from './cluster';
import { EnvironmentContext, PlatformOptions } from './context';
import { DEFAULTS } from './defaults';
import { resolveDeployment } from './deployment';
import { resolveLoadBalancer } from './load-balancer';
import { prefixFromPackageName } from './naming';
import { resolveNetwork } from './network';
import { OptionProblems } from './problems';
import { checkOptionShapes } from './schema/option-shapes';
import { resolveServices } from './service';
import { resolveStaticSite } from './static-site';
import type { EnvironmentConfig, PlatformConfig, StateConfig } from '../platform/contract/config';

export type { PlatformOptions } from './context';
export { DEFAULTS } from './defaults';

const RESOURCE_PREFIX_MAX = 20;
const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9]{0,11}$/;
const RESOURCE_PREFIX_PATTERN = new RegExp(`^[a-z][a-z0-9-]{0,${RESOURCE_PREFIX_MAX - 2}}[a-z0-9]$`);

/**
 * Applies every default to the options and validates them. Pure: same options, same result.
 *
 * @throws InvalidOptionsError listing every problem found
 */
export function resolvePlatformConfig(options: PlatformOptions): PlatformConfig {
  const problems = new OptionProblems();
  // Resolution reads the options; it only runs on options of the right shape.
  if (!checkOptionShapes(options, problems)) {
    problems.throwIfAny();
  }
  const project = resolveResourcePrefix(options, problems);
  const region = options.region ?? DEFAULTS.region;
  problems.check(isKnownRegion(region), 'region', region, unknownRegionReason(region));

  const environmentOptions = options.environments ?? DEFAULTS.environments;
  problems.check(environmentOptions.length > 0, 'environments', environmentOptions, 'is empty; at least one environment is required');
  const seen = new Set<string>();
  const environments = environmentOptions.map((env, index) => {
    const path = `environments[${index}]`;
    problems.check(!seen.has(env.name), `${path}.name`, env.name, 'is used by another environment; environment names must be unique');
    seen.add(env.name);
    return resolveEnvironment(options, project, env, path, problems);
  });

  const deployment = resolveDeployment(options, project, environments, problems);
  checkTerraformVersion(options.terraformVersion, problems);

  problems.throwIfAny();
  const bounded = environments.map((env, index) => {
    const boundary = deployment.environments[index]?.permissionsBoundary;
    return boundary ? { ...env, permissionsBoundary: boundary } : env;
  });
  return { project, environments: bounded, deployment };
}

function resolveResourcePrefix(options: PlatformOptions, problems: OptionProblems): string {
  if (options.resourcePrefix !== undefined) {
    problems.check(
      RESOURCE_PREFIX_PATTERN.test(options.resourcePrefix),
      'resourcePrefix',
      options.resourcePrefix,
      `is not allowed; expected 2 to ${RESOURCE_PREFIX_MAX} lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen`,
    );
    return options.resourcePrefix;
  }
  const derived = prefixFromPackageName(options.name, RESOURCE_PREFIX_MAX);
  problems.check(
    RESOURCE_PREFIX_PATTERN.test(derived),
    'name',
    options.name,
    'gives no usable resource prefix; set "resourcePrefix" to 2 to 20 lowercase letters, digits or hyphens, starting with a letter',
  );
  return derived;
}

function resolveEnvironment(
  options: PlatformOptions,
  project: string,
  env: EnvironmentOptions,
  path: string,
  problems: OptionProblems,
): EnvironmentConfig {
  problems.check(
    ENVIRONMENT_NAME_PATTERN.test(env.name ?? ''),
    `${path}.name`,
    env.name,
    'is not allowed; expected 1 to 12 lowercase letters or digits, starting with a letter',
  );
  const region = env.region ?? options.region ?? DEFAULTS.region;
  if (env.region !== undefined) {
    problems.check(isKnownRegion(region), `${path}.region`, region, unknownRegionReason(region));
  }
  if (env.account !== undefined) {
    problems.check(/^\d{12}$/.test(env.account), `${path}.account`, env.account, 'is not an AWS account id; expected 12 digits');
  }
  const preset = env.preset ?? EnvironmentPreset.DEVELOPMENT;
  problems.checkEnum(`${path}.preset`, preset, EnvironmentPreset);
  const ctx: EnvironmentContext = {
    options,
    env,
    envPath: path,
    project,
    region,
    partition: partitionOf(region),
    production: preset === EnvironmentPreset.PRODUCTION,
    problems: problems.forEnvironment(env.name ?? path),
  };
  const namePrefix = `${project}-${env.name}`;

  const cluster = resolveCluster(ctx, namePrefix, (options.services ?? [{}]).length);
  const services = resolveServices(ctx, cluster);
  const network = resolveNetwork(ctx, {
    ssmSecrets: services.some((s) => s.secrets.some((secret) => secret.source === 'ssm')),
    secretsManagerSecrets: services.some((s) => s.secrets.some((secret) => secret.source === 'secretsmanager')),
    executeCommand: cluster.executeCommand,
    ec2Capacity: services.some((s) => usesEc2(s.capacityProviderStrategy)),
  });
  const staticSite = resolveStaticSite(ctx);
  const adopt = resolveAdoption(ctx, services);

  return {
    name: env.name,
    region,
    partition: ctx.partition,
    ...(env.account !== undefined ? { accountId: env.account } : {}),
    preset: ctx.production ? 'production' : 'development',
    state: resolveState(options, project, env.name, region, problems),
    network,
    cluster,
    loadBalancer: resolveLoadBalancer(ctx),
    services,
    ...(staticSite ? { staticSite } : {}),
    tags: { 'project': project, 'environment': env.name, 'managed-by': 'projen-cdktf-ecs' },
    ...(adopt ? { adopt } : {}),
  };
}

function resolveState(options: PlatformOptions, project: string, environment: string, region: string, problems: OptionProblems): StateConfig {
  const state = options.terraformState ?? {};
  if (state.bucket === undefined) {
    return { backend: 'local' };
  }
  problems.check(isBucketName(state.bucket), 'terraformState.bucket', state.bucket, 'is not a valid S3 bucket name; expected 3 to 63 lowercase letters, digits, dots or hyphens');
  const bucketRegion = state.region ?? region;
  problems.check(isKnownRegion(bucketRegion), 'terraformState.region', bucketRegion, unknownRegionReason(bucketRegion));
  const keyPrefix = state.keyPrefix ?? project;
  problems.check(
    /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(keyPrefix),
    'terraformState.keyPrefix',
    keyPrefix,
    'is not allowed; expected path segments of letters, digits and !_.*\'()- separated by single slashes, without leading or trailing slash',
  );
  return { backend: 's3', bucket: state.bucket, region: bucketRegion, keyPrefix, environmentKeyPrefix: `${keyPrefix}/${environment}` };
}

/** Terraform 1.10 brought native S3 state locking (`use_lockfile`), which the stacks use. */
const TERRAFORM_VERSION_PATTERN = /^1\.(1\d|[2-9]\d)\.\d+$/;

function checkTerraformVersion(version: string | undefined, problems: OptionProblems): void {
  if (version !== undefined) {
    problems.check(TERRAFORM_VERSION_PATTERN.test(version), 'terraformVersion', version, 'is not a Terraform release the stacks support; expected a version such as "1.11.4" (1.10 or later)');
  }
}
