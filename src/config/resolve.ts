import {
  CpuArchitecture,
  EcsServiceProjectOptions,
  EnvironmentOptions,
  EnvironmentPreset,
  NatGateways,
  ServiceOptions,
} from '../options';
import { isBucketName, isCertificateArn, LOG_RETENTION_DAYS, partitionOf, REGION_PATTERN } from './aws';
import { formatIpv4Cidr, parseIpv4Cidr, subnetOf } from './cidr';
import { resolveDeployment } from './deployment';
import { describeMemoryChoices, FARGATE_CPU_VALUES, fargateMemoryFor } from './fargate';
import { fitName, prefixFromPackageName } from './naming';
import { OptionProblems } from './problems';
import type {
  ClusterConfig,
  EnvironmentConfig,
  LoadBalancerConfig,
  NetworkConfig,
  PlatformConfig,
  ServiceConfig,
  StateConfig,
} from '../platform/config';

/** The options the platform configuration is resolved from. */
export type PlatformOptions = Pick<
  EcsServiceProjectOptions,
  'name' | 'region' | 'resourcePrefix' | 'environments' | 'network' | 'cluster' | 'loadBalancer' | 'services' | 'terraformState'
  | 'deployment' | 'defaultReleaseBranch'
>;

/** Defaults that do not depend on a preset. */
export const DEFAULTS = {
  region: 'us-east-1',
  environments: [{ name: 'dev' }] as EnvironmentOptions[],
  vpcCidr: '10.0.0.0/16',
  containerPort: 8080,
  cpu: 256,
  memoryMiB: 512,
  healthCheckPath: '/health',
  healthCheckGracePeriodSeconds: 60,
  deregistrationDelaySeconds: 30,
  stopTimeoutSeconds: 30,
  targetCpuUtilization: 60,
  targetMemoryUtilization: 80,
  logRetentionDays: 30,
  ecrKeepImages: 30,
  ecrUntaggedExpiryDays: 7,
  sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  allowedCidrs: ['0.0.0.0/0'],
  idleTimeoutSeconds: 60,
} as const;

const RESOURCE_PREFIX_MAX = 20;
const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9]{0,11}$/;
const RESOURCE_PREFIX_PATTERN = new RegExp(`^[a-z][a-z0-9-]{0,${RESOURCE_PREFIX_MAX - 2}}[a-z0-9]$`);
const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const ENV_VAR_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** AWS caps ALB and target group names at 32 characters. */
const ELB_NAME_MAX = 32;

/**
 * Applies every default to the options and validates them. Pure: same options, same result.
 *
 * @throws InvalidOptionsError listing every problem found
 */
export function resolvePlatformConfig(options: PlatformOptions): PlatformConfig {
  const problems = new OptionProblems();
  const project = resolveResourcePrefix(options, problems);
  const region = options.region ?? DEFAULTS.region;
  problems.check(REGION_PATTERN.test(region), 'region', region, 'is not an AWS region name; expected e.g. "us-east-1"');

  const environmentOptions = options.environments ?? DEFAULTS.environments;
  problems.check(environmentOptions.length > 0, 'environments', environmentOptions, 'is empty; at least one environment is required');
  const seen = new Set<string>();
  const environments = environmentOptions.map((env, index) => {
    const path = `environments[${index}]`;
    problems.check(
      !seen.has(env.name),
      `${path}.name`,
      env.name,
      'is used by another environment; environment names must be unique',
    );
    seen.add(env.name);
    return resolveEnvironment(options, project, env, path, problems);
  });

  const deployment = resolveDeployment(options, project, environments, problems);
  problems.throwIfAny();
  return { project, environments, deployment };
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
    problems.check(REGION_PATTERN.test(region), `${path}.region`, region, 'is not an AWS region name; expected e.g. "eu-west-1"');
  }
  if (env.account !== undefined) {
    problems.check(/^\d{12}$/.test(env.account), `${path}.account`, env.account, 'is not an AWS account id; expected 12 digits');
  }
  const preset = env.preset ?? EnvironmentPreset.DEVELOPMENT;
  const production = preset === EnvironmentPreset.PRODUCTION;

  return {
    name: env.name,
    region,
    partition: partitionOf(region),
    ...(env.account !== undefined ? { accountId: env.account } : {}),
    state: resolveState(options, project, region, problems),
    network: resolveNetwork(options, region, production, problems),
    cluster: resolveCluster(options, problems),
    loadBalancer: resolveLoadBalancer(options, project, env.name, region, production, problems),
    services: resolveServices(options, project, env.name, production, problems),
    tags: { 'project': project, 'environment': env.name, 'managed-by': 'projen-cdktf-ecs' },
  };
}

function resolveState(options: PlatformOptions, project: string, region: string, problems: OptionProblems): StateConfig {
  const state = options.terraformState ?? {};
  if (state.bucket === undefined) {
    return { backend: 'local' };
  }
  problems.check(isBucketName(state.bucket), 'terraformState.bucket', state.bucket, 'is not a valid S3 bucket name; expected 3 to 63 lowercase letters, digits, dots or hyphens');
  const bucketRegion = state.region ?? region;
  problems.check(REGION_PATTERN.test(bucketRegion), 'terraformState.region', bucketRegion, 'is not an AWS region name; expected e.g. "us-east-1"');
  const keyPrefix = state.keyPrefix ?? project;
  problems.check(
    /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(keyPrefix),
    'terraformState.keyPrefix',
    keyPrefix,
    'is not allowed; expected path segments of letters, digits and !_.*\'()- separated by single slashes, without leading or trailing slash',
  );
  return { backend: 's3', bucket: state.bucket, region: bucketRegion, keyPrefix };
}

function resolveNetwork(options: PlatformOptions, region: string, production: boolean, problems: OptionProblems): NetworkConfig {
  const network = options.network ?? {};
  const cidrText = network.cidr ?? DEFAULTS.vpcCidr;
  const cidr = parseIpv4Cidr(cidrText);
  const cidrOk = problems.check(
    cidr !== undefined && cidr.prefixLength >= 16 && cidr.prefixLength <= 22,
    'network.cidr',
    cidrText,
    'is not allowed; expected an IPv4 network address with prefix length /16 to /22, e.g. "10.0.0.0/16"',
  );
  const zones = network.availabilityZones ?? [`${region}a`, `${region}b`];
  problems.check(zones.length >= 2 && zones.length <= 8, 'network.availabilityZones', zones, 'is not allowed; expected 2 to 8 availability zones');
  problems.check(new Set(zones).size === zones.length, 'network.availabilityZones', zones, 'lists a zone twice; expected distinct zones');
  zones.forEach((zone, i) =>
    problems.check(
      new RegExp(`^${region}[a-z]$`).test(zone),
      `network.availabilityZones[${i}]`,
      zone,
      `is not a zone of region ${region}; expected e.g. "${region}a"`,
    ),
  );
  const natGateways = network.natGateways ?? (production ? NatGateways.PER_AZ : NatGateways.SINGLE);
  problems.check(
    Object.values(NatGateways).includes(natGateways),
    'network.natGateways',
    natGateways,
    `is not allowed; expected one of ${Object.values(NatGateways).join(', ')}`,
  );
  // Each subnet is 1/16 of the VPC: public subnets take slots 0-7, private subnets 8-15.
  const subnets = (offset: number) =>
    cidrOk && cidr ? zones.map((_, i) => formatIpv4Cidr(subnetOf(cidr, 4, offset + i))) : [];
  return {
    cidr: cidrText,
    availabilityZones: [...zones],
    publicSubnetCidrs: subnets(0),
    privateSubnetCidrs: subnets(8),
    natGateways,
    flowLogs: network.flowLogs ?? true,
  };
}

function resolveCluster(options: PlatformOptions, problems: OptionProblems): ClusterConfig {
  const cluster = options.cluster ?? {};
  const logRetentionDays = cluster.logRetentionDays ?? DEFAULTS.logRetentionDays;
  problems.check(
    LOG_RETENTION_DAYS.includes(logRetentionDays),
    'cluster.logRetentionDays',
    logRetentionDays,
    `is not a CloudWatch Logs retention; expected one of ${LOG_RETENTION_DAYS.join(', ')}`,
  );
  const ecrKeepImages = cluster.ecrKeepImages ?? DEFAULTS.ecrKeepImages;
  problems.checkInteger('cluster.ecrKeepImages', ecrKeepImages, 1, 10000);
  return {
    containerInsights: cluster.containerInsights ?? true,
    logRetentionDays,
    ecrKeepImages,
    ecrUntaggedExpiryDays: DEFAULTS.ecrUntaggedExpiryDays,
  };
}

function resolveLoadBalancer(
  options: PlatformOptions,
  project: string,
  environment: string,
  region: string,
  production: boolean,
  problems: OptionProblems,
): LoadBalancerConfig {
  const lb = options.loadBalancer ?? {};
  if (lb.certificateArn !== undefined) {
    problems.check(
      isCertificateArn(lb.certificateArn, region),
      'loadBalancer.certificateArn',
      lb.certificateArn,
      `is not an ACM certificate ARN in ${region}; expected arn:${partitionOf(region)}:acm:${region}:<account>:certificate/<uuid>`,
    );
  }
  const allowedCidrs = lb.allowedCidrs ?? [...DEFAULTS.allowedCidrs];
  problems.check(allowedCidrs.length > 0, 'loadBalancer.allowedCidrs', allowedCidrs, 'is empty; expected at least one IPv4 CIDR block');
  allowedCidrs.forEach((c, i) =>
    problems.check(parseIpv4Cidr(c) !== undefined, `loadBalancer.allowedCidrs[${i}]`, c, 'is not an IPv4 CIDR block; expected e.g. "203.0.113.0/24"'),
  );
  const sslPolicy = lb.sslPolicy ?? DEFAULTS.sslPolicy;
  problems.check(
    /^ELBSecurityPolicy-TLS13-[A-Za-z0-9-]+$/.test(sslPolicy),
    'loadBalancer.sslPolicy',
    sslPolicy,
    'is not allowed; expected a TLS 1.3 policy (ELBSecurityPolicy-TLS13-*), e.g. "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"',
  );
  const idleTimeoutSeconds = lb.idleTimeoutSeconds ?? DEFAULTS.idleTimeoutSeconds;
  problems.checkInteger('loadBalancer.idleTimeoutSeconds', idleTimeoutSeconds, 1, 4000);
  return {
    name: fitName([project, environment], ELB_NAME_MAX),
    ...(lb.certificateArn !== undefined ? { certificateArn: lb.certificateArn } : {}),
    sslPolicy,
    allowedCidrs: [...allowedCidrs],
    deletionProtection: lb.deletionProtection ?? production,
    idleTimeoutSeconds,
  };
}

function resolveServices(
  options: PlatformOptions,
  project: string,
  environment: string,
  production: boolean,
  problems: OptionProblems,
): ServiceConfig[] {
  const services = options.services ?? [{}];
  problems.check(services.length > 0, 'services', services, 'is empty; at least one service is required');
  const names = new Set<string>();
  return services.map((service, index) => {
    const config = resolveService(service, `services[${index}]`, project, environment, production, problems);
    problems.check(!names.has(config.name), `services[${index}].name`, config.name, 'is used by another service; service names must be unique');
    names.add(config.name);
    return config;
  });
}

function resolveService(
  service: ServiceOptions,
  path: string,
  project: string,
  environment: string,
  production: boolean,
  problems: OptionProblems,
): ServiceConfig {
  const name = service.name ?? project;
  // A default name inherits the resource prefix, whose problems are reported already.
  problems.check(
    service.name === undefined || SERVICE_NAME_PATTERN.test(name),
    `${path}.name`,
    name,
    'is not allowed; expected 2 to 32 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen',
  );

  const containerPort = service.containerPort ?? DEFAULTS.containerPort;
  problems.checkInteger(`${path}.containerPort`, containerPort, 1, 65535);

  const cpu = service.cpu ?? DEFAULTS.cpu;
  const memoryMiB = service.memoryMiB ?? DEFAULTS.memoryMiB;
  const memoryChoices = fargateMemoryFor(cpu);
  if (problems.check(memoryChoices !== undefined, `${path}.cpu`, cpu, `is not a Fargate CPU value; expected one of ${FARGATE_CPU_VALUES.join(', ')}`)) {
    problems.check(
      memoryChoices!.includes(memoryMiB),
      `${path}.memoryMiB`,
      memoryMiB,
      `is not a Fargate memory size for cpu ${cpu}; expected ${describeMemoryChoices(memoryChoices!)}`,
    );
  }

  const cpuArchitecture = service.cpuArchitecture ?? CpuArchitecture.X86_64;
  problems.check(
    Object.values(CpuArchitecture).includes(cpuArchitecture),
    `${path}.cpuArchitecture`,
    cpuArchitecture,
    `is not allowed; expected one of ${Object.values(CpuArchitecture).join(', ')}`,
  );

  const desiredCount = service.desiredCount ?? (production ? 2 : 1);
  const desiredOk = problems.checkInteger(`${path}.desiredCount`, desiredCount, 0, 1000);
  const minCapacity = service.minCapacity ?? Math.max(desiredCount, 1);
  const minOk = problems.checkInteger(`${path}.minCapacity`, minCapacity, 0, 1000);
  const maxCapacity = service.maxCapacity ?? Math.max(minCapacity * 4, 1);
  const maxOk = problems.checkInteger(`${path}.maxCapacity`, maxCapacity, 1, 1000);
  if (desiredOk && minOk && maxOk && problems.check(
    maxCapacity >= minCapacity, `${path}.maxCapacity`, maxCapacity, `is below minCapacity ${minCapacity}; expected at least ${minCapacity}`,
  )) {
    problems.check(
      desiredCount >= minCapacity && desiredCount <= maxCapacity,
      `${path}.desiredCount`,
      desiredCount,
      `is outside the autoscaling range; expected ${minCapacity} to ${maxCapacity}`,
    );
  }

  const targetCpuUtilization = service.targetCpuUtilization ?? DEFAULTS.targetCpuUtilization;
  problems.checkInteger(`${path}.targetCpuUtilization`, targetCpuUtilization, 10, 95);
  const targetMemoryUtilization = service.targetMemoryUtilization ?? DEFAULTS.targetMemoryUtilization;
  problems.checkInteger(`${path}.targetMemoryUtilization`, targetMemoryUtilization, 10, 95);

  const healthCheckPath = service.healthCheckPath ?? DEFAULTS.healthCheckPath;
  problems.check(
    /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]{0,1023}$/.test(healthCheckPath),
    `${path}.healthCheckPath`,
    healthCheckPath,
    'is not allowed; expected an HTTP path starting with "/", e.g. "/health"',
  );
  const healthCheckGracePeriodSeconds = service.healthCheckGracePeriodSeconds ?? DEFAULTS.healthCheckGracePeriodSeconds;
  problems.checkInteger(`${path}.healthCheckGracePeriodSeconds`, healthCheckGracePeriodSeconds, 0, 2147483647);
  const deregistrationDelaySeconds = service.deregistrationDelaySeconds ?? DEFAULTS.deregistrationDelaySeconds;
  problems.checkInteger(`${path}.deregistrationDelaySeconds`, deregistrationDelaySeconds, 0, 3600);
  const stopTimeoutSeconds = service.stopTimeoutSeconds ?? DEFAULTS.stopTimeoutSeconds;
  problems.checkInteger(`${path}.stopTimeoutSeconds`, stopTimeoutSeconds, 2, 120);

  const environmentVariables = service.environment ?? {};
  for (const key of Object.keys(environmentVariables)) {
    problems.check(
      ENV_VAR_NAME_PATTERN.test(key),
      `${path}.environment`,
      key,
      'is not a valid environment variable name; expected letters, digits and underscores, not starting with a digit',
    );
  }
  if (service.image !== undefined) {
    problems.check(/^\S+$/.test(service.image), `${path}.image`, service.image, 'is not an image reference; expected e.g. "public.ecr.aws/nginx/nginx:1.27"');
  }

  return {
    name,
    targetGroupName: fitName([project, environment, name], ELB_NAME_MAX),
    ...(service.image !== undefined ? { image: service.image } : {}),
    containerPort,
    cpu,
    memoryMiB,
    cpuArchitecture,
    desiredCount,
    healthCheckPath,
    healthCheckGracePeriodSeconds,
    deregistrationDelaySeconds,
    stopTimeoutSeconds,
    environment: Object.fromEntries(Object.entries(environmentVariables).sort(([a], [b]) => a.localeCompare(b))),
    autoscaling: {
      minCapacity,
      maxCapacity,
      targetCpuUtilization,
      targetMemoryUtilization,
      scaleInCooldownSeconds: 300,
      scaleOutCooldownSeconds: 60,
    },
  };
}
