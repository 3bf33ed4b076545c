import { readFileSync } from 'fs';
import { join } from 'path';
import {
  CAPACITY_STRATEGY_RULES,
  CLUSTER_RULES,
  IntegerRule,
  LOAD_BALANCER_RULES,
  NETWORK_RULES,
  SERVICE_RULES,
  terraformTextCondition,
  TEXT_RULES,
  TextRule,
} from '../../src/platform/contract/rules';
import { problemsOf } from '../project/support';

// The generated modules and the project type state every range, default and pattern once: in
// src/platform/contract/rules.ts. These tests fail when a module's validation or default drifts.
interface VariableJson {
  readonly default?: unknown;
  readonly validation?: Array<{ condition: string }>;
}
const variablesOf = (module: string): Record<string, VariableJson> =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'terraform-modules', module, 'variables.tf.json'), 'utf-8')).variable;

const INTEGER_VARIABLES: Array<[string, string, IntegerRule]> = [
  ['service', 'container_port', SERVICE_RULES.containerPort],
  ['service', 'desired_count', SERVICE_RULES.desiredCount],
  ['service', 'min_capacity', SERVICE_RULES.minCapacity],
  ['service', 'max_capacity', SERVICE_RULES.maxCapacity],
  ['service', 'target_cpu_utilization', SERVICE_RULES.targetCpuUtilization],
  ['service', 'target_memory_utilization', SERVICE_RULES.targetMemoryUtilization],
  ['service', 'health_check_grace_period_seconds', SERVICE_RULES.healthCheckGracePeriodSeconds],
  ['service', 'deregistration_delay_seconds', SERVICE_RULES.deregistrationDelaySeconds],
  ['service', 'stop_timeout_seconds', SERVICE_RULES.stopTimeoutSeconds],
  ['service', 'idle_timeout_seconds', LOAD_BALANCER_RULES.idleTimeoutSeconds],
  ['cluster', 'ecr_keep_images', CLUSTER_RULES.ecrKeepImages],
];

const TEXT_VARIABLES: Array<[string, string, TextRule]> = [
  ['service', 'image_tag', TEXT_RULES.imageTag],
  ['service', 'health_check_path', TEXT_RULES.healthCheckPath],
  ['service', 'health_check_success_codes', TEXT_RULES.healthCheckSuccessCodes],
  ['service', 'name', TEXT_RULES.serviceName],
  ['service', 'ssl_policy', TEXT_RULES.sslPolicy],
  ['network', 'project', TEXT_RULES.resourcePrefix],
  ['service', 'environment', TEXT_RULES.environmentName],
];

/** List variables whose length the project type bounds the same way. */
const LIST_LENGTH_VARIABLES: Array<[string, string, IntegerRule]> = [
  ['service', 'allowed_cidrs', LOAD_BALANCER_RULES.allowedCidrs],
  ['network', 'availability_zones', NETWORK_RULES.availabilityZones],
  ['cluster', 'capacity_provider_strategy', CAPACITY_STRATEGY_RULES.providers],
  ['service', 'capacity_provider_strategy', CAPACITY_STRATEGY_RULES.providers],
];

describe.each(INTEGER_VARIABLES)('%s module, variable %s', (module, name, rule) => {
  const variable = variablesOf(module)[name];

  test('validates the range of the project type', () => {
    const conditions = (variable.validation ?? []).map((validation) => validation.condition);
    expect(conditions).toContainEqual(expect.stringContaining(`var.${name} >= ${rule.min} && var.${name} <= ${rule.max}`));
  });

  test('defaults to the project type\'s default', () => {
    if (rule.default !== undefined) {
      expect(variable.default).toBe(rule.default);
    }
  });
});

test.each(TEXT_VARIABLES)('%s module, variable %s, validates the pattern of the project type', (module, name, rule) => {
  const conditions = (variablesOf(module)[name].validation ?? []).map((validation) => validation.condition);
  expect(conditions).toContain(`\${${terraformTextCondition(`var.${name}`, rule)}}`);
});

test.each(LIST_LENGTH_VARIABLES)('%s module, variable %s, holds as many items as the project type allows', (module, name, rule) => {
  const conditions = (variablesOf(module)[name].validation ?? []).map((validation) => validation.condition);
  expect(conditions).toContainEqual(expect.stringContaining(`length(var.${name}) >= ${rule.min} && length(var.${name}) <= ${rule.max}`));
});

test('network module, variable vpc_cidr, takes the prefix lengths of the project type', () => {
  const { min, max } = NETWORK_RULES.vpcPrefixLength;
  const [condition] = (variablesOf('network').vpc_cidr.validation ?? []).map((validation) => validation.condition);
  expect(condition).toContain(`>= ${min} && tonumber(split("/", var.vpc_cidr)[1]) <= ${max}`);
});

describe('the project type checks the same ranges', () => {
  test.each([
    ['targetCpuUtilization', SERVICE_RULES.targetCpuUtilization],
    ['stopTimeoutSeconds', SERVICE_RULES.stopTimeoutSeconds],
    ['deregistrationDelaySeconds', SERVICE_RULES.deregistrationDelaySeconds],
  ] as const)('services[0].%s: the bounds pass, one beyond each fails', (option, rule) => {
    const problems = (value: number) => problemsOf({ services: [{ [option]: value }] }).filter((line) => line.startsWith(`services[0].${option}:`));
    expect([rule.min, rule.max].flatMap(problems)).toEqual([]);
    expect([rule.min - 1, rule.max + 1].map((value) => problems(value).length)).toEqual([1, 1]);
  });
});
