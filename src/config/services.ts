import { AutoscalingMode, CapacityProvider, CpuArchitecture, ServiceOptions } from '../options';
import { resolveCapacityStrategy } from './capacity';
import { usesEc2 } from './cluster';
import { EnvironmentContext, overridable } from './context';
import { DEFAULTS, DNS_LABEL_PATTERN, ELB_NAME_MAX } from './defaults';
import { describeMemoryChoices, FARGATE_CPU_VALUES, fargateMemoryFor } from './fargate';
import { fitName } from './naming';
import { OptionProblems } from './problems';
import { resolveSecrets } from './secrets';
import type {
  AutoscalingConfig,
  CapacityProviderStrategyConfig,
  ClusterConfig,
  ContainerHealthCheckConfig,
  ServiceConfig,
  ServiceIngressConfig,
  SidecarConfig,
} from '../platform/contract/config';

const ENV_VAR_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HOST_HEADER_PATTERN = /^[A-Za-z0-9*?.-]{1,128}$/;
const PATH_PATTERN = /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]{0,127}$/;
const HEALTH_CHECK_PATH_PATTERN = /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]{0,1023}$/;
/** An ALB listener rule matches at most five condition values in total. */
const RULE_CONDITION_VALUES_MAX = 5;
const REVERSE_PROXY_CONTAINER = 'reverse-proxy';

/** Resolves and validates the services of one environment. */
export function resolveServices(ctx: EnvironmentContext, cluster: ClusterConfig): ServiceConfig[] {
  const { problems } = ctx;
  const services = ctx.options.services ?? [{}];
  problems.check(services.length > 0, 'services', services, 'is empty; at least one service is required');
  const firstLoadBalanced = services.findIndex((service) => service.loadBalanced ?? true);
  problems.check(
    services.length === 0 || firstLoadBalanced >= 0,
    'services',
    services.map((s) => s.name ?? ctx.project),
    'has no load-balanced service; expected at least one service with loadBalanced true (the default)',
  );

  const names = new Set<string>();
  const priorities = new Map<number, string>();
  return services.map((service, index) => {
    const path = `services[${index}]`;
    const config = resolveService(ctx, cluster, service, path, index === firstLoadBalanced, index);
    problems.check(!names.has(config.name), `${path}.name`, config.name, 'is used by another service; service names must be unique');
    names.add(config.name);
    const priority = config.ingress?.rule?.priority;
    if (priority !== undefined) {
      problems.check(
        !priorities.has(priority),
        `${path}.routing.priority`,
        priority,
        `is used by ${priorities.get(priority)} too; listener rule priorities must be unique`,
      );
      priorities.set(priority, path);
    }
    return config;
  });
}

function resolveService(
  ctx: EnvironmentContext,
  cluster: ClusterConfig,
  service: ServiceOptions,
  path: string,
  defaultRoute: boolean,
  index: number,
): ServiceConfig {
  const { problems } = ctx;
  const name = service.name ?? ctx.project;
  // A default name inherits the resource prefix, whose problems are reported already.
  problems.check(
    service.name === undefined || DNS_LABEL_PATTERN.test(name),
    `${path}.name`,
    name,
    'is not allowed; expected 2 to 32 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen',
  );

  const containerPort = service.containerPort ?? DEFAULTS.containerPort;
  problems.checkInteger(`${path}.containerPort`, containerPort, 1, 65535);

  const cpuArchitecture = service.cpuArchitecture ?? CpuArchitecture.X86_64;
  problems.checkEnum(`${path}.cpuArchitecture`, cpuArchitecture, CpuArchitecture);
  const capacityProviderStrategy = resolveServiceCapacity(ctx, cluster, service, path, cpuArchitecture);
  const compatibility = usesEc2(capacityProviderStrategy) ? 'EC2' : 'FARGATE';

  const cpu = service.cpu ?? DEFAULTS.cpu;
  const memoryMiB = service.memoryMiB ?? DEFAULTS.memoryMiB;
  if (compatibility === 'FARGATE') {
    checkFargateSize(cpu, memoryMiB, path, problems);
  } else {
    problems.checkInteger(`${path}.cpu`, cpu, 128, 196608);
    problems.checkInteger(`${path}.memoryMiB`, memoryMiB, 128, 1048576);
  }

  const { desiredCount, minCapacity, maxCapacity } = resolveTaskCount(ctx, service, path);
  const autoscaling = resolveAutoscaling(ctx, service, path, { minCapacity, maxCapacity });

  const healthCheckPath = service.healthCheckPath ?? DEFAULTS.healthCheckPath;
  problems.check(
    HEALTH_CHECK_PATH_PATTERN.test(healthCheckPath),
    `${path}.healthCheckPath`,
    healthCheckPath,
    'is not allowed; expected an HTTP path starting with "/", e.g. "/health"',
  );
  const healthCheckSuccessCodes = service.healthCheckSuccessCodes ?? '200-299';
  problems.check(
    /^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/.test(healthCheckSuccessCodes),
    `${path}.healthCheckSuccessCodes`,
    healthCheckSuccessCodes,
    'is not allowed; expected HTTP codes and ranges separated by commas, e.g. "200" or "200-299" or "200,301,302"',
  );
  const healthCheck = resolveContainerHealthCheck(service, path, problems);
  const healthCheckGracePeriodSeconds = service.healthCheckGracePeriodSeconds
    ?? Math.max(DEFAULTS.healthCheckGracePeriodSeconds, healthCheck?.startPeriodSeconds ?? 0);
  if (problems.checkInteger(`${path}.healthCheckGracePeriodSeconds`, healthCheckGracePeriodSeconds, 0, 2147483647) && healthCheck) {
    problems.check(
      healthCheckGracePeriodSeconds >= healthCheck.startPeriodSeconds,
      `${path}.healthCheckGracePeriodSeconds`,
      healthCheckGracePeriodSeconds,
      `is shorter than the container health check's start period (${healthCheck.startPeriodSeconds} s); expected at least ${healthCheck.startPeriodSeconds}`,
    );
  }
  const deregistrationDelaySeconds = service.deregistrationDelaySeconds ?? DEFAULTS.deregistrationDelaySeconds;
  problems.checkInteger(`${path}.deregistrationDelaySeconds`, deregistrationDelaySeconds, 0, 3600);
  const stopTimeoutSeconds = service.stopTimeoutSeconds ?? DEFAULTS.stopTimeoutSeconds;
  problems.checkInteger(`${path}.stopTimeoutSeconds`, stopTimeoutSeconds, 2, 120);

  const environment = service.environment ?? {};
  checkVariableNames(Object.keys(environment), `${path}.environment`, problems);
  const secretOptions = service.secrets ?? {};
  checkVariableNames(Object.keys(secretOptions), `${path}.secrets`, problems);
  const secrets = resolveSecrets(secretOptions, `${path}.secrets`, problems);
  for (const key of Object.keys(secretOptions)) {
    problems.check(!(key in environment), `${path}.secrets`, key, 'is also a plain environment variable; a variable comes from one place only');
  }
  if (service.secretsKmsKeyArn !== undefined) {
    problems.check(
      /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/.test(service.secretsKmsKeyArn),
      `${path}.secretsKmsKeyArn`,
      service.secretsKmsKeyArn,
      'is not a KMS key ARN; expected arn:<partition>:kms:<region>:<account>:key/<uuid>',
    );
  }
  if (service.image !== undefined) {
    problems.check(/^\S+$/.test(service.image), `${path}.image`, service.image, 'is not an image reference; expected e.g. "public.ecr.aws/nginx/nginx:1.27"');
  }
  checkCommand(service.command, `${path}.command`, problems);

  const reverseProxy = service.reverseProxy === undefined ? undefined : {
    image: service.reverseProxy.image ?? DEFAULTS.reverseProxyImage,
    port: service.reverseProxy.port ?? DEFAULTS.reverseProxyPort,
  };
  if (reverseProxy && problems.checkInteger(`${path}.reverseProxy.port`, reverseProxy.port, 1, 65535)) {
    problems.check(reverseProxy.port !== containerPort, `${path}.reverseProxy.port`, reverseProxy.port, `is the application's port too; expected a port other than ${containerPort}`);
  }
  const sidecars = resolveSidecars(service, name, path, [containerPort, ...(reverseProxy ? [reverseProxy.port] : [])], problems);

  const loadBalanced = service.loadBalanced ?? true;
  const serviceConnect = service.serviceConnect ?? cluster.serviceConnectNamespace !== undefined;
  problems.check(
    !serviceConnect || cluster.serviceConnectNamespace !== undefined,
    `${path}.serviceConnect`,
    serviceConnect,
    'needs the cluster\'s Service Connect namespace; set cluster.serviceConnect to true',
  );
  problems.check(
    loadBalanced || serviceConnect,
    `${path}.loadBalanced`,
    loadBalanced,
    'leaves the service unreachable; a service off the load balancer needs serviceConnect (and cluster.serviceConnect)',
  );
  const ingress = loadBalanced ? resolveIngress(ctx, service, name, path, defaultRoute, index) : undefined;
  if (!loadBalanced) {
    problems.check(service.routing === undefined, `${path}.routing`, service.routing, 'applies to load-balanced services only; remove it or set loadBalanced to true');
    problems.check(autoscaling.targetRequestsPerTask === undefined, `${path}.targetRequestsPerTask`, autoscaling.targetRequestsPerTask, 'needs a load-balanced service; remove it or set loadBalanced to true');
  }

  return {
    name,
    ...(service.image !== undefined ? { image: service.image } : {}),
    containerPort,
    cpu,
    memoryMiB,
    cpuArchitecture,
    compatibility,
    capacityProviderStrategy,
    desiredCount,
    healthCheckPath,
    healthCheckSuccessCodes,
    healthCheckGracePeriodSeconds,
    deregistrationDelaySeconds,
    stopTimeoutSeconds,
    environment: sortedRecord(environment),
    secrets,
    ...(service.secretsKmsKeyArn !== undefined ? { secretsKmsKeyArn: service.secretsKmsKeyArn } : {}),
    ...(service.command !== undefined ? { command: [...service.command] } : {}),
    ...(healthCheck ? { healthCheck } : {}),
    readonlyRootFilesystem: service.readonlyRootFilesystem ?? true,
    sidecars,
    ...(reverseProxy ? { reverseProxy } : {}),
    ...(ingress ? { ingress } : {}),
    serviceConnect,
    autoscaling,
  };
}

function checkFargateSize(cpu: number, memoryMiB: number, path: string, problems: OptionProblems): void {
  const memoryChoices = fargateMemoryFor(cpu);
  if (problems.check(memoryChoices !== undefined, `${path}.cpu`, cpu, `is not a Fargate CPU value; expected one of ${FARGATE_CPU_VALUES.join(', ')}`)) {
    problems.check(
      memoryChoices!.includes(memoryMiB),
      `${path}.memoryMiB`,
      memoryMiB,
      `is not a Fargate memory size for cpu ${cpu}; expected ${describeMemoryChoices(memoryChoices!)}`,
    );
  }
}

function resolveServiceCapacity(
  ctx: EnvironmentContext,
  cluster: ClusterConfig,
  service: ServiceOptions,
  path: string,
  architecture: CpuArchitecture,
): CapacityProviderStrategyConfig[] {
  const { problems } = ctx;
  let strategy: CapacityProviderStrategyConfig[];
  const strategyPath = `${path}.capacityProviderStrategy`;
  if (service.capacityProviderStrategy !== undefined) {
    strategy = resolveCapacityStrategy(service.capacityProviderStrategy, strategyPath, problems);
    problems.check(
      !(architecture === CpuArchitecture.ARM64 && strategy.some((item) => item.capacityProvider === CapacityProvider.FARGATE_SPOT)),
      strategyPath,
      strategy.map((item) => item.capacityProvider),
      'uses FARGATE_SPOT for an ARM64 service; Fargate Spot runs X86_64 tasks only',
    );
  } else {
    strategy = cluster.capacityProviderStrategy;
    if (architecture === CpuArchitecture.ARM64 && strategy.some((item) => item.capacityProvider === CapacityProvider.FARGATE_SPOT)) {
      // Fargate Spot has no Graviton capacity: ARM64 services fall back to on-demand Fargate.
      const onDemand = strategy.filter((item) => item.capacityProvider !== CapacityProvider.FARGATE_SPOT);
      strategy = onDemand.length > 0 && onDemand.some((item) => item.weight > 0)
        ? onDemand
        : [{ capacityProvider: CapacityProvider.FARGATE, base: 0, weight: 1 }];
    }
  }
  if (usesEc2(strategy)) {
    const ec2 = cluster.ec2Capacity;
    if (problems.check(ec2 !== undefined, strategyPath, strategy.map((item) => item.capacityProvider), 'uses EC2, but the cluster has no EC2 capacity; set cluster.ec2Capacity')) {
      problems.check(
        ec2!.architecture === architecture,
        `${path}.cpuArchitecture`,
        architecture,
        `does not match the EC2 instance type ${ec2!.instanceType} (${ec2!.architecture}); use an ${architecture === 'ARM64' ? 'ARM (Graviton, e.g. "m7g.large")' : 'x86 (e.g. "m6i.large")'} instance type in cluster.ec2Capacity.instanceType`,
      );
    }
  }
  return strategy;
}

/** How many tasks a service runs at first, and between which bounds autoscaling moves. */
interface TaskCount {
  readonly desiredCount: number;
  readonly minCapacity: number;
  readonly maxCapacity: number;
}

/**
 * The desired count and the autoscaling bounds, each from the environment's override, else the
 * service's option, else the preset (desired 1 in development and 2 in production, minimum the
 * desired count, maximum four times the minimum).
 */
function resolveTaskCount(ctx: EnvironmentContext, service: ServiceOptions, path: string): TaskCount {
  const { problems } = ctx;
  const setting = (key: 'desiredCount' | 'minCapacity' | 'maxCapacity') =>
    overridable<number | undefined>(ctx, key, service[key], `${path}.${key}`, undefined);
  const desired = setting('desiredCount');
  const min = setting('minCapacity');
  const max = setting('maxCapacity');
  const presetCount = ctx.production ? 2 : 1;
  const minCapacity = min.value ?? Math.max(desired.value ?? presetCount, 1);
  const maxCapacity = max.value ?? Math.max(minCapacity * 4, 1);
  const desiredCount = desired.value ?? Math.max(presetCount, minCapacity);

  const minOk = problems.checkInteger(min.path, minCapacity, 0, 1000);
  const maxOk = problems.checkInteger(max.path, maxCapacity, 1, 1000);
  const desiredOk = problems.checkInteger(desired.path, desiredCount, 0, 1000);
  if (minOk && maxOk && problems.check(maxCapacity >= minCapacity, max.path, maxCapacity, `is below the minimum capacity ${minCapacity}; expected at least ${minCapacity}`)) {
    problems.check(
      !desiredOk || (desiredCount >= minCapacity && desiredCount <= maxCapacity),
      desired.path,
      desiredCount,
      `is outside the autoscaling range; expected ${minCapacity} to ${maxCapacity}`,
    );
  }
  if (ctx.production && minOk) {
    problems.check(
      minCapacity >= 2,
      min.value !== undefined ? min.path : desired.path,
      minCapacity,
      'is below 2 in a production environment; a single task is a single point of failure (use the development preset for one task)',
    );
  }
  return { desiredCount, minCapacity, maxCapacity };
}

function resolveAutoscaling(
  ctx: EnvironmentContext,
  service: ServiceOptions,
  path: string,
  { minCapacity, maxCapacity }: Omit<TaskCount, 'desiredCount'>,
): AutoscalingConfig {
  const { problems } = ctx;
  const mode = service.autoscalingMode ?? AutoscalingMode.TARGET_TRACKING;
  problems.checkEnum(`${path}.autoscalingMode`, mode, AutoscalingMode);

  const targetCpuUtilization = service.targetCpuUtilization ?? DEFAULTS.targetCpuUtilization;
  problems.checkInteger(`${path}.targetCpuUtilization`, targetCpuUtilization, 10, 95);
  const targetMemoryUtilization = service.targetMemoryUtilization ?? DEFAULTS.targetMemoryUtilization;
  problems.checkInteger(`${path}.targetMemoryUtilization`, targetMemoryUtilization, 10, 95);
  if (service.targetRequestsPerTask !== undefined) {
    problems.checkInteger(`${path}.targetRequestsPerTask`, service.targetRequestsPerTask, 1, 1000000);
  }
  const stepOptions = service.stepScaling ?? {};
  const step = {
    scaleOutCpuThreshold: stepOptions.scaleOutCpuThreshold ?? DEFAULTS.stepScaleOutCpuThreshold,
    scaleInCpuThreshold: stepOptions.scaleInCpuThreshold ?? DEFAULTS.stepScaleInCpuThreshold,
    scaleOutStep: stepOptions.scaleOutStep ?? 1,
    scaleInStep: stepOptions.scaleInStep ?? 1,
  };
  const outOk = problems.checkInteger(`${path}.stepScaling.scaleOutCpuThreshold`, step.scaleOutCpuThreshold, 1, 100);
  const inOk = problems.checkInteger(`${path}.stepScaling.scaleInCpuThreshold`, step.scaleInCpuThreshold, 0, 99);
  if (outOk && inOk) {
    problems.check(
      step.scaleInCpuThreshold < step.scaleOutCpuThreshold,
      `${path}.stepScaling.scaleInCpuThreshold`,
      step.scaleInCpuThreshold,
      `is not below scaleOutCpuThreshold ${step.scaleOutCpuThreshold}; the service would scale in and out at once`,
    );
  }
  problems.checkInteger(`${path}.stepScaling.scaleOutStep`, step.scaleOutStep, 1, 100);
  problems.checkInteger(`${path}.stepScaling.scaleInStep`, step.scaleInStep, 1, 100);

  return {
    mode,
    minCapacity,
    maxCapacity,
    targetCpuUtilization,
    targetMemoryUtilization,
    ...(service.targetRequestsPerTask !== undefined ? { targetRequestsPerTask: service.targetRequestsPerTask } : {}),
    step,
    scaleInCooldownSeconds: 300,
    scaleOutCooldownSeconds: 60,
  };
}

function resolveContainerHealthCheck(service: ServiceOptions, path: string, problems: OptionProblems): ContainerHealthCheckConfig | undefined {
  const check = service.healthCheck;
  if (check === undefined) {
    return undefined;
  }
  const defaults = DEFAULTS.containerHealthCheck;
  const resolved = {
    command: [...(check.command ?? [])],
    intervalSeconds: check.intervalSeconds ?? defaults.intervalSeconds,
    timeoutSeconds: check.timeoutSeconds ?? defaults.timeoutSeconds,
    retries: check.retries ?? defaults.retries,
    startPeriodSeconds: check.startPeriodSeconds ?? defaults.startPeriodSeconds,
  };
  problems.check(
    resolved.command.length >= 2 && ['CMD', 'CMD-SHELL'].includes(resolved.command[0]),
    `${path}.healthCheck.command`,
    resolved.command,
    'is not allowed; expected ["CMD", "<executable>", ...args] or ["CMD-SHELL", "<shell command>"]',
  );
  problems.checkInteger(`${path}.healthCheck.intervalSeconds`, resolved.intervalSeconds, 5, 300);
  if (problems.checkInteger(`${path}.healthCheck.timeoutSeconds`, resolved.timeoutSeconds, 2, 60)) {
    problems.check(
      resolved.timeoutSeconds < resolved.intervalSeconds,
      `${path}.healthCheck.timeoutSeconds`,
      resolved.timeoutSeconds,
      `is not shorter than the interval (${resolved.intervalSeconds} s); expected less`,
    );
  }
  problems.checkInteger(`${path}.healthCheck.retries`, resolved.retries, 1, 10);
  problems.checkInteger(`${path}.healthCheck.startPeriodSeconds`, resolved.startPeriodSeconds, 0, 300);
  return resolved;
}

function resolveSidecars(
  service: ServiceOptions,
  serviceName: string,
  path: string,
  takenPorts: number[],
  problems: OptionProblems,
): SidecarConfig[] {
  const names = new Set([serviceName, ...(service.reverseProxy ? [REVERSE_PROXY_CONTAINER] : [])]);
  const ports = new Set(takenPorts);
  return (service.sidecars ?? []).map((sidecar, i) => {
    const sidecarPath = `${path}.sidecars[${i}]`;
    if (problems.check(DNS_LABEL_PATTERN.test(sidecar.name ?? ''), `${sidecarPath}.name`, sidecar.name, 'is not allowed; expected 2 to 32 lowercase letters, digits or hyphens, starting with a letter')) {
      problems.check(!names.has(sidecar.name), `${sidecarPath}.name`, sidecar.name, 'is the name of another container of the task; container names must be unique');
    }
    names.add(sidecar.name);
    problems.check(/^\S+$/.test(sidecar.image ?? ''), `${sidecarPath}.image`, sidecar.image, 'is not an image reference; expected e.g. "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"');
    if (sidecar.containerPort !== undefined && problems.checkInteger(`${sidecarPath}.containerPort`, sidecar.containerPort, 1, 65535)) {
      problems.check(!ports.has(sidecar.containerPort), `${sidecarPath}.containerPort`, sidecar.containerPort, 'is used by another container of the task; containers share the task\'s network namespace');
      ports.add(sidecar.containerPort);
    }
    const environment = sidecar.environment ?? {};
    checkVariableNames(Object.keys(environment), `${sidecarPath}.environment`, problems);
    checkCommand(sidecar.command, `${sidecarPath}.command`, problems);
    if (sidecar.cpu !== undefined) problems.checkInteger(`${sidecarPath}.cpu`, sidecar.cpu, 0, 196608);
    if (sidecar.memoryMiB !== undefined) problems.checkInteger(`${sidecarPath}.memoryMiB`, sidecar.memoryMiB, 6, 1048576);
    return {
      name: sidecar.name,
      image: sidecar.image,
      ...(sidecar.containerPort !== undefined ? { containerPort: sidecar.containerPort } : {}),
      essential: sidecar.essential ?? false,
      environment: sortedRecord(environment),
      ...(sidecar.command !== undefined ? { command: [...sidecar.command] } : {}),
      ...(sidecar.cpu !== undefined ? { cpu: sidecar.cpu } : {}),
      ...(sidecar.memoryMiB !== undefined ? { memoryMiB: sidecar.memoryMiB } : {}),
    };
  });
}

function resolveIngress(
  ctx: EnvironmentContext,
  service: ServiceOptions,
  name: string,
  path: string,
  defaultRoute: boolean,
  index: number,
): ServiceIngressConfig {
  const { problems } = ctx;
  const targetGroupName = fitName([ctx.project, ctx.env.name, name], ELB_NAME_MAX);
  const routing = service.routing;
  if (defaultRoute && routing === undefined) {
    return { targetGroupName, defaultRoute };
  }
  const hostHeaders = routing?.hostHeaders ?? [];
  const pathPatterns = routing?.pathPatterns ?? (hostHeaders.length > 0 ? [] : [`/${name}`, `/${name}/*`]);
  const priority = routing?.priority ?? DEFAULTS.firstRulePriority + index;
  problems.check(
    hostHeaders.length + pathPatterns.length > 0,
    `${path}.routing`,
    routing,
    'has neither host headers nor path patterns; a service sharing the load balancer needs at least one',
  );
  problems.check(
    hostHeaders.length + pathPatterns.length <= RULE_CONDITION_VALUES_MAX,
    `${path}.routing`,
    routing,
    `has ${hostHeaders.length + pathPatterns.length} host headers and path patterns; a listener rule matches at most ${RULE_CONDITION_VALUES_MAX}`,
  );
  hostHeaders.forEach((host, i) =>
    problems.check(HOST_HEADER_PATTERN.test(host), `${path}.routing.hostHeaders[${i}]`, host, 'is not a host name pattern; expected e.g. "api.example.com" or "*.example.com"'));
  pathPatterns.forEach((pattern, i) =>
    problems.check(PATH_PATTERN.test(pattern), `${path}.routing.pathPatterns[${i}]`, pattern, 'is not a path pattern; expected up to 128 characters starting with "/", e.g. "/api/*"'));
  problems.checkInteger(`${path}.routing.priority`, priority, 1, 50000);
  return { targetGroupName, defaultRoute, rule: { priority, hostHeaders: [...hostHeaders], pathPatterns } };
}

function checkVariableNames(names: string[], path: string, problems: OptionProblems): void {
  for (const key of names) {
    problems.check(
      ENV_VAR_NAME_PATTERN.test(key),
      path,
      key,
      'is not a valid environment variable name; expected letters, digits and underscores, not starting with a digit',
    );
  }
}

function checkCommand(command: string[] | undefined, path: string, problems: OptionProblems): void {
  if (command !== undefined) {
    problems.check(command.length > 0 && command.every((part) => typeof part === 'string'), path, command, 'is not allowed; expected a non-empty list of strings, e.g. ["node", "server.js"]');
  }
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
