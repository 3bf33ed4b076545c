import { conditional, Fn, Op, TerraformResource, Token } from 'cdktf';

/**
 * Helpers for values that are either literals (the CDKTF app, where the configuration is known at
 * synth time) or Terraform expressions (the plain Terraform modules, where it comes from input
 * variables). Constructs that shape resources with them produce the same Terraform for both.
 */

/** Whether a configuration value is a Terraform expression rather than a literal. */
export function isExpression(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** The number of items of a list: its length, or `length(<list>)` for an expression. */
export function lengthOf(list: string[]): number {
  return isExpression(list) ? Fn.lengthOf(list) : list.length;
}

/** The `index`-th item of a list (`index` is usually `count.index`). */
export function itemOf(list: string[], index: number): string {
  return Fn.element(list, index);
}

/** `<resource>[<index>].<attribute>`: one instance of a resource with `count`. */
export function instanceAttribute(resource: TerraformResource, index: number | string, attribute: string): string {
  return `\${${resource.fqn}[${index}].${attribute}}`;
}

/** `<resource>[*].<attribute>`: the attribute of every instance of a resource with `count`. */
export function everyInstanceAttribute(resource: TerraformResource, attribute: string): string[] {
  return Token.asList(`\${${resource.fqn}[*].${attribute}}`);
}

/** `<value> == <literal>`, evaluated now for a literal value. */
export function equals(value: string, literal: string): boolean | string {
  return isExpression(value) ? Token.asString(Op.eq(value, literal)) : value === literal;
}

/** `condition ? whenTrue : whenFalse`, evaluated now for a literal condition. */
export function choose<T extends string | number>(condition: boolean | string, whenTrue: T, whenFalse: T): T {
  if (typeof condition === 'boolean') {
    return condition ? whenTrue : whenFalse;
  }
  const chosen = conditional(condition, whenTrue, whenFalse);
  return (typeof whenTrue === 'number' ? Token.asNumber(chosen) : Token.asString(chosen)) as T;
}
