import { EnvironmentOptions, EnvironmentPreset } from '../options';
import { resolveAdoption } from './adoption';
import { isBucketName, isKnownRegion, partitionOf, unknownRegionReason } from './aws';
import { resolveCluster, usesEc2 } from './cluster';
import { EnvironmentContext, PlatformOptions } from './context';
import { checkAttachments, resolveData } from './data';
import { DEFAULTS } from './defaults';
import { EnvironmentSettings, resolveDeployment } from './deployment';
import { checkDomainOptions, checkEnvironmentDomains, resolveDomain, resolveEnvironmentDomainName } from './domain';
import { resolveKmsKeyDeletionWindow } from './encryption';
import { resolveFleet } from './fleet';
import { checkGuardrails } from './guardrails';
import { resolveLoadBalancer } from './load-balancer';
import { prefixFromPackageName } from './naming';
import { resolveNetwork } from './network';
import { resolveObservability } from './observability';
import { OptionProblems } from './problems';
import { checkOptionShapes } from './schema/option-shapes';
import { resolveServices } from './service';
import { resolveStaticSite } from './static-site';
import { checkTags, resolveTags } from './tags';
import { LOAD_BALANCER_WEB_ACL, resolveWebAcl, STATIC_SITE_WEB_ACL } from './waf';
import { attachableTasks, resolveWorkloads, workloadEndpoints, workloadTasks } from './workloads';
import type { PlatformConfig, StateConfig } from '../platform/contract/config';
import { matchesText, RESOURCE_PREFIX_MAX, textRuleReason, TEXT_RULES } from '../platform/contract/rules';

export type { PlatformOptions } from './context';
export { DEFAULTS } from './defaults';


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
  checkTags(options.tags, 'tags', problems);

  const environmentOptions = options.environments ?? DEFAULTS.environments;
  problems.check(environmentOptions.length > 0, 'environments', environmentOptions, 'is empty; at least one environment is required');
  const seen = new Set<string>();
  const environments = environmentOptions.map((env, index) => {
    const path = `environments[${index}]`;
    problems.check(!seen.has(env.name), `${path}.name`, env.name, 'is used by another environment; environment names must be unique');
    seen.add(env.name);
    return resolveEnvironment(options, project, env, path, problems);
  });

  checkDomainOptions({ options, problems });
  checkEnvironmentDomains(options, environments, problems);
  const resolved = resolveDeployment(options, project, environments, problems);
  checkTerraformVersion(options.terraformVersion, problems);
  checkGuardrails(options, resolved.environments, problems);
  const fleet = resolveFleet(options, problems);

  problems.throwIfAny();
  return { project, environments: resolved.environments, deployment: resolved.deployment, fleet };
}

function resolveResourcePrefix(options: PlatformOptions, problems: OptionProblems): string {
  if (options.resourcePrefix !== undefined) {
    problems.check(matchesText(TEXT_RULES.resourcePrefix, options.resourcePrefix), 'resourcePrefix', options.resourcePrefix, textRuleReason(TEXT_RULES.resourcePrefix));
    return options.resourcePrefix;
  }
  const derived = prefixFromPackageName(options.name, RESOURCE_PREFIX_MAX);
  problems.check(
    matchesText(TEXT_RULES.resourcePrefix, derived),
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
): EnvironmentSettings {
  const ctx = environmentContext(options, project, env, path, problems);
  const { region } = ctx;
  const cluster = resolveCluster(ctx, `${project}-${env.name}`, (options.services ?? [{}]).length);
  const services = resolveServices(ctx, cluster);
  const workloads = resolveWorkloads(ctx, cluster, services);
  const tasks = [...services, ...workloadTasks(workloads)];
  const data = resolveData(ctx, tasks.map((task) => task.name), cluster.logRetentionDays);
  checkAttachments(ctx, data, attachableTasks(services, workloads));
  const network = resolveNetwork(ctx, {
    ssmSecrets: tasks.some((s) => s.secrets.some((secret) => secret.source === 'ssm')),
    secretsManagerSecrets: tasks.some((s) => s.secrets.some((secret) => secret.source === 'secretsmanager'))
      || Object.values(data?.attachments ?? {}).some((attachment) => attachment.secrets.length > 0),
    executeCommand: cluster.executeCommand,
    ec2Capacity: tasks.some((s) => usesEc2(s.capacityProviderStrategy)),
    otherServices: workloadEndpoints(workloads),
    dynamodb: (data?.tables.length ?? 0) > 0,
  });
  const staticSite = resolveStaticSite(ctx);
  const loadBalancerWaf = resolveWebAcl(ctx, options.loadBalancer?.waf, LOAD_BALANCER_WEB_ACL, cluster.logRetentionDays);
  const staticSiteWaf = staticSite ? resolveWebAcl(ctx, options.staticSite?.waf, STATIC_SITE_WEB_ACL, cluster.logRetentionDays) : undefined;
  const domain = resolveDomain(ctx, services);
  const adopt = resolveAdoption(ctx, { services, data });

  return {
    name: env.name,
    region,
    partition: ctx.partition,
    ...(env.account !== undefined ? { accountId: env.account } : {}),
    preset: ctx.production ? 'production' : 'development',
    state: resolveState(options, project, env.name, region, problems),
    network,
    cluster,
    loadBalancer: { ...resolveLoadBalancer(ctx), ...(loadBalancerWaf ? { waf: loadBalancerWaf } : {}) },
    services,
    kmsKeyDeletionWindowDays: resolveKmsKeyDeletionWindow(ctx),
    ...(workloads ? { workloads } : {}),
    ...(data ? { data } : {}),
    ...(staticSite ? { staticSite: { ...staticSite, ...(staticSiteWaf ? { waf: staticSiteWaf } : {}) } } : {}),
    observability: resolveObservability(ctx, cluster, services),
    ...(domain ? { domain } : {}),
    tags: resolveTags(options.tags, env.tags, { 'project': project, 'environment': env.name, 'managed-by': 'projen-cdktf-ecs' }, path, problems),
    ...(adopt ? { adopt } : {}),
  };
}

/** The environment's name, region, account and preset, validated: what every resolver of the environment reads. */
function environmentContext(
  options: PlatformOptions, project: string, env: EnvironmentOptions, path: string, problems: OptionProblems,
): EnvironmentContext {
  problems.check(matchesText(TEXT_RULES.environmentName, env.name ?? ''), `${path}.name`, env.name, textRuleReason(TEXT_RULES.environmentName));
  const region = env.region ?? options.region ?? DEFAULTS.region;
  if (env.region !== undefined) {
    problems.check(isKnownRegion(region), `${path}.region`, region, unknownRegionReason(region));
  }
  if (env.account !== undefined) {
    problems.check(matchesText(TEXT_RULES.accountId, env.account), `${path}.account`, env.account, textRuleReason(TEXT_RULES.accountId));
  }
  const preset = env.preset ?? EnvironmentPreset.DEVELOPMENT;
  problems.checkEnum(`${path}.preset`, preset, EnvironmentPreset);
  const base: EnvironmentContext = {
    options,
    env,
    envPath: path,
    project,
    region,
    partition: partitionOf(region),
    production: preset === EnvironmentPreset.PRODUCTION,
    problems: problems.forEnvironment(env.name ?? path),
  };
  return { ...base, domainName: resolveEnvironmentDomainName(base) };
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
