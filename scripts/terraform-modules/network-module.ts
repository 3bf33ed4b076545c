import type { App } from 'cdktf';
import { numberVar, stringVar } from './expressions';
import { moduleEnvironment } from './module-config';
import type { ModuleFiles } from './module-json';
import { addModuleBasics, moduleFiles } from './module-stack';
import type { ModuleDocs } from './readme';
import { lengthIn, ModuleVariable, namingVariables, oneOf, within } from './variables';
import { NETWORK_RULES } from '../../src/platform/contract/rules';
import { NetworkStack } from '../../src/platform/network/network-stack';
import { LOG_RETENTION_DAYS } from '../../src/resolve/aws';
import { DEFAULTS } from '../../src/resolve/defaults';

/** Interface endpoints the network creates by default when it has no NAT gateway. */
const DEFAULT_ENDPOINTS_WITHOUT_NAT = ['ecr.api', 'ecr.dkr', 'logs'];

const { vpcPrefixLength, subnetPrefixLength, availabilityZones } = NETWORK_RULES;
/** The default subnets are sixteenths of the VPC (4 more prefix bits): the VPC must leave room for them. */
const LARGEST_VPC_PREFIX_FOR_DEFAULT_SUBNETS = subnetPrefixLength.max - 4;

const subnetCidrsVariable = (tier: 'public' | 'private', firstSlot: number): ModuleVariable => ({
  name: `${tier}_subnet_cidrs`,
  type: 'list(string)',
  description: `CIDR blocks of the ${tier} subnets, one per availability zone, same order; by default the VPC is cut in sixteenths and the ${tier} subnets take slots ${firstSlot} to ${firstSlot + 7}.`,
  default: null,
  option: `network.${tier}SubnetCidrs`,
  validation: [
    {
      condition: `var.${tier}_subnet_cidrs == null ? tonumber(split("/", var.vpc_cidr)[1]) <= ${LARGEST_VPC_PREFIX_FOR_DEFAULT_SUBNETS} : length(var.${tier}_subnet_cidrs) == length(var.availability_zones)`,
      errorMessage: `${tier}_subnet_cidrs must have one block per availability zone, and is required when vpc_cidr is smaller than a /${LARGEST_VPC_PREFIX_FOR_DEFAULT_SUBNETS}.`,
    },
    {
      condition: `var.${tier}_subnet_cidrs == null ? true : alltrue([for block in var.${tier}_subnet_cidrs : can(cidrnetmask(block)) && tonumber(split("/", block)[1]) <= ${subnetPrefixLength.max}])`,
      errorMessage: `${tier}_subnet_cidrs must hold IPv4 CIDR blocks with prefix length up to /${subnetPrefixLength.max}, e.g. "10.0.0.0/20".`,
    },
  ],
});

/** Input variables of the network module. */
export const NETWORK_VARIABLES: ModuleVariable[] = [
  ...namingVariables(),
  {
    name: 'vpc_cidr',
    type: 'string',
    description: `IPv4 CIDR block of the VPC, /${vpcPrefixLength.min} to /${vpcPrefixLength.max}.`,
    default: '10.0.0.0/16',
    option: 'network.cidr',
    validation: [{
      condition: `can(cidrnetmask(var.vpc_cidr)) && try(${within('tonumber(split("/", var.vpc_cidr)[1])', vpcPrefixLength)}, false)`
        + ' && try(cidrsubnet(var.vpc_cidr, 0, 0) == var.vpc_cidr, false)',
      errorMessage: `vpc_cidr must be an IPv4 network address with prefix length /${vpcPrefixLength.min} to /${vpcPrefixLength.max}, e.g. "10.0.0.0/16".`,
    }],
  },
  {
    name: 'availability_zones',
    type: 'list(string)',
    description: `Availability zones of the subnets (${availabilityZones.min} to ${availabilityZones.max}, distinct), e.g. \`["eu-west-1a", "eu-west-1b"]\`: one public and one private subnet in each.`,
    option: 'network.availabilityZones',
    validation: [
      {
        condition: lengthIn('var.availability_zones', availabilityZones),
        errorMessage: `availability_zones must list ${availabilityZones.min} to ${availabilityZones.max} zones.`,
      },
      { condition: 'length(distinct(var.availability_zones)) == length(var.availability_zones)', errorMessage: 'availability_zones lists a zone twice.' },
      {
        condition: 'alltrue([for zone in var.availability_zones : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+[a-z]$", zone))])',
        errorMessage: 'availability_zones must hold zone names such as "eu-west-1a".',
      },
    ],
  },
  subnetCidrsVariable('public', 0),
  subnetCidrsVariable('private', 8),
  {
    name: 'nat_gateways',
    type: 'string',
    description: 'NAT gateways: `per-az` (one per zone, each zone routes to its own), `single` (one in the first zone) or `none` (private subnets reach AWS through VPC endpoints only).',
    default: 'single',
    option: 'network.natGateways',
    validation: [{ condition: oneOf('var.nat_gateways', ['per-az', 'single', 'none']), errorMessage: 'nat_gateways must be one of per-az, single, none.' }],
  },
  {
    name: 'vpc_endpoints',
    type: 'list(string)',
    description: `Interface VPC endpoints of the private subnets, as service names without \`com.amazonaws.<region>.\` (e.g. \`ecr.api\`); with any, an S3 gateway endpoint too. By default ${JSON.stringify(DEFAULT_ENDPOINTS_WITHOUT_NAT)} without NAT gateways, none otherwise.`,
    default: null,
    option: 'network.vpcEndpoints',
    validation: [
      {
        condition: 'var.vpc_endpoints == null ? true : var.nat_gateways != "none" || length(var.vpc_endpoints) > 0',
        errorMessage: 'vpc_endpoints is empty while nat_gateways is "none"; tasks could not pull images or write logs.',
      },
      {
        condition: 'var.vpc_endpoints == null ? true : alltrue([for service in var.vpc_endpoints : can(regex("^[a-z0-9-]+(\\\\.[a-z0-9-]+)*$", service))])',
        errorMessage: 'vpc_endpoints must hold service names such as "ecr.api".',
      },
    ],
  },
  {
    name: 'flow_log_retention_days',
    type: 'number',
    description: 'Retention of the VPC flow logs, days; one of CloudWatch Logs\' retention values.',
    default: DEFAULTS.logRetentionDays,
    option: 'cluster.logRetentionDays',
    validation: [{ condition: oneOf('var.flow_log_retention_days', LOG_RETENTION_DAYS), errorMessage: `flow_log_retention_days must be one of ${LOG_RETENTION_DAYS.join(', ')}.` }],
  },
];

const defaultSubnets = (firstSlot: number) =>
  `[for index in range(length(var.availability_zones)) : cidrsubnet(var.vpc_cidr, 4, index + ${firstSlot})]`;

/** The network module and the stack it is generated from. */
export interface NetworkModule {
  readonly stack: NetworkStack;
  readonly files: ModuleFiles;
}

/** Generates the network module from {@link NetworkStack}. */
export function networkModule(app: App): NetworkModule {
  const environment = moduleEnvironment();
  const stack = new NetworkStack(app, 'network', {
    project: stringVar('project'),
    environment: { ...environment, cluster: { ...environment.cluster, logRetentionDays: numberVar('flow_log_retention_days') } },
  });
  addModuleBasics(stack, {
    public_subnet_cidrs: `\${var.public_subnet_cidrs != null ? var.public_subnet_cidrs : ${defaultSubnets(0)}}`,
    private_subnet_cidrs: `\${var.private_subnet_cidrs != null ? var.private_subnet_cidrs : ${defaultSubnets(8)}}`,
    vpc_endpoints: `\${var.vpc_endpoints != null ? var.vpc_endpoints : var.nat_gateways == "none" ? ${JSON.stringify(DEFAULT_ENDPOINTS_WITHOUT_NAT)} : []}`,
  });
  return { stack, files: moduleFiles(stack, NETWORK_VARIABLES) };
}

/** README text of the network module. */
export const NETWORK_DOCS: ModuleDocs = {
  name: 'network',
  summary: 'The VPC of an environment, as the `<env>-network` stack of the project type builds it: public and private subnets '
    + 'in each availability zone, an internet gateway, NAT gateways per the `nat_gateways` mode, route tables, VPC endpoints, '
    + 'a default security group without rules and KMS-encrypted flow logs of all traffic.',
  usage: `
project            = "orders"
environment        = "dev"
availability_zones = ["eu-west-1a", "eu-west-1b"]
nat_gateways       = "single"`,
  fixed: [
    'Flow logs are always on (ALL traffic, to a log group encrypted with a key of their own): a secure default nobody should have to remember.',
    'The default security group is always emptied, subnets never hand out public IPs, DNS support and hostnames are always on.',
    'Resource names are `<project>-<environment>-…`; tags come from the caller\'s provider `default_tags`.',
    'An existing VPC (`network.existingVpc`) needs no module: pass its ids to the cluster and service modules directly.',
  ],
};
