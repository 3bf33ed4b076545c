import { IntegerRule, matchesText, TextRule, textRuleReason } from '../platform/contract/rules';

/**
 * Thrown when project options are invalid. The message lists every problem, one line each,
 * in the form `<option path>: <bad value> <what is wrong>; <what is allowed>`.
 */
export class InvalidOptionsError extends Error {
  /** One line per problem. */
  public readonly problems: string[];

  constructor(problems: string[]) {
    const header = `Invalid ${problems.length === 1 ? 'option' : `options (${problems.length})`} for projen-cdktf-ecs:`;
    super([header, ...problems.map((p) => `  - ${p}`)].join('\n'));
    this.name = 'InvalidOptionsError';
    this.problems = problems;
    // The problems are the whole story: a stack trace into the resolver would only hide them.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Collects option problems so that one run reports all of them.
 */
export class OptionProblems {
  private readonly problems: string[] = [];

  /** Records a problem with the option at `path` holding `value`. */
  public add(path: string, value: unknown, reason: string): void {
    this.problems.push(`${path}: ${render(value)} ${reason}`);
  }

  /** Records a problem when `valid` is false; returns `valid`. */
  public check(valid: boolean, path: string, value: unknown, reason: string): boolean {
    if (!valid) {
      this.add(path, value, reason);
    }
    return valid;
  }

  /** Records a problem unless `value` is an integer within [min, max]; returns whether it is. */
  public checkInteger(path: string, value: number, min: number, max: number): boolean {
    return this.check(
      Number.isInteger(value) && value >= min && value <= max,
      path,
      value,
      `is not allowed; expected an integer from ${min} to ${max}`,
    );
  }

  /** Records a problem unless `value` is a whole number within `rule`; returns whether it is. */
  public checkRange(path: string, value: number, rule: IntegerRule): boolean {
    return this.checkInteger(path, value, rule.min, rule.max);
  }

  /** Records a problem unless `value` satisfies the text rule; returns whether it does. */
  public checkText(path: string, value: string, rule: TextRule): boolean {
    return this.check(typeof value === 'string' && matchesText(rule, value), path, value, textRuleReason(rule));
  }

  /** Records a problem unless `value` is one of the values of the enum `allowed`; returns whether it is. */
  public checkEnum(path: string, value: string, allowed: Record<string, string>): boolean {
    const values = Object.values(allowed);
    return this.check(values.includes(value), path, value, `is not allowed; expected one of ${values.join(', ')}`);
  }

  /** Throws an {@link InvalidOptionsError} when any problem was recorded. */
  public throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new InvalidOptionsError([...this.problems]);
    }
  }
}

function render(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
