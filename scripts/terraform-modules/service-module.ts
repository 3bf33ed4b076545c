import type { App } from 'cdktf';
import { capacityStrategyVariable } from './cluster-module';
import { NAME_PREFIX, fittedName, stringVar } from './expressions';
import { moduleEnvironment } from './module-config';
import type { ModuleFiles } from './module-json';
import { addModuleBasics, moduleFiles } from './module-stack';
import type { ModuleDocs } from './readme';
import { integerRule, lengthIn, ModuleVariable, namingVariables, oneOf, textRule } from './variables';
import type { ClusterStack } from '../../src/platform/cluster/cluster-stack';
import { ELB_NAME_MAX, IAM_ROLE_NAME_MAX } from '../../src/platform/contract/naming';
import { LOAD_BALANCER_RULES, SERVICE_RULES, terraformTextCondition, TEXT_RULES } from '../../src/platform/contract/rules';
import { TARGET_HEALTH_CHECK_RULES } from '../../src/platform/contract/target-health';
import type { NetworkStack } from '../../src/platform/network/network-stack';
import { ServiceStack } from '../../src/platform/service/service-stack';
import { DEFAULTS } from '../../src/resolve/defaults';
import { describeMemoryChoices, FARGATE_CPU_VALUES, FARGATE_TASK_SIZES } from '../../src/resolve/fargate';

const upstream = (name: string, type: string, description: string, source: 'network' | 'cluster'): ModuleVariable => ({
  name,
  type,
  description: `${description} Output \`${name}\` of the ${source} module.`,
  option: `(${source} stack output)`,
});

/** `{ 256 = [512, 1024, 2048], ... }`: the Fargate CPU/memory matrix as a Terraform map. */
const FARGATE_MEMORY_BY_CPU = `{ ${FARGATE_TASK_SIZES.map(([cpu, memory]) => `"${cpu}" = ${JSON.stringify(memory)}`).join(', ')} }`;

/** Input variables of the service module. */
export const SERVICE_VARIABLES: ModuleVariable[] = [
  ...namingVariables(),
  {
    name: 'name',
    type: 'string',
    description: 'Service name: of the ECS service, its container and its ECR repository in the cluster module\'s `ecr_repositories`.',
    option: 'services[].name',
    validation: [textRule('name', TEXT_RULES.serviceName)],
  },
  upstream('vpc_id', 'string', 'VPC of the service.', 'network'),
  upstream('public_subnet_ids', 'list(string)', 'Public subnets of the load balancer.', 'network'),
  upstream('private_subnet_ids', 'list(string)', 'Private subnets of the tasks.', 'network'),
  upstream('cluster_arn', 'string', 'ECS cluster running the service.', 'cluster'),
  upstream('cluster_name', 'string', 'Name of that cluster.', 'cluster'),
  upstream('log_group_name', 'string', 'Log group the containers write to.', 'cluster'),
  upstream('log_group_arn', 'string', 'ARN of that log group.', 'cluster'),
  {
    ...upstream('ecr_repository_urls', 'map(string)', 'ECR repository URL by service name; must have an entry for `name`.', 'cluster'),
    validation: [{ condition: 'contains(keys(var.ecr_repository_urls), var.name)', errorMessage: 'ecr_repository_urls has no repository for the service; add its name to ecr_repositories of the cluster module.' }],
  },
  upstream('ecr_repository_arns', 'map(string)', 'ECR repository ARN by service name.', 'cluster'),
  {
    name: 'image_tag',
    type: 'string',
    description: 'Tag of the image to run from the service\'s ECR repository, e.g. the commit SHA (tags are immutable).',
    option: '(deploy-time variable image_tag)',
    validation: [textRule('image_tag', TEXT_RULES.imageTag)],
  },
  { name: 'container_port', type: 'number', description: 'Port the application listens on.', default: SERVICE_RULES.containerPort.default, option: 'services[].containerPort', validation: [integerRule('container_port', SERVICE_RULES.containerPort)] },
  {
    name: 'cpu',
    type: 'number',
    description: 'Task CPU units, one of Fargate\'s values.',
    default: 256,
    option: 'services[].cpu',
    validation: [{ condition: oneOf('var.cpu', FARGATE_CPU_VALUES), errorMessage: `cpu must be one of ${FARGATE_CPU_VALUES.join(', ')}.` }],
  },
  {
    name: 'memory',
    type: 'number',
    description: `Task memory, MiB; Fargate accepts per cpu: ${FARGATE_TASK_SIZES.map(([cpu, memory]) => `${cpu}: ${describeMemoryChoices(memory)}`).join('; ')}.`,
    default: 512,
    option: 'services[].memoryMiB',
    validation: [{
      condition: `contains(lookup(${FARGATE_MEMORY_BY_CPU}, tostring(var.cpu), []), var.memory)`,
      errorMessage: 'memory is not a Fargate memory size for the given cpu.',
    }],
  },
  {
    name: 'cpu_architecture',
    type: 'string',
    description: 'CPU architecture of the image: `X86_64` or `ARM64` (Graviton).',
    default: 'X86_64',
    option: 'services[].cpuArchitecture',
    validation: [{ condition: oneOf('var.cpu_architecture', ['X86_64', 'ARM64']), errorMessage: 'cpu_architecture must be X86_64 or ARM64.' }],
  },
  {
    ...capacityStrategyVariable('Capacity providers of the service\'s tasks.', [{ capacity_provider: 'FARGATE', base: 1, weight: 1 }], 'services[].capacityProviderStrategy'),
  },
  {
    name: 'desired_count',
    type: 'number',
    description: 'Tasks at the first deployment; autoscaling owns the count afterwards.',
    default: 1,
    option: 'services[].desiredCount',
    validation: [
      integerRule('desired_count', SERVICE_RULES.desiredCount),
      { condition: 'var.desired_count >= var.min_capacity && var.desired_count <= var.max_capacity', errorMessage: 'desired_count must lie between min_capacity and max_capacity.' },
    ],
  },
  { name: 'min_capacity', type: 'number', description: 'Fewest tasks autoscaling keeps.', default: 1, option: 'services[].minCapacity', validation: [integerRule('min_capacity', SERVICE_RULES.minCapacity)] },
  {
    name: 'max_capacity',
    type: 'number',
    description: 'Most tasks autoscaling starts.',
    default: 4,
    option: 'services[].maxCapacity',
    validation: [integerRule('max_capacity', SERVICE_RULES.maxCapacity), { condition: 'var.max_capacity >= var.min_capacity', errorMessage: 'max_capacity must be at least min_capacity.' }],
  },
  { name: 'target_cpu_utilization', type: 'number', description: 'Average CPU utilization (%) target tracking keeps.', default: SERVICE_RULES.targetCpuUtilization.default, option: 'services[].targetCpuUtilization', validation: [integerRule('target_cpu_utilization', SERVICE_RULES.targetCpuUtilization)] },
  { name: 'target_memory_utilization', type: 'number', description: 'Average memory utilization (%) target tracking keeps.', default: SERVICE_RULES.targetMemoryUtilization.default, option: 'services[].targetMemoryUtilization', validation: [integerRule('target_memory_utilization', SERVICE_RULES.targetMemoryUtilization)] },
  {
    name: 'health_check_path',
    type: 'string',
    description: 'Path the load balancer checks on every task.',
    default: '/health',
    option: 'services[].healthCheckPath',
    validation: [textRule('health_check_path', TEXT_RULES.healthCheckPath)],
  },
  {
    name: 'health_check_success_codes',
    type: 'string',
    description: 'Status codes the health check accepts, e.g. `200` or `200-299` or `200,301`.',
    default: '200-299',
    option: 'services[].healthCheckSuccessCodes',
    validation: [textRule('health_check_success_codes', TEXT_RULES.healthCheckSuccessCodes)],
  },
  {
    name: 'health_check_interval_seconds',
    type: 'number',
    description: 'Seconds between two load balancer health checks of a task.',
    default: TARGET_HEALTH_CHECK_RULES.intervalSeconds.default,
    option: 'services[].loadBalancerHealthCheck.intervalSeconds',
    validation: [integerRule('health_check_interval_seconds', TARGET_HEALTH_CHECK_RULES.intervalSeconds)],
  },
  {
    name: 'health_check_timeout_seconds',
    type: 'number',
    description: 'Seconds without an answer after which a health check fails; less than the interval.',
    default: TARGET_HEALTH_CHECK_RULES.timeoutSeconds.default,
    option: 'services[].loadBalancerHealthCheck.timeoutSeconds',
    validation: [
      integerRule('health_check_timeout_seconds', TARGET_HEALTH_CHECK_RULES.timeoutSeconds),
      { condition: 'var.health_check_timeout_seconds < var.health_check_interval_seconds', errorMessage: 'health_check_timeout_seconds must be less than health_check_interval_seconds.' },
    ],
  },
  { name: 'healthy_threshold', type: 'number', description: 'Consecutive successful health checks that make a task healthy.', default: TARGET_HEALTH_CHECK_RULES.healthyThreshold.default, option: 'services[].loadBalancerHealthCheck.healthyThreshold', validation: [integerRule('healthy_threshold', TARGET_HEALTH_CHECK_RULES.healthyThreshold)] },
  { name: 'unhealthy_threshold', type: 'number', description: 'Consecutive failed health checks that make a task unhealthy.', default: TARGET_HEALTH_CHECK_RULES.unhealthyThreshold.default, option: 'services[].loadBalancerHealthCheck.unhealthyThreshold', validation: [integerRule('unhealthy_threshold', TARGET_HEALTH_CHECK_RULES.unhealthyThreshold)] },
  { name: 'health_check_grace_period_seconds', type: 'number', description: 'Seconds ECS ignores failing health checks of a new task.', default: SERVICE_RULES.healthCheckGracePeriodSeconds.default, option: 'services[].healthCheckGracePeriodSeconds', validation: [integerRule('health_check_grace_period_seconds', SERVICE_RULES.healthCheckGracePeriodSeconds)] },
  { name: 'deregistration_delay_seconds', type: 'number', description: 'Seconds the load balancer drains a stopping task.', default: SERVICE_RULES.deregistrationDelaySeconds.default, option: 'services[].deregistrationDelaySeconds', validation: [integerRule('deregistration_delay_seconds', SERVICE_RULES.deregistrationDelaySeconds)] },
  { name: 'stop_timeout_seconds', type: 'number', description: 'Seconds a container has to exit after SIGTERM (Fargate allows at most 120).', default: SERVICE_RULES.stopTimeoutSeconds.default, option: 'services[].stopTimeoutSeconds', validation: [integerRule('stop_timeout_seconds', SERVICE_RULES.stopTimeoutSeconds)] },
  {
    name: 'environment_variables',
    type: 'map(string)',
    description: 'Plain environment variables of the application container.',
    default: {},
    option: 'services[].environment',
    validation: [{
      condition: `alltrue([for name in keys(var.environment_variables) : ${terraformTextCondition('name', TEXT_RULES.environmentVariableName)}])`,
      errorMessage: `environment_variables names must be ${TEXT_RULES.environmentVariableName.expected}.`,
    }],
  },
  {
    name: 'allowed_cidrs',
    type: 'list(string)',
    description: 'IPv4 ranges allowed to reach the load balancer.',
    default: ['0.0.0.0/0'],
    option: 'loadBalancer.allowedCidrs',
    validation: [
      {
        condition: lengthIn('var.allowed_cidrs', LOAD_BALANCER_RULES.allowedCidrs),
        errorMessage: `allowed_cidrs must hold ${LOAD_BALANCER_RULES.allowedCidrs.min} to ${LOAD_BALANCER_RULES.allowedCidrs.max} CIDR blocks.`,
      },
      { condition: 'alltrue([for block in var.allowed_cidrs : can(cidrnetmask(block))])', errorMessage: 'allowed_cidrs must hold IPv4 CIDR blocks such as "203.0.113.0/24".' },
    ],
  },
  {
    name: 'certificate_arn',
    type: 'string',
    description: 'ACM certificate (in the load balancer\'s region) of an HTTPS listener on port 443 forwarding to the service; '
      + 'port 80 then redirects to HTTPS (301). Leave null for plain HTTP on port 80.',
    default: null,
    option: 'loadBalancer.certificateArn',
    validation: [{
      condition: 'var.certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}$", var.certificate_arn))',
      errorMessage: 'certificate_arn must be null or the ARN of an ACM certificate, e.g. "arn:aws:acm:eu-west-1:123456789012:certificate/<uuid>".',
    }],
  },
  {
    name: 'ssl_policy',
    type: 'string',
    description: 'TLS policy of the HTTPS listener (used with `certificate_arn`): a TLS 1.3 policy, `ELBSecurityPolicy-TLS13-*`.',
    default: DEFAULTS.sslPolicy,
    option: 'loadBalancer.sslPolicy',
    validation: [textRule('ssl_policy', TEXT_RULES.sslPolicy)],
  },
  { name: 'idle_timeout_seconds', type: 'number', description: 'Idle timeout of the load balancer\'s connections, seconds.', default: LOAD_BALANCER_RULES.idleTimeoutSeconds.default, option: 'loadBalancer.idleTimeoutSeconds', validation: [integerRule('idle_timeout_seconds', LOAD_BALANCER_RULES.idleTimeoutSeconds)] },
  { name: 'deletion_protection', type: 'bool', description: 'Protect the load balancer from deletion.', default: false, option: 'loadBalancer.deletionProtection' },
];

/** Generates the service module (one service behind its own load balancer) from {@link ServiceStack}. */
export function serviceModule(app: App, network: NetworkStack, cluster: ClusterStack): ModuleFiles {
  // Built with a certificate, so the constructs create the HTTPS listener, the redirect and the 443
  // ingress; the `https` input makes all three depend on var.certificate_arn.
  const environment = moduleEnvironment();
  const stack = new ServiceStack(app, 'service', {
    project: stringVar('project'),
    environment: { ...environment, loadBalancer: { ...environment.loadBalancer, https: true, certificateArn: stringVar('certificate_arn'), redirectHttpToHttps: true } },
    network,
    cluster,
    moduleInputs: {
      capacityProviderStrategy: 'var.capacity_provider_strategy',
      environmentVariables: 'var.environment_variables',
      deletionProtection: 'var.deletion_protection',
      https: 'var.certificate_arn != null',
      allowedCidrs: 'var.allowed_cidrs',
    },
  });
  addModuleBasics(stack, {
    load_balancer_name: fittedName(NAME_PREFIX, ELB_NAME_MAX),
    target_group_name: fittedName(`${NAME_PREFIX}-${stringVar('name')}`, ELB_NAME_MAX),
    execution_role_name: fittedName(`${NAME_PREFIX}-${stringVar('name')}-execution`, IAM_ROLE_NAME_MAX),
    task_role_name: fittedName(`${NAME_PREFIX}-${stringVar('name')}-task`, IAM_ROLE_NAME_MAX),
  });
  return moduleFiles(stack, SERVICE_VARIABLES);
}

/** README text of the service module. */
export const SERVICE_DOCS: ModuleDocs = {
  name: 'service',
  summary: 'One ECS service behind its own internet-facing Application Load Balancer, as the `<env>-service` stack of the project '
    + 'type builds a service: the task definition (read-only root file system, writable `/tmp`, init process, CloudWatch logs), '
    + 'the service in the private subnets (circuit breaker with rollback, 100/200 rolling), least-privilege task roles, security '
    + 'groups that admit the load balancer only, CPU and memory target-tracking autoscaling. Call it once per service; its inputs '
    + 'are the outputs of the network and cluster modules.',
  usage: `
project     = "orders"
environment = "dev"
name        = "orders"
image_tag   = var.image_tag

vpc_id              = module.network.vpc_id
public_subnet_ids   = module.network.public_subnet_ids
private_subnet_ids  = module.network.private_subnet_ids
cluster_arn         = module.cluster.cluster_arn
cluster_name        = module.cluster.cluster_name
log_group_name      = module.cluster.log_group_name
log_group_arn       = module.cluster.log_group_arn
ecr_repository_urls = module.cluster.ecr_repository_urls
ecr_repository_arns = module.cluster.ecr_repository_arns`,
  fixed: [
    'The image is always `<ecr_repository_urls[name]>:<image_tag>`: the execution role may pull from that repository only.',
    'Without `certificate_arn` the load balancer listens on HTTP port 80 and forwards to the service; with it, HTTPS on port 443 forwards (TLS policy `ssl_policy`) and port 80 redirects to HTTPS with a 301. Additional (SNI) certificates, other listener ports, access logs, host/path routing and several services behind one load balancer are options of the project type only.',
    'Secrets, sidecars, the nginx reverse proxy, a container health check and step scaling are options of the project type only: their shape (containers, IAM statements) is decided at generation.',
    'Deployments use the circuit breaker with rollback and 100/200 rolling percentages; autoscaling owns the desired count after the first apply.',
  ],
};
