import { Draft, EnumMember, ProjectDraft, stringMap } from './draft';
import { durationSeconds, isMap, Manifest, YamlValue } from './manifest';
import { mapPublishedTopics } from './topics';

/** Copilot workload types that become entries of `services`. */
export const SERVICE_TYPES = ['Load Balanced Web Service', 'Backend Service'];

/** Maps a service manifest onto `services[]`; `environments:` overrides are mapped by the caller. */
export function mapService(manifest: Manifest, draft: ProjectDraft): Draft {
  const name = String(manifest.take('name'));
  const type = manifest.take('type');
  const service: Draft = { name };
  if (type !== 'Load Balanced Web Service') {
    service.loadBalanced = false;
  }
  mapServiceFields(manifest, service, draft);
  mapPublishedTopics(manifest, service);
  return service;
}

/** Maps the fields a service manifest and its `environments.<env>` overrides share. */
export function mapServiceFields(manifest: Manifest, service: Draft, draft: ProjectDraft): void {
  mapImage(manifest, service, draft);
  mapTaskSize(manifest, service);
  mapCount(manifest, '', service);
  mapHttp(manifest, service);
  mapContainer(manifest, service, draft);
  mapSidecars(manifest, service);
}

function mapImage(manifest: Manifest, service: Draft, draft: ProjectDraft): void {
  const build = manifest.peek('image.build');
  if (typeof build === 'string' || (isMap(build) && Object.keys(build).every((key) => key === 'dockerfile' || key === 'context'))) {
    manifest.take('image.build');
    const dockerfile = typeof build === 'string' ? build : String(build.dockerfile ?? `${build.context}/Dockerfile`);
    draft.notes.push(`${manifest.file}: "${service.name}" was built from ${dockerfile}${isMap(build) && build.context ? ` (context ${build.context})` : ''}; move that build context into the service's app directory.`);
  }
  const location = manifest.take('image.location');
  if (typeof location === 'string') {
    service.image = location;
  }
  const port = manifest.take('image.port');
  if (typeof port === 'number') {
    service.containerPort = port;
  }
  const check = manifest.peek('image.healthcheck');
  if (isMap(check) && Array.isArray(check.command)) {
    manifest.take('image.healthcheck');
    service.healthCheck = compact({
      command: check.command,
      intervalSeconds: durationSeconds(check.interval),
      timeoutSeconds: durationSeconds(check.timeout),
      retries: typeof check.retries === 'number' ? check.retries : undefined,
      startPeriodSeconds: durationSeconds(check.start_period),
    });
  }
}

/** `cpu`, `memory` and `platform` (Linux, x86_64 or arm64) of a task. */
export function mapTaskSize(manifest: Manifest, service: Draft): void {
  const cpu = manifest.take('cpu');
  if (typeof cpu === 'number') {
    service.cpu = cpu;
  }
  const memory = manifest.take('memory');
  if (typeof memory === 'number') {
    service.memoryMiB = memory;
  }
  const platform = manifest.peek('platform');
  const architecture = typeof platform === 'string' ? platform.split('/')[1] : isMap(platform) ? platform.architecture : undefined;
  if (typeof platform === 'string' && !platform.startsWith('linux/')) {
    manifest.report('platform', 'is not supported; the tasks run on Linux');
  } else if (architecture === 'arm64' || architecture === 'x86_64' || architecture === 'amd64') {
    manifest.take('platform');
    service.cpuArchitecture = architecture === 'arm64'
      ? new EnumMember('CpuArchitecture', 'ARM64', 'ARM64')
      : new EnumMember('CpuArchitecture', 'X86_64', 'X86_64');
  }
}

/** Maps `count` (a number, or autoscaling) at `prefix` (`` or `environments.<env>.`) into `target`. */
export function mapCount(manifest: Manifest, prefix: string, target: Draft): void {
  const count = manifest.peek(`${prefix}count`);
  if (typeof count === 'number') {
    manifest.take(`${prefix}count`);
    target.desiredCount = count;
    return;
  }
  if (!isMap(count)) {
    return;
  }
  const range = manifest.take(`${prefix}count.range`);
  const bounds = typeof range === 'string' ? /^(\d+)-(\d+)$/.exec(range)?.slice(1).map(Number)
    : isMap(range) ? [range.min, range.max].map(Number) : undefined;
  if (bounds !== undefined) {
    [target.minCapacity, target.maxCapacity] = bounds;
    if (isMap(range) && typeof range.spot_from === 'number') {
      target.capacityProviderStrategy = spotFrom(range.spot_from);
    }
  }
  const percent = (field: string): number | undefined => {
    const value = manifest.peek(`${prefix}count.${field}`);
    const number = isMap(value) ? value.value : value;
    if (typeof number === 'number') {
      manifest.take(`${prefix}count.${field}`);
      if (isMap(value) && value.cooldown !== undefined) {
        manifest.report(`${prefix}count.${field}.cooldown`);
      }
      return number;
    }
    return undefined;
  };
  Object.assign(target, compact({
    targetCpuUtilization: percent('cpu_percentage'),
    targetMemoryUtilization: percent('memory_percentage'),
    targetRequestsPerTask: percent('requests'),
  }));
  const spot = manifest.take(`${prefix}count.spot`);
  if (typeof spot === 'number') {
    target.desiredCount = spot;
    target.capacityProviderStrategy = [{ capacityProvider: new EnumMember('CapacityProvider', 'FARGATE_SPOT', 'FARGATE_SPOT') }];
  }
}

/** Copilot's `spot_from: N`: the first N-1 tasks on Fargate, the rest on Fargate Spot. */
function spotFrom(first: number): Draft[] {
  return [
    { capacityProvider: new EnumMember('CapacityProvider', 'FARGATE', 'FARGATE'), base: Math.max(first - 1, 0), weight: 0 },
    { capacityProvider: new EnumMember('CapacityProvider', 'FARGATE_SPOT', 'FARGATE_SPOT'), weight: 1 },
  ];
}

function mapHttp(manifest: Manifest, service: Draft): void {
  const path = manifest.take('http.path');
  const routing: Draft = {};
  if (typeof path === 'string' && path !== '' && path !== '/') {
    const clean = `/${path.replace(/^\/+|\/+$/g, '')}`;
    routing.pathPatterns = [clean, `${clean}/*`];
  }
  const alias = manifest.peek('http.alias');
  const aliases = typeof alias === 'string' ? [alias] : Array.isArray(alias) && alias.every((a) => typeof a === 'string') ? alias : undefined;
  if (aliases !== undefined) {
    manifest.take('http.alias');
    routing.hostHeaders = aliases;
  }
  if (Object.keys(routing).length > 0) {
    service.routing = routing;
  }
  const check = manifest.peek('http.healthcheck');
  if (typeof check === 'string') {
    manifest.take('http.healthcheck');
    service.healthCheckPath = check;
  } else if (isMap(check)) {
    Object.assign(service, compact({
      healthCheckPath: stringAt(manifest, 'http.healthcheck.path'),
      healthCheckSuccessCodes: stringAt(manifest, 'http.healthcheck.success_codes'),
      healthCheckGracePeriodSeconds: durationSeconds(manifest.take('http.healthcheck.grace_period')),
    }));
  }
  const delay = durationSeconds(manifest.take('http.deregistration_delay'));
  if (delay !== undefined) {
    service.deregistrationDelaySeconds = delay;
  }
}

function mapContainer(manifest: Manifest, service: Draft, draft: ProjectDraft): void {
  const variables = manifest.peek('variables');
  if (isMap(variables)) {
    const plain = Object.entries(variables).filter(([, value]) => !isMap(value));
    plain.forEach(([key]) => manifest.take(`variables.${key}`));
    service.environment = stringMap(Object.fromEntries(plain));
  }
  mapSecrets(manifest, service, draft);
  const command = commandList(manifest.take('command'));
  if (command !== undefined) {
    service.command = command;
  }
  const readonlyFs = manifest.take('storage.readonly_fs');
  if (typeof readonlyFs === 'boolean') {
    service.readonlyRootFilesystem = readonlyFs;
  }
  const connect = manifest.peek('network.connect');
  if (typeof connect === 'boolean') {
    manifest.take('network.connect');
    service.serviceConnect = connect;
    if (connect) {
      draft.setShared('cluster.serviceConnect', true, manifest, 'network.connect');
    }
  }
  const exec = manifest.take('exec');
  if (exec === true) {
    draft.setShared('cluster.executeCommand', true, manifest, 'exec');
  }
  const retention = manifest.take('logging.retention');
  if (typeof retention === 'number') {
    draft.setShared('cluster.logRetentionDays', retention, manifest, 'logging.retention');
  }
}

/**
 * Secrets given as an SSM parameter name starting with "/" or as an ARN; names with Copilot's
 * application, environment and service placeholders become one secret per environment (in
 * `serviceOverrides`, when `perEnvironment`); others are reported.
 */
export function mapSecrets(manifest: Manifest, target: Draft, draft: ProjectDraft, perEnvironment = true): void {
  const path = 'secrets';
  const secrets: Record<string, string> = {};
  for (const key of manifest.keys(path)) {
    const value = manifest.peek(`${path}.${key}`);
    if (typeof value === 'string' && value.includes('${COPILOT_')) {
      if (perEnvironment && draft.perEnvironmentSecret(String(target.name), key, value)) {
        manifest.take(`${path}.${key}`);
      } else {
        manifest.report(`${path}.${key}`, 'names the parameter with Copilot placeholders that cannot be resolved here; write the parameter name or ARN');
      }
    } else if (typeof value === 'string' && (value.startsWith('/') || value.startsWith('arn:'))) {
      manifest.take(`${path}.${key}`);
      secrets[key] = value;
    } else if (typeof value === 'string') {
      manifest.report(`${path}.${key}`, 'is an SSM parameter name without "/"; write its ARN');
    } else if (isMap(value) && 'secretsmanager' in value) {
      manifest.report(`${path}.${key}`, 'names a Secrets Manager secret; write its ARN');
    }
  }
  if (Object.keys(secrets).length > 0) {
    target.secrets = secrets;
  }
}

function mapSidecars(manifest: Manifest, service: Draft): void {
  const sidecars: Draft[] = [];
  for (const name of manifest.keys('sidecars')) {
    const path = `sidecars.${name}`;
    const image = manifest.peek(`${path}.image`);
    if (typeof image !== 'string') {
      continue;
    }
    manifest.take(`${path}.image`);
    const port = manifest.peek(`${path}.port`);
    const containerPort = typeof port === 'number' ? port : typeof port === 'string' && /^\d+(\/tcp)?$/.test(port) ? parseInt(port, 10) : undefined;
    if (containerPort !== undefined) {
      manifest.take(`${path}.port`);
    }
    const essential = manifest.take(`${path}.essential`);
    sidecars.push(compact({
      name,
      image,
      containerPort,
      essential: typeof essential === 'boolean' ? essential : undefined,
      environment: stringMap(manifest.take(`${path}.variables`)),
      command: commandList(manifest.take(`${path}.command`)),
    }));
  }
  if (sidecars.length > 0) {
    service.sidecars = sidecars;
  }
}

/** A Copilot command (a string or a list) as a list. */
export function commandList(value: YamlValue | undefined): string[] | undefined {
  if (typeof value === 'string') {
    return value.split(/\s+/).filter((part) => part !== '');
  }
  return Array.isArray(value) ? value.map(String) : undefined;
}

function stringAt(manifest: Manifest, path: string): string | undefined {
  const value = manifest.take(path);
  return typeof value === 'string' ? value : undefined;
}

/** The object without its undefined values. */
export function compact(object: Record<string, unknown>): Draft {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
