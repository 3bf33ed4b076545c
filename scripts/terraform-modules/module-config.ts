import { listRef, NAME_PREFIX, numberVar, stringLocal, stringRef, stringVar } from './expressions';
import type { EnvironmentConfig, ServiceConfig } from '../../src/platform/contract/config';
import { SERVICE_RULES } from '../../src/platform/contract/rules';

/** Region and partition of a module come from its provider, through these data sources. */
export const REGION = '${data.aws_region.current.name}';
export const PARTITION = '${data.aws_partition.current.partition}';

/**
 * The configuration the constructs read when they are synthesized as a module: every setting that
 * is a module variable refers to it, the rest is fixed to what the module offers (see the README of
 * each module for which is which).
 */
export function moduleEnvironment(service: Partial<ServiceConfig> = {}): EnvironmentConfig {
  return {
    name: stringVar('environment'),
    region: REGION,
    partition: PARTITION,
    preset: 'development',
    state: { backend: 'local' },
    network: {
      cidr: stringVar('vpc_cidr'),
      availabilityZones: listRef('var.availability_zones'),
      publicSubnetCidrs: listRef('local.public_subnet_cidrs'),
      privateSubnetCidrs: listRef('local.private_subnet_cidrs'),
      natGateways: stringRef('nat_gateways') as EnvironmentConfig['network']['natGateways'],
      vpcEndpoints: { s3Gateway: true, interfaceServices: listRef('local.vpc_endpoints') },
      flowLogs: true,
      ipv6: false,
    },
    cluster: {
      name: NAME_PREFIX,
      existing: false,
      containerInsights: true,
      logRetentionDays: numberVar('log_retention_days'),
      ecrKeepImages: numberVar('ecr_keep_images'),
      ecrUntaggedExpiryDays: numberVar('ecr_untagged_expiry_days'),
      ecrForceDelete: false,
      // Replaced by a dynamic block over the capacity_provider_strategy variable.
      capacityProviderStrategy: [],
      executeCommand: false,
      execLogGroupName: `/ecs/${NAME_PREFIX}/exec`,
      execLogRetentionDays: 90,
    },
    loadBalancer: {
      name: stringLocal('load_balancer_name'),
      additionalCertificateArns: [],
      https: false,
      redirectHttpToHttps: false,
      sslPolicy: stringVar('ssl_policy'),
      allowedCidrs: listRef('var.allowed_cidrs'),
      deletionProtection: false,
      idleTimeoutSeconds: numberVar('idle_timeout_seconds'),
      httpPort: 80,
      httpsPort: 443,
    },
    services: [{ ...moduleService(), ...service }],
    // The modules keep their keys recoverable for the longest window AWS allows.
    kmsKeyDeletionWindowDays: 30,
    tags: {},
    // Read by the pipeline, the bootstrap roles and blue/green only, none of which a module has.
    deployment: {
      requireApproval: false,
      clusterName: NAME_PREFIX,
      codeDeployApplicationName: NAME_PREFIX,
      services: [],
      imageArchitecture: 'X86_64',
      roleNames: { codeBuild: '', codePipeline: '', codeDeploy: '', releaseTasks: '', publishSite: '' },
    },
  };
}

/** The one service of the service module. */
function moduleService(): ServiceConfig {
  return {
    name: stringVar('name'),
    containerPort: numberVar('container_port'),
    cpu: numberVar('cpu'),
    memoryMiB: numberVar('memory'),
    cpuArchitecture: stringVar('cpu_architecture') as ServiceConfig['cpuArchitecture'],
    compatibility: 'FARGATE',
    // Replaced by a dynamic block over the capacity_provider_strategy variable.
    capacityProviderStrategy: [],
    desiredCount: numberVar('desired_count'),
    healthCheckPath: stringVar('health_check_path'),
    healthCheckSuccessCodes: stringVar('health_check_success_codes'),
    targetHealthCheck: {
      intervalSeconds: numberVar('health_check_interval_seconds'),
      timeoutSeconds: numberVar('health_check_timeout_seconds'),
      healthyThreshold: numberVar('healthy_threshold'),
      unhealthyThreshold: numberVar('unhealthy_threshold'),
    },
    healthCheckGracePeriodSeconds: numberVar('health_check_grace_period_seconds'),
    deregistrationDelaySeconds: numberVar('deregistration_delay_seconds'),
    stopTimeoutSeconds: numberVar('stop_timeout_seconds'),
    // Replaced by the environment_variables map in the container definitions.
    environment: {},
    secrets: [],
    readonlyRootFilesystem: true,
    sidecars: [],
    ingress: { targetGroupName: stringLocal('target_group_name'), defaultRoute: true },
    serviceConnect: false,
    executionRoleName: stringLocal('execution_role_name'),
    taskRoleName: stringLocal('task_role_name'),
    autoscaling: {
      mode: 'target-tracking',
      minCapacity: numberVar('min_capacity'),
      maxCapacity: numberVar('max_capacity'),
      targetCpuUtilization: numberVar('target_cpu_utilization'),
      targetMemoryUtilization: numberVar('target_memory_utilization'),
      step: {
        scaleOutCpuThreshold: SERVICE_RULES.stepScaleOutCpuThreshold.default,
        scaleInCpuThreshold: SERVICE_RULES.stepScaleInCpuThreshold.default,
        scaleOutStep: SERVICE_RULES.stepSize.default,
        scaleInStep: SERVICE_RULES.stepSize.default,
      },
      scaleInCooldownSeconds: 300,
      scaleOutCooldownSeconds: 60,
    },
  };
}
