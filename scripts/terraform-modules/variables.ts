import { IntegerRule, terraformTextCondition, TextRule, TEXT_RULES } from '../../src/platform/contract/rules';

/** A `validation` block of a module variable. */
export interface VariableValidation {
  /** Terraform condition, without `${}`. */
  readonly condition: string;
  readonly errorMessage: string;
}

/** An input variable of a generated module: its declaration and its README row. */
export interface ModuleVariable {
  readonly name: string;
  /** Terraform type constraint, e.g. `list(string)`. */
  readonly type: string;
  readonly description: string;
  /** Default value; `undefined` makes the variable required, `null` is a real default. */
  readonly default?: unknown;
  readonly validation?: VariableValidation[];
  /** The TypeScript option the variable corresponds to, for the README mapping table. */
  readonly option?: string;
}

/** An output of a generated module, as documented in its README. */
export interface ModuleOutput {
  readonly name: string;
  readonly description: string;
}

/** The `variable` block of the module's Terraform JSON. */
export function variableBlocks(variables: ModuleVariable[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(variables.map((variable) => [variable.name, {
    type: variable.type,
    description: variable.description,
    ...(variable.default !== undefined ? { default: variable.default } : {}),
    ...(variable.validation && variable.validation.length > 0 ? {
      validation: variable.validation.map((rule) => ({ condition: `\${${rule.condition}}`, error_message: rule.errorMessage })),
    } : {}),
  }]));
}

/** `value` is one of `choices` (strings or numbers). */
export function oneOf(expression: string, choices: ReadonlyArray<string | number>): string {
  return `contains(${JSON.stringify(choices)}, ${expression})`;
}

/** `expression` is a whole number from `min` to `max`. */
export function integerIn(expression: string, min: number, max: number): string {
  return `${expression} == floor(${expression}) && ${expression} >= ${min} && ${expression} <= ${max}`;
}

/** A validation rule: `name` is a whole number within the option's rule. */
export function integerRule(name: string, rule: IntegerRule): VariableValidation {
  return { condition: integerIn(`var.${name}`, rule.min, rule.max), errorMessage: `${name} must be an integer from ${rule.min} to ${rule.max}.` };
}

/** `expression` lies from the rule's `min` to its `max`. */
export function within(expression: string, rule: IntegerRule): string {
  return `${expression} >= ${rule.min} && ${expression} <= ${rule.max}`;
}

/** `length(<expression>)` lies within the rule. */
export function lengthIn(expression: string, rule: IntegerRule): string {
  return `length(${expression}) >= ${rule.min} && length(${expression}) <= ${rule.max}`;
}

/** A validation rule: `name` satisfies the option's text rule. */
export function textRule(name: string, rule: TextRule): VariableValidation {
  return { condition: terraformTextCondition(`var.${name}`, rule), errorMessage: `${name} must be ${rule.expected}.` };
}

/** The variables every module shares: the names of its resources and the account. */
export function namingVariables(): ModuleVariable[] {
  return [
    {
      name: 'project',
      type: 'string',
      description: 'Prefix of every resource name, usually the project or team name.',
      option: 'resourcePrefix',
      validation: [textRule('project', TEXT_RULES.resourcePrefix)],
    },
    {
      name: 'environment',
      type: 'string',
      description: 'Environment name, the second part of every resource name (`<project>-<environment>`).',
      option: 'environments[].name',
      validation: [textRule('environment', TEXT_RULES.environmentName)],
    },
    {
      name: 'account_id',
      type: 'string',
      description: 'Target AWS account id, written into ARNs and policies; leave empty to use the account of the credentials.',
      default: '',
      option: 'environments[].account',
      validation: [{
        condition: `var.account_id == "" || ${terraformTextCondition('var.account_id', TEXT_RULES.accountId)}`,
        errorMessage: `account_id must be empty or ${TEXT_RULES.accountId.what} of ${TEXT_RULES.accountId.expected}.`,
      }],
    },
  ];
}
