import { ref, Token } from 'cdktf';
import { NAME_HASH_LENGTH } from '../../src/platform/contract/naming';

/**
 * How module-mode configuration values refer to Terraform objects.
 *
 * Strings are plain `${...}` templates: they pass through construct ids and names unchanged.
 * Values that constructs compute with (lists, numbers, enums compared in a condition) are cdktf
 * references, which render correctly inside Terraform functions and JSON documents.
 */

/** `${var.<name>}` as a plain template string. */
export function stringVar(name: string): string {
  return `\${var.${name}}`;
}

/** `${local.<name>}` as a plain template string. */
export function stringLocal(name: string): string {
  return `\${local.${name}}`;
}

/** A reference to a string variable, for values constructs compare or pass to functions. */
export function stringRef(name: string): string {
  return Token.asString(ref(`var.${name}`));
}

/** A reference to a number variable. */
export function numberVar(name: string): number {
  return Token.asNumber(ref(`var.${name}`));
}

/** A reference to a list-of-strings variable or local, e.g. `var.zones` or `local.cidrs`. */
export function listRef(address: string): string[] {
  return Token.asList(ref(address));
}

/** The `<project>-<environment>` prefix of every resource name. */
export const NAME_PREFIX = `${stringVar('project')}-${stringVar('environment')}`;

/**
 * The expression of a name that fits `max` characters the way the project type's `fitName` does:
 * unchanged when it fits, otherwise cut and ended with {@link NAME_HASH_LENGTH} hex digits of its hash.
 */
export function fittedName(template: string, max: number): string {
  const name = `"${template}"`;
  const head = max - NAME_HASH_LENGTH - 1;
  return `\${length(${name}) <= ${max} ? ${name} : "\${replace(substr(${name}, 0, ${head}), "/-+$/", "")}-\${substr(sha256(${name}), 0, ${NAME_HASH_LENGTH})}"}`;
}
