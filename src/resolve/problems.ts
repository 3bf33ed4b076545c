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

/** One recorded problem, and the environment whose resolution found it. */
interface RecordedProblem {
  readonly line: string;
  readonly environment?: string;
}

/**
 * Collects option problems so that one run reports all of them, each once: a problem found while
 * resolving every environment is reported once, one found in some environments names them.
 */
export class OptionProblems {
  private readonly recorded: RecordedProblem[];
  private readonly environments: Set<string>;
  private readonly environment?: string;

  private readonly rewritePath: (path: string) => string;

  constructor(shared?: { recorded: RecordedProblem[]; environments: Set<string> }, environment?: string, rewritePath?: (path: string) => string) {
    this.recorded = shared?.recorded ?? [];
    this.environments = shared?.environments ?? new Set();
    this.environment = environment;
    this.rewritePath = rewritePath ?? ((path) => path);
  }

  /**
   * A recorder of the same problems that reports each option at the path `rewrite` gives, e.g. a
   * value an environment override set at the override's path instead of the overridden option's.
   */
  public withPaths(rewrite: (path: string) => string): OptionProblems {
    const shared = { recorded: this.recorded, environments: this.environments };
    return new OptionProblems(shared, this.environment, (path) => rewrite(this.rewritePath(path)));
  }

  /** A recorder of the same problems that tags what it records with an environment. */
  public forEnvironment(name: string): OptionProblems {
    this.environments.add(name);
    return new OptionProblems({ recorded: this.recorded, environments: this.environments }, name, this.rewritePath);
  }

  /** How many problems were recorded so far. */
  public get count(): number {
    return this.recorded.length;
  }

  /** Records a problem with the option at `path` holding `value`. */
  public add(path: string, value: unknown, reason: string): void {
    this.recorded.push({ line: `${this.rewritePath(path)}: ${render(value)} ${reason}`, ...(this.environment !== undefined ? { environment: this.environment } : {}) });
  }

  /** The problems, each once, naming the environments when a problem does not apply to all of them. */
  public lines(): string[] {
    const byLine = new Map<string, Set<string> | undefined>();
    for (const { line, environment } of this.recorded) {
      const known = byLine.has(line) ? byLine.get(line) : new Set<string>();
      byLine.set(line, environment === undefined || known === undefined ? undefined : known.add(environment));
    }
    return [...byLine].map(([line, environments]) => {
      if (environments === undefined || environments.size === this.environments.size) {
        return line;
      }
      const names = [...environments];
      return `${line} (environment${names.length > 1 ? 's' : ''} ${names.join(', ')})`;
    });
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
    if (this.recorded.length > 0) {
      throw new InvalidOptionsError(this.lines());
    }
  }
}

/** A value as the user wrote it: `NaN` and `Infinity` as such, not JSON's `null`. */
export function render(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return String(value);
  }
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'number' && !Number.isFinite(item) ? String(item) : item)) ?? String(value);
}
