import { ExpressionNode, parseExpression } from './expression-parser';

/** Status of the job so far, which the status functions read. */
export interface JobStatus {
  /** A step failed (without `continue-on-error`). */
  readonly failed: boolean;
  /** The job was cancelled (its `timeout-minutes` ran out). */
  readonly cancelled: boolean;
}

/** One step's entry in the `steps` context. */
export interface StepContext {
  readonly outputs: Record<string, string>;
  readonly outcome: string;
  readonly conclusion: string;
}

/** The values expressions can read. */
export interface ExpressionContexts {
  /** The supported `github` properties; any other property is an error. */
  readonly github: Record<string, unknown>;
  /** The supported `runner` properties; any other property is an error. */
  readonly runner: Record<string, unknown>;
  /** Inputs of the run; reading an input that is neither declared nor given is an error. */
  readonly inputs: Record<string, unknown>;
  /** Secrets; a missing secret reads as `''`, as on GitHub. */
  readonly secrets: Record<string, string>;
  /** Configuration variables; a missing variable reads as `''`, as on GitHub. */
  readonly vars: Record<string, string>;
  /** The `env` context; a missing variable reads as `''`, as on GitHub. */
  readonly env: Record<string, string>;
  /** Steps that ran so far, by id; ids the job does not declare are errors. */
  readonly steps: Record<string, StepContext>;
  /** Ids of every step of the job, run or not. */
  readonly declaredStepIds: ReadonlySet<string>;
  /** Results of the jobs this job needs, by id; other ids are errors. */
  readonly needs: Record<string, { readonly outputs: Record<string, string>; readonly result: string }>;
  /** The job status, for `success()`, `failure()`, `cancelled()`. */
  readonly status: JobStatus;
}

type Value = unknown;

const STATUS_FUNCTIONS = new Set(['success', 'failure', 'always', 'cancelled']);

/**
 * Evaluates one expression (without the `${{ }}`) against the contexts.
 *
 * @throws naming the expression when it reads an unsupported context or property or calls an
 *   unsupported function
 */
export function evaluateExpression(source: string, contexts: ExpressionContexts): Value {
  return new Evaluator(source, contexts).evaluate(parseExpression(source));
}

/**
 * Replaces every `${{ … }}` in `text` by the value of its expression, formatted as GitHub does:
 * `null` as `''`, objects and arrays as JSON, the rest as strings.
 */
export function interpolate(text: string, contexts: ExpressionContexts): string {
  let result = '';
  let index = 0;
  for (;;) {
    const start = text.indexOf('${{', index);
    if (start === -1) {
      return result + text.slice(index);
    }
    const end = findClosingBraces(text, start + 3);
    result += text.slice(index, start) + formatValue(evaluateExpression(text.slice(start + 3, end).trim(), contexts));
    index = end + 2;
  }
}

/**
 * Evaluates a step's `if:` (with or without `${{ }}`); without a status function it means
 * `success() && (<condition>)`, as on GitHub. An absent condition is `success()`.
 */
export function evaluateCondition(condition: string | boolean | undefined, contexts: ExpressionContexts): boolean {
  if (condition === undefined || condition === '') {
    return !contexts.status.failed && !contexts.status.cancelled;
  }
  if (typeof condition === 'boolean') {
    return condition && !contexts.status.failed && !contexts.status.cancelled;
  }
  const trimmed = condition.trim();
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(trimmed);
  const source = whole && findClosingBraces(trimmed, 3) === trimmed.length - 2 ? whole[1].trim() : trimmed;
  const tree = parseExpression(source);
  const evaluator = new Evaluator(source, contexts);
  const value = evaluator.evaluate(tree);
  if (!callsStatusFunction(tree) && (contexts.status.failed || contexts.status.cancelled)) {
    return false;
  }
  return truthy(value);
}

/** Formats a value as GitHub does when it substitutes an expression into text. */
export function formatValue(value: Value): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value, undefined, 2);
  }
  return String(value);
}

function findClosingBraces(text: string, from: number): number {
  let inString = false;
  for (let index = from; index < text.length; index++) {
    if (text[index] === "'") {
      inString = !inString;
    } else if (!inString && text.startsWith('}}', index)) {
      return index;
    }
  }
  throw new Error(`Unsupported expression: no closing "}}" in ${text}`);
}

function callsStatusFunction(node: ExpressionNode): boolean {
  switch (node.kind) {
    case 'call':
      return STATUS_FUNCTIONS.has(node.name) || node.args.some(callsStatusFunction);
    case 'not':
      return callsStatusFunction(node.operand);
    case 'binary':
      return callsStatusFunction(node.left) || callsStatusFunction(node.right);
    default:
      return false;
  }
}

function truthy(value: Value): boolean {
  return !(value === false || value === 0 || value === '' || value === null || value === undefined || Number.isNaN(value));
}

function looselyEqual(left: Value, right: Value): boolean {
  if (typeof left === 'string' && typeof right === 'string') {
    return left.toLowerCase() === right.toLowerCase();
  }
  if ((left !== null && typeof left === 'object') || (right !== null && typeof right === 'object') || typeof left === typeof right) {
    return left === right;
  }
  return toNumber(left) === toNumber(right);
}

function toNumber(value: Value): number {
  if (value === null || value === undefined) {
    return 0;
  }
  if (typeof value === 'boolean') {
    return value ? 1 : 0;
  }
  if (typeof value === 'string') {
    return value.trim() === '' ? 0 : Number(value);
  }
  return typeof value === 'number' ? value : NaN;
}

class Evaluator {
  constructor(private readonly source: string, private readonly contexts: ExpressionContexts) {}

  public evaluate(node: ExpressionNode): Value {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'not':
        return !truthy(this.evaluate(node.operand));
      case 'binary':
        return this.binary(node.operator, node.left, node.right);
      case 'call':
        return this.call(node.name, node.args);
      case 'context':
        return this.read(node.path);
    }
  }

  private binary(operator: string, leftNode: ExpressionNode, rightNode: ExpressionNode): Value {
    const left = this.evaluate(leftNode);
    if (operator === '&&') {
      return truthy(left) ? this.evaluate(rightNode) : left;
    }
    if (operator === '||') {
      return truthy(left) ? left : this.evaluate(rightNode);
    }
    const equal = looselyEqual(left, this.evaluate(rightNode));
    return operator === '==' ? equal : !equal;
  }

  private call(name: string, argNodes: ExpressionNode[]): Value {
    const status = this.contexts.status;
    const args = () => argNodes.map((arg) => this.evaluate(arg));
    switch (name) {
      case 'success':
        return !status.failed && !status.cancelled;
      case 'failure':
        return status.failed;
      case 'always':
        return true;
      case 'cancelled':
        return status.cancelled;
      case 'contains': {
        const [haystack, needle] = args();
        return Array.isArray(haystack)
          ? haystack.some((item) => looselyEqual(item, needle))
          : formatValue(haystack).toLowerCase().includes(formatValue(needle).toLowerCase());
      }
      case 'startsWith': {
        const [text, prefix] = args();
        return formatValue(text).toLowerCase().startsWith(formatValue(prefix).toLowerCase());
      }
      case 'endsWith': {
        const [text, suffix] = args();
        return formatValue(text).toLowerCase().endsWith(formatValue(suffix).toLowerCase());
      }
      case 'format': {
        const [template, ...values] = args();
        return formatValue(template).replace(/\{(\d+)\}/g, (_, index: string) => formatValue(values[Number(index)]));
      }
      case 'toJSON':
        return JSON.stringify(args()[0], undefined, 2);
      case 'fromJSON':
        return JSON.parse(formatValue(args()[0])) as Value;
      default:
        return this.unsupported(`the function ${name}() is not supported`);
    }
  }

  private read(path: string[]): Value {
    const [root, first, ...rest] = path;
    const contexts = this.contexts;
    switch (root) {
      case 'github':
      case 'runner':
      case 'inputs':
      case 'needs': {
        const values = contexts[root] as Record<string, unknown>;
        if (first === undefined) {
          return this.unsupported(`the whole ${root} context cannot be read`);
        }
        if (!(first in values)) {
          return this.unsupported(`${root}.${first} is not supported (known: ${Object.keys(values).join(', ') || 'none'})`);
        }
        return dig(values[first], rest);
      }
      case 'secrets':
      case 'vars':
      case 'env':
        return first === undefined ? contexts[root] : dig(contexts[root][first] ?? '', rest);
      case 'steps':
        return this.readStep(first, rest);
      default:
        return this.unsupported(`the context "${root}" is not supported`);
    }
  }

  private readStep(id: string | undefined, rest: string[]): Value {
    if (id === undefined || !this.contexts.declaredStepIds.has(id)) {
      return this.unsupported(`the job declares no step with id "${id}"`);
    }
    const step = this.contexts.steps[id];
    const [property, name] = rest;
    if (property === 'outputs') {
      return name === undefined ? step?.outputs ?? {} : step?.outputs[name] ?? '';
    }
    if (property === 'outcome' || property === 'conclusion') {
      return step?.[property] ?? '';
    }
    return this.unsupported(`steps.${id}.${property} is not supported`);
  }

  private unsupported(why: string): never {
    throw new Error(`Unsupported expression \${{ ${this.source} }}: ${why}`);
  }
}

function dig(value: unknown, path: string[]): Value {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') {
      return null;
    }
    current = (current as Record<string, unknown>)[key] ?? null;
  }
  return current;
}
