import type { ServiceConfig } from './config';

/** Name of the task volume mounted at `/tmp`, the only writable path of the container. */
export const SCRATCH_VOLUME = 'tmp';

/** Inputs of {@link containerDefinitionsJson} besides the service configuration. */
export interface ContainerDefinitionProps {
  /** The service. */
  readonly service: ServiceConfig;
  /** Full image reference (may contain Terraform interpolations). */
  readonly image: string;
  /** Log group the awslogs driver writes to. */
  readonly logGroupName: string;
  /** Region of the log group. */
  readonly region: string;
}

/**
 * The `container_definitions` JSON of a service's task: one essential container named after the
 * service, with a read-only root file system, a writable `/tmp`, an init process that reaps
 * zombies and forwards signals, and logs in CloudWatch under `<service>/<container>/<task id>`.
 */
export function containerDefinitionsJson(props: ContainerDefinitionProps): string {
  const { service } = props;
  const environment = Object.keys(service.environment)
    .sort()
    .map((name) => ({ name, value: service.environment[name] }));
  return JSON.stringify([
    {
      name: service.name,
      image: props.image,
      essential: true,
      portMappings: [{ containerPort: service.containerPort, protocol: 'tcp' }],
      environment,
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': props.logGroupName,
          'awslogs-region': props.region,
          'awslogs-stream-prefix': service.name,
        },
      },
      stopTimeout: service.stopTimeoutSeconds,
      readonlyRootFilesystem: true,
      mountPoints: [{ sourceVolume: SCRATCH_VOLUME, containerPath: '/tmp', readOnly: false }],
      linuxParameters: { initProcessEnabled: true },
    },
  ]);
}
