import { readFileSync } from 'fs';
import { parse } from 'yaml';

/** A value read from a manifest. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** A field of a manifest that could not be carried over, and why. */
export interface UnmappedField {
  /** The manifest, relative to the directory above `copilot/` (e.g. `copilot/api/manifest.yml`). */
  readonly file: string;
  /** Dotted path of the field, e.g. `http.stickiness` or `sidecars.nginx.port`. */
  readonly path: string;
  readonly value: unknown;
  /** What is wrong, after the value: `has no equivalent option` unless said otherwise. */
  readonly reason: string;
}

/** The default reason of an unmapped field. */
export const NO_EQUIVALENT = 'has no equivalent option';

/** Whether a value is a YAML mapping. */
export function isMap(value: unknown): value is Record<string, YamlValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One parsed manifest whose fields are taken one by one by the mappers: whatever was neither taken
 * nor reported is reported at the end, so no field is ever dropped silently.
 */
export class Manifest {
  /** Reads and parses a manifest (CloudFormation tags such as `!Ref` are kept as plain values). */
  public static read(absolutePath: string, file: string): Manifest {
    const document = parse(readFileSync(absolutePath, 'utf-8'), { logLevel: 'silent' }) as YamlValue;
    return new Manifest(file, isMap(document) ? document : {});
  }

  private readonly taken = new Set<string>();
  private readonly reported: UnmappedField[] = [];
  private readonly reasons: Array<[string, string]> = [];
  private readonly branches: Array<[string, Manifest]> = [];

  constructor(public readonly file: string, public readonly root: Record<string, YamlValue>) {}

  /**
   * The mapping at `path` as a manifest of its own (e.g. an `environments.<env>` override block),
   * whose unmapped fields are reported here under `path`.
   */
  public branch(path: string): Manifest {
    const value = this.take(path);
    const branch = new Manifest(this.file, isMap(value) ? value : {});
    this.branches.push([path, branch]);
    return branch;
  }

  /** The value at a dotted path without taking it. */
  public peek(path: string): YamlValue | undefined {
    let value: YamlValue | undefined = this.root;
    for (const key of path.split('.')) {
      if (!isMap(value)) {
        return undefined;
      }
      value = value[key];
    }
    return value;
  }

  /** The value at a dotted path, marked as carried over (with everything below it). */
  public take(path: string): YamlValue | undefined {
    const value = this.peek(path);
    if (value !== undefined) {
      this.taken.add(path);
    }
    return value;
  }

  /** Takes a field and reports it as not carried over, for a reason other than the default. */
  public report(path: string, reason: string = NO_EQUIVALENT): void {
    const value = this.take(path);
    if (value !== undefined) {
      this.reported.push({ file: this.file, path, value, reason });
    }
  }

  /** Reports a value the mappers found inside a field they took, e.g. `subscribe.topics[0].queue`. */
  public reportValue(path: string, value: unknown, reason: string = NO_EQUIVALENT): void {
    this.reported.push({ file: this.file, path, value, reason });
  }

  /** The reason reported for the fields left under `prefix` (instead of "has no equivalent option"). */
  public explainRest(prefix: string, reason: string): void {
    this.reasons.push([prefix, reason]);
  }

  /** The reason given for fields under `path` (see {@link Manifest.explainRest}). */
  public unmappedReason(path: string): string {
    return this.reasons.find(([under]) => path === under || path.startsWith(`${under}.`))?.[1] ?? NO_EQUIVALENT;
  }

  /** The keys of the mapping at a path (none when it is not a mapping). */
  public keys(path: string): string[] {
    const value = path === '' ? this.root : this.peek(path);
    return isMap(value) ? Object.keys(value) : [];
  }

  /** Every field reported, then every leaf neither taken nor reported, in document order. */
  public unmapped(): UnmappedField[] {
    const leftovers: UnmappedField[] = [];
    this.collectLeftovers('', this.root, leftovers);
    const order = (path: string): number => this.leafOrder().indexOf(path.replace(/\[.*$/, ''));
    const branched = this.branches.flatMap(([prefix, branch]) => branch.unmapped().map((field) => ({ ...field, path: `${prefix}.${field.path}` })));
    return [...this.reported, ...leftovers, ...branched].sort((a, b) => order(a.path) - order(b.path));
  }

  private collectLeftovers(prefix: string, value: YamlValue, into: UnmappedField[]): void {
    if (prefix !== '' && this.isTaken(prefix)) {
      return;
    }
    if (isMap(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) {
        this.collectLeftovers(prefix === '' ? key : `${prefix}.${key}`, child, into);
      }
      return;
    }
    into.push({ file: this.file, path: prefix, value, reason: this.unmappedReason(prefix) });
  }

  private isTaken(path: string): boolean {
    const parts = path.split('.');
    return parts.some((_part, index) => this.taken.has(parts.slice(0, index + 1).join('.')));
  }

  private leafOrder(): string[] {
    const paths: string[] = [];
    const walk = (prefix: string, value: YamlValue): void => {
      if (prefix !== '') {
        paths.push(prefix);
      }
      if (isMap(value)) {
        Object.entries(value).forEach(([key, child]) => walk(prefix === '' ? key : `${prefix}.${key}`, child));
      }
    };
    walk('', this.root);
    return paths;
  }
}

/** One line of the report: `<file>: <field path>: <value> <reason>`. */
export function unmappedLine(field: UnmappedField): string {
  return `${field.file}: ${field.path}: ${JSON.stringify(field.value)} ${field.reason}`;
}

/** Seconds of a Copilot duration such as `30s`, `2m`, `1h30m` (a plain number is seconds). */
export function durationSeconds(value: YamlValue | undefined): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  const match = typeof value === 'string' ? /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value.trim()) : null;
  if (match === null || value === '') {
    return undefined;
  }
  const [, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return hours * 3600 + minutes * 60 + seconds;
}
