import { Token } from 'cdktf';
import { REVERSE_PROXY_COMMAND, REVERSE_PROXY_HEALTH_PATH, reverseProxyConfig } from './reverse-proxy';
import type { ServiceConfig } from '../contract/config';
import { REVERSE_PROXY_CONTAINER } from '../contract/containers';

/** Name of the task volume mounted at `/tmp`, the only writable path of the containers. */
export const SCRATCH_VOLUME = 'tmp';

/** Inputs of {@link containerDefinitionsJson} besides the service configuration. */
export interface ContainerDefinitionProps {
  /** The service. */
  readonly service: ServiceConfig;
  /** Full image reference of the application (may contain Terraform interpolations). */
  readonly image: string;
  /** Log group the awslogs driver writes to. */
  readonly logGroupName: string;
  /** Region of the log group. */
  readonly region: string;
  /**
   * Map expression (name to value) of the application container's environment, decided at plan
   * time (Terraform modules). @default - the service's `environment`
   */
  readonly environmentExpression?: string;
  /** Variables the platform adds to the application container (queue URL, topic ARNs). @default - none */
  readonly additionalEnvironment?: Record<string, string>;
}

/**
 * The `container_definitions` JSON of a service's task: the application container (named after the
 * service), an nginx reverse proxy in front of it when configured, and the sidecars. Every container
 * has a read-only root file system unless the service opts out, a writable `/tmp`, an init process
 * that reaps zombies and forwards signals, and logs in CloudWatch under `<service>/<container>/<task id>`.
 */
export function containerDefinitionsJson(props: ContainerDefinitionProps): string {
  const common = commonSettings(props);
  return JSON.stringify([
    applicationContainer(props, common),
    ...reverseProxyContainer(props.service, common),
    ...props.service.sidecars.map((sidecar) => sidecarContainer(sidecar, common)),
  ]);
}

/** What every container of a task shares. */
type CommonSettings = ReturnType<typeof commonSettings>;

/** What {@link commonSettings} reads of a task's configuration. */
type CommonTaskSettings = Pick<ServiceConfig, 'name' | 'stopTimeoutSeconds' | 'readonlyRootFilesystem'>;

/** The settings every container of a task shares: logs, stop timeout, root file system and the writable `/tmp`. */
function commonSettings(props: { service: CommonTaskSettings; logGroupName: string; region: string }) {
  const { service } = props;
  const logConfiguration = {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': props.logGroupName,
      'awslogs-region': props.region,
      'awslogs-stream-prefix': service.name,
    },
  };
  return {
    logConfiguration,
    stopTimeout: service.stopTimeoutSeconds,
    readonlyRootFilesystem: service.readonlyRootFilesystem,
    mountPoints: [{ sourceVolume: SCRATCH_VOLUME, containerPath: '/tmp', readOnly: false }],
  };
}

/** Reaps zombies and forwards signals for processes that do not expect to be PID 1. */
const INIT_PROCESS = { linuxParameters: { initProcessEnabled: true } };

/** The application container, named after the service. */
function applicationContainer(props: ContainerDefinitionProps, common: CommonSettings) {
  const { service } = props;
  return {
    name: service.name,
    image: props.image,
    essential: true,
    ...(service.command ? { command: service.command } : {}),
    portMappings: [{ name: service.name, containerPort: service.containerPort, protocol: 'tcp', appProtocol: 'http' }],
    environment: props.environmentExpression !== undefined
      ? environmentOf(props.environmentExpression)
      : variables({ ...service.environment, ...props.additionalEnvironment }),
    secrets: service.secrets.map((secret) => ({ name: secret.name, valueFrom: secret.valueFrom })),
    ...(service.healthCheck ? {
      healthCheck: {
        command: service.healthCheck.command,
        interval: service.healthCheck.intervalSeconds,
        timeout: service.healthCheck.timeoutSeconds,
        retries: service.healthCheck.retries,
        startPeriod: service.healthCheck.startPeriodSeconds,
      },
    } : {}),
    ...common,
    ...INIT_PROCESS,
  };
}

/** The nginx reverse proxy in front of the application, when configured (none otherwise). */
function reverseProxyContainer(service: ServiceConfig, common: CommonSettings) {
  const proxy = service.reverseProxy;
  return proxy === undefined ? [] : [{
    name: REVERSE_PROXY_CONTAINER,
    image: proxy.image,
    essential: true,
    command: REVERSE_PROXY_COMMAND,
    portMappings: [{ containerPort: proxy.port, protocol: 'tcp' }],
    environment: [{ name: 'NGINX_CONF', value: reverseProxyConfig(proxy, service.containerPort) }],
    healthCheck: {
      command: ['CMD-SHELL', `wget -q -O /dev/null http://127.0.0.1:${proxy.port}${REVERSE_PROXY_HEALTH_PATH} || exit 1`],
      interval: 15,
      timeout: 5,
      retries: 3,
      startPeriod: 10,
    },
    // Start once the application runs (or is healthy, when it has a health check).
    dependsOn: [{ containerName: service.name, condition: service.healthCheck ? 'HEALTHY' : 'START' }],
    // nginx's master process handles signals and its workers itself.
    ...common,
  }];
}

/** One sidecar container. */
function sidecarContainer(sidecar: ServiceConfig['sidecars'][number], common: CommonSettings) {
  return {
    name: sidecar.name,
    image: sidecar.image,
    essential: sidecar.essential,
    ...(sidecar.command ? { command: sidecar.command } : {}),
    ...(sidecar.cpu !== undefined ? { cpu: sidecar.cpu } : {}),
    ...(sidecar.memoryMiB !== undefined ? { memory: sidecar.memoryMiB } : {}),
    portMappings: sidecar.containerPort !== undefined ? [{ containerPort: sidecar.containerPort, protocol: 'tcp' }] : [],
    environment: variables(sidecar.environment),
    ...common,
    ...INIT_PROCESS,
  };
}

function variables(record: Record<string, string>): Array<{ name: string; value: string }> {
  return Object.keys(record).sort().map((name) => ({ name, value: record[name] }));
}

/**
 * The environment list of a map expression, sorted by name like {@link variables}. A number token
 * stands in the JSON unquoted, so the list Terraform encodes takes the place of the array.
 */
function environmentOf(map: string): number {
  return Token.asNumber(`\${jsonencode([for name in sort(keys(${map})) : { name = name, value = ${map}[name] }])}`);
}

/** What a task without load balancer (a worker or a job) runs. */
export interface WorkloadContainerProps {
  readonly task: CommonTaskSettings & Pick<ServiceConfig, 'environment' | 'secrets' | 'command'>;
  readonly image: string;
  readonly logGroupName: string;
  readonly region: string;
  readonly additionalEnvironment: Record<string, string>;
}

/**
 * The `container_definitions` JSON of a worker's or job's task: one application container without
 * ports, with the same logs, read-only root, writable `/tmp` and init process as a service's.
 */
export function workloadContainerDefinitionsJson(props: WorkloadContainerProps): string {
  const { task } = props;
  return JSON.stringify([{
    name: task.name,
    image: props.image,
    essential: true,
    ...(task.command ? { command: task.command } : {}),
    environment: variables({ ...task.environment, ...props.additionalEnvironment }),
    secrets: task.secrets.map((secret) => ({ name: secret.name, valueFrom: secret.valueFrom })),
    ...commonSettings({ service: task, logGroupName: props.logGroupName, region: props.region }),
    ...INIT_PROCESS,
  }]);
}
