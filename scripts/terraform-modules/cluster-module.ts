import type { App } from 'cdktf';
import { stringVar } from './expressions';
import { moduleEnvironment } from './module-config';
import type { ModuleFiles } from './module-json';
import { addModuleBasics, moduleFiles } from './module-stack';
import type { ModuleDocs } from './readme';
import { integerRule, lengthIn, ModuleVariable, namingVariables, oneOf, within } from './variables';
import { ClusterStack } from '../../src/platform/cluster/cluster-stack';
import { CAPACITY_STRATEGY_RULES, CLUSTER_RULES, terraformTextCondition, TEXT_RULES } from '../../src/platform/contract/rules';
import type { NetworkStack } from '../../src/platform/network/network-stack';
import { LOG_RETENTION_DAYS } from '../../src/resolve/aws';
import { DEFAULTS } from '../../src/resolve/defaults';

/** Capacity providers a Fargate cluster offers. */
const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

/** The `capacity_provider_strategy` variable, shared by the cluster (default) and the service module. */
export function capacityStrategyVariable(description: string, defaultValue: unknown, option: string): ModuleVariable {
  const name = 'capacity_provider_strategy';
  const { providers, base, weight } = CAPACITY_STRATEGY_RULES;
  return {
    name,
    type: 'list(object({ capacity_provider = string, base = optional(number, 0), weight = optional(number, 1) }))',
    description,
    default: defaultValue,
    option,
    validation: [
      { condition: lengthIn(`var.${name}`, providers), errorMessage: `${name} must have ${providers.min} to ${providers.max} entries.` },
      {
        condition: `alltrue([for item in var.${name} : ${oneOf('item.capacity_provider', FARGATE_PROVIDERS)}])`,
        errorMessage: `${name} may use ${FARGATE_PROVIDERS.join(' and ')} only.`,
      },
      {
        condition: `length(distinct([for item in var.${name} : item.capacity_provider])) == length(var.${name})`,
        errorMessage: `${name} names a capacity provider twice.`,
      },
      {
        condition: `alltrue([for item in var.${name} : ${within('item.weight', weight)} && ${within('item.base', base)}]) && sum([for item in var.${name} : item.weight]) > 0`,
        errorMessage: `${name} weights must be ${weight.min} to ${weight.max} with a positive total, bases ${base.min} to ${base.max}.`,
      },
      {
        condition: `length([for item in var.${name} : item if item.base > 0]) <= 1`,
        errorMessage: `${name} may give a base to one capacity provider only.`,
      },
    ],
  };
}

/** Input variables of the cluster module. */
export const CLUSTER_VARIABLES: ModuleVariable[] = [
  ...namingVariables(),
  {
    name: 'container_insights',
    type: 'bool',
    description: 'CloudWatch Container Insights on the cluster.',
    default: true,
    option: 'cluster.containerInsights',
  },
  {
    name: 'log_retention_days',
    type: 'number',
    description: 'Retention of the services\' KMS-encrypted log group, days; one of CloudWatch Logs\' retention values.',
    default: DEFAULTS.logRetentionDays,
    option: 'cluster.logRetentionDays',
    validation: [{ condition: oneOf('var.log_retention_days', LOG_RETENTION_DAYS), errorMessage: `log_retention_days must be one of ${LOG_RETENTION_DAYS.join(', ')}.` }],
  },
  {
    name: 'ecr_repositories',
    type: 'list(string)',
    description: 'Services whose images this team builds: each gets an immutable, scanned, KMS-encrypted ECR repository `<project>-<environment>/<service>`.',
    default: [],
    option: 'services[].name (services without image)',
    validation: [
      {
        condition: `alltrue([for service in var.ecr_repositories : ${terraformTextCondition('service', TEXT_RULES.serviceName)}])`,
        errorMessage: `ecr_repositories must hold service names of ${TEXT_RULES.serviceName.expected}.`,
      },
      { condition: 'length(distinct(var.ecr_repositories)) == length(var.ecr_repositories)', errorMessage: 'ecr_repositories lists a service twice.' },
    ],
  },
  {
    name: 'ecr_keep_images',
    type: 'number',
    description: `Images kept per ECR repository; untagged images expire after ${DEFAULTS.ecrUntaggedExpiryDays} days.`,
    default: CLUSTER_RULES.ecrKeepImages.default,
    option: 'cluster.ecrKeepImages',
    validation: [integerRule('ecr_keep_images', CLUSTER_RULES.ecrKeepImages)],
  },
  capacityStrategyVariable(
    'Default capacity provider strategy of the cluster\'s services.',
    [{ capacity_provider: 'FARGATE', base: 1, weight: 1 }],
    'cluster.capacityProviderStrategy',
  ),
];

/** The cluster module and the stack it is generated from. */
export interface ClusterModule {
  readonly stack: ClusterStack;
  readonly files: ModuleFiles;
}

/** Generates the cluster module from {@link ClusterStack}. */
export function clusterModule(app: App, network: NetworkStack): ClusterModule {
  const environment = moduleEnvironment();
  const stack = new ClusterStack(app, 'cluster', {
    project: stringVar('project'),
    environment: { ...environment, cluster: { ...environment.cluster, ecrUntaggedExpiryDays: 7 } },
    network,
    moduleInputs: {
      containerInsights: 'var.container_insights',
      capacityProviderStrategy: 'var.capacity_provider_strategy',
      imageRepositories: 'var.ecr_repositories',
    },
  });
  addModuleBasics(stack, {});
  return { stack, files: moduleFiles(stack, CLUSTER_VARIABLES) };
}

/** README text of the cluster module. */
export const CLUSTER_DOCS: ModuleDocs = {
  name: 'cluster',
  summary: 'The ECS cluster of an environment and what its services share, as the `<env>-cluster` stack of the project type '
    + 'builds it: the cluster with Fargate and Fargate Spot capacity providers, a KMS key with rotation, the services\' encrypted '
    + 'log group, and one immutable, scanned, KMS-encrypted ECR repository with a lifecycle policy per service in `ecr_repositories`.',
  usage: `
project          = "orders"
environment      = "dev"
ecr_repositories = ["orders"]`,
  fixed: [
    'ECS Exec, Service Connect and EC2 (Auto Scaling group) capacity are not offered: they are options of the project type only.',
    'Untagged images expire after 7 days; tags are immutable and scanned on push.',
    'The key and log group names derive from `<project>-<environment>`.',
  ],
};
