import type { ModuleVariable } from './variables';
import { variableBlocks } from './variables';

/** Terraform JSON, as synthesized. */
export type TerraformJson = Record<string, any>;

/** The files of a generated module, by file name. */
export type ModuleFiles = Record<string, TerraformJson>;

/** Minimum Terraform version of the modules: cross-variable validation needs 1.9. */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.9.0';
/** The AWS provider the constructs are written against (@cdktf/provider-aws 20.1.0). */
export const AWS_PROVIDER_VERSION = '5.100.0';

const REMOTE_STATE_OUTPUT = /data\.terraform_remote_state\.[A-Za-z0-9_-]+\.outputs\.([A-Za-z0-9_]+)/g;
const QUOTED_VARIABLE_KEY = /\["\$\{(var\.[A-Za-z0-9_]+)\}"\]/g;
const VARIABLE_REFERENCE = /\bvar\.([A-Za-z0-9_]+)/g;

/**
 * Turns a synthesized stack into a module: no provider and no backend (the caller's), the outputs
 * of upstream stacks read from input variables of the same names instead of remote state, the given
 * variable declarations, and the version constraints.
 *
 * @throws when the configuration refers to a variable the module does not declare, or declares one it never uses
 */
export function toModuleFiles(stack: TerraformJson, variables: ModuleVariable[]): ModuleFiles {
  const rewritten = rewriteStrings(withoutMetadata(stack), (text) => text
    .replace(REMOTE_STATE_OUTPUT, (_match, output: string) => `var.${output}`)
    .replace(QUOTED_VARIABLE_KEY, (_match, variable: string) => `[${variable}]`)) as TerraformJson;
  const { provider: _provider, terraform: _terraform, variable: _synthesized, output, data, ...main } = rewritten;
  const { terraform_remote_state: _remoteState, ...dataSources } = data ?? {};
  if (Object.keys(dataSources).length > 0) {
    main.data = dataSources;
  }
  checkVariables(JSON.stringify({ main, output }), variables);
  return {
    'main.tf.json': main,
    'variables.tf.json': { variable: variableBlocks(variables) },
    'outputs.tf.json': { output },
    'versions.tf.json': {
      terraform: {
        required_version: REQUIRED_TERRAFORM_VERSION,
        required_providers: { aws: { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION } },
      },
    },
  };
}

function checkVariables(configuration: string, variables: ModuleVariable[]): void {
  const used = new Set([...configuration.matchAll(VARIABLE_REFERENCE)].map((match) => match[1]));
  const declared = new Set(variables.map((variable) => variable.name));
  const undeclared = [...used].filter((name) => !declared.has(name));
  const unused = [...declared].filter((name) => !used.has(name));
  if (undeclared.length > 0 || unused.length > 0) {
    throw new Error(`Module variables out of step with the configuration: undeclared ${undeclared.join(', ') || '-'}; unused ${unused.join(', ') || '-'}`);
  }
}

/** The JSON without cdktf's `//` metadata entries. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutMetadata);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '//').map(([key, item]) => [key, withoutMetadata(item)]));
  }
  return value;
}

function rewriteStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') {
    return rewrite(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => rewriteStrings(item, rewrite));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewriteStrings(item, rewrite)]));
  }
  return value;
}
