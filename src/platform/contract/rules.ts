/**
 * The ranges, patterns and limits of the options, stated once: the resolver checks options against
 * them and words its errors from them, and the Terraform module generator renders variable
 * defaults and `validation` blocks from them.
 */

/** Whole numbers from `min` to `max`, and the default where there is one. */
export interface IntegerRule {
  readonly min: number;
  readonly max: number;
  readonly default?: number;
}

/**
 * Text matching `pattern` (valid as a JavaScript and as a Terraform RE2 regular expression), at
 * most `maxLength` characters; for error messages, `what` names it and `expected` says what is allowed.
 */
export interface TextRule {
  readonly pattern: string;
  readonly maxLength?: number;
  readonly what?: string;
  readonly expected: string;
}

/** The reason a value breaks a text rule: `is not <what>; expected <expected>`. */
export function textRuleReason(rule: TextRule): string {
  return `is not ${rule.what ?? 'allowed'}; expected ${rule.expected}`;
}

/** Whether `value` satisfies a text rule. */
export function matchesText(rule: TextRule, value: string): boolean {
  return new RegExp(rule.pattern).test(value) && (rule.maxLength === undefined || value.length <= rule.maxLength);
}

/** Terraform's test of `expression` against a text rule: its pattern and its length. */
export function terraformTextCondition(expression: string, rule: TextRule): string {
  const pattern = `can(regex(${JSON.stringify(rule.pattern)}, ${expression}))`;
  return rule.maxLength === undefined ? pattern : `length(${expression}) <= ${rule.maxLength} && ${pattern}`;
}

/** Network ports. */
export const PORT: IntegerRule = { min: 1, max: 65535 };

/** Ranges of the service options. */
export const SERVICE_RULES = {
  containerPort: { ...PORT, default: 8080 },
  ec2Cpu: { min: 128, max: 196608 },
  ec2MemoryMiB: { min: 128, max: 1048576 },
  desiredCount: { min: 0, max: 1000 },
  minCapacity: { min: 0, max: 1000 },
  maxCapacity: { min: 1, max: 1000 },
  targetCpuUtilization: { min: 10, max: 95, default: 60 },
  targetMemoryUtilization: { min: 10, max: 95, default: 80 },
  targetRequestsPerTask: { min: 1, max: 1000000 },
  healthCheckGracePeriodSeconds: { min: 0, max: 2147483647, default: 60 },
  deregistrationDelaySeconds: { min: 0, max: 3600, default: 30 },
  stopTimeoutSeconds: { min: 2, max: 120, default: 30 },
  stepScaleOutCpuThreshold: { min: 1, max: 100, default: 70 },
  stepScaleInCpuThreshold: { min: 0, max: 99, default: 20 },
  stepSize: { min: 1, max: 100, default: 1 },
  listenerRulePriority: { min: 1, max: 50000 },
  sidecarCpu: { min: 0, max: 196608 },
  sidecarMemoryMiB: { min: 6, max: 1048576 },
} as const satisfies Record<string, IntegerRule>;

/** Ranges of the container health check options. */
export const CONTAINER_HEALTH_CHECK_RULES = {
  intervalSeconds: { min: 5, max: 300, default: 30 },
  timeoutSeconds: { min: 2, max: 60, default: 5 },
  retries: { min: 1, max: 10, default: 3 },
  startPeriodSeconds: { min: 0, max: 300, default: 0 },
} as const satisfies Record<string, IntegerRule>;

/** Ranges of the cluster options. */
export const CLUSTER_RULES = {
  ecrKeepImages: { min: 1, max: 10000, default: 30 },
} as const satisfies Record<string, IntegerRule>;

/** Ranges of the load balancer options. */
export const LOAD_BALANCER_RULES = {
  idleTimeoutSeconds: { min: 1, max: 4000, default: 60 },
  /** How many CIDR blocks may reach the listeners. */
  allowedCidrs: { min: 1, max: 50 },
} as const satisfies Record<string, IntegerRule>;

/** What ECS allows in a capacity provider strategy: entries, and each entry's base and weight. */
export const CAPACITY_STRATEGY_RULES = {
  providers: { min: 1, max: 6 },
  base: { min: 0, max: 100000 },
  weight: { min: 0, max: 1000 },
} as const satisfies Record<string, IntegerRule>;

/** Ranges of the network options. */
export const NETWORK_RULES = {
  /** Prefix length of the VPC's CIDR block. */
  vpcPrefixLength: { min: 16, max: 28 },
  /** Prefix length of a subnet's CIDR block (AWS's smallest subnet is a /28). */
  subnetPrefixLength: { min: 16, max: 28 },
  availabilityZones: { min: 2, max: 8 },
} as const satisfies Record<string, IntegerRule>;

/** Length of the resource prefix: the first part of every resource name. */
export const RESOURCE_PREFIX_MAX = 20;

/** Patterns of text options. */
export const TEXT_RULES = {
  resourcePrefix: {
    pattern: `^[a-z][a-z0-9-]{0,${RESOURCE_PREFIX_MAX - 2}}[a-z0-9]$`,
    expected: `2 to ${RESOURCE_PREFIX_MAX} lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen`,
  },
  environmentName: {
    pattern: '^[a-z][a-z0-9]{0,11}$',
    expected: '1 to 12 lowercase letters or digits, starting with a letter',
  },
  accountId: {
    pattern: '^[0-9]{12}$',
    what: 'an AWS account id',
    expected: '12 digits',
  },
  /** Service and container names: also DNS labels (Service Connect) and parts of resource names. */
  serviceName: {
    pattern: '^[a-z][a-z0-9-]{0,30}[a-z0-9]$',
    expected: '2 to 32 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen',
  },
  sslPolicy: {
    pattern: '^ELBSecurityPolicy-TLS13-[A-Za-z0-9-]+$',
    expected: 'a TLS 1.3 policy (ELBSecurityPolicy-TLS13-*), e.g. "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"',
  },
  environmentVariableName: {
    pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
    what: 'a valid environment variable name',
    expected: 'letters, digits and underscores, not starting with a digit',
  },
  healthCheckPath: {
    pattern: "^/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*$",
    maxLength: 1024,
    expected: 'an HTTP path starting with "/", e.g. "/health"',
  },
  healthCheckSuccessCodes: {
    pattern: '^[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*$',
    expected: 'HTTP codes and ranges separated by commas, e.g. "200" or "200-299" or "200,301,302"',
  },
  hostHeader: {
    pattern: '^[A-Za-z0-9*?.-]+$',
    maxLength: 128,
    what: 'a host name pattern',
    expected: 'e.g. "api.example.com" or "*.example.com"',
  },
  pathPattern: {
    pattern: "^/[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*$",
    maxLength: 128,
    what: 'a path pattern',
    expected: 'up to 128 characters starting with "/", e.g. "/api/*"',
  },
  imageTag: {
    pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]*$',
    maxLength: 128,
    expected: 'letters, digits, underscores, periods and hyphens, at most 128 characters',
  },
} as const satisfies Record<string, TextRule>;

/** An ALB listener rule matches at most five condition values in total. */
export const RULE_CONDITION_VALUES_MAX = 5;
