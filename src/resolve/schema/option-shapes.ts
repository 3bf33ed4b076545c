import { JsiiType, loadTypes, OWN_ASSEMBLY, structProperties, TypeRef } from './assemblies';
import { closestWord } from './closest';
import * as options from '../../options';
import type { OptionProblems } from '../problems';

/** The struct every option tree starts from. */
export const ROOT_OPTIONS = `${OWN_ASSEMBLY}.EcsServiceProjectOptions`;

let cachedTypes: Map<string, JsiiType> | undefined;

/**
 * Checks the shape of the options against the package's jsii assembly before anything reads them:
 * unknown keys anywhere in the tree (with the closest known key), values of the wrong type, enum
 * values that are not the enum's. Deep checks stop at projen's own structs, which projen reads.
 *
 * @returns whether the shapes are right (resolution only runs on well-shaped options)
 */
export function checkOptionShapes(value: unknown, problems: OptionProblems, types: Map<string, JsiiType> = (cachedTypes ??= loadTypes())): boolean {
  const before = problems.count;
  new ShapeChecker(types, problems).check(value, { fqn: ROOT_OPTIONS }, '');
  return problems.count === before;
}

class ShapeChecker {
  constructor(private readonly types: Map<string, JsiiType>, private readonly problems: OptionProblems) {}

  public check(value: unknown, type: TypeRef, path: string): void {
    if (value === undefined) {
      return;
    }
    if ('primitive' in type) {
      this.checkPrimitive(value, type.primitive, path);
    } else if ('collection' in type) {
      this.checkCollection(value, type.collection.kind, type.collection.elementtype, path);
    } else if ('fqn' in type) {
      this.checkNamed(value, type.fqn, path);
    }
  }

  private checkPrimitive(value: unknown, primitive: string, path: string): void {
    if (['string', 'number', 'boolean'].includes(primitive) && typeof value !== primitive) {
      this.problems.add(path, value, `is ${describe(value)}; expected a ${primitive}`);
    }
  }

  private checkCollection(value: unknown, kind: 'array' | 'map', element: TypeRef, path: string): void {
    if (kind === 'array') {
      if (!Array.isArray(value)) {
        this.problems.add(path, value, `is ${describe(value)}; expected a list`);
        return;
      }
      value.forEach((item, index) => this.check(item, element, `${path}[${index}]`));
      return;
    }
    if (!isPlainObject(value)) {
      this.problems.add(path, value, `is ${describe(value)}; expected an object of key-value pairs`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      this.check(item, element, childPath(path, key));
    }
  }

  private checkNamed(value: unknown, fqn: string, path: string): void {
    const type = this.types.get(fqn);
    if (type === undefined || type.assembly !== OWN_ASSEMBLY && fqn !== ROOT_OPTIONS) {
      return;
    }
    if (type.kind === 'enum') {
      this.checkEnum(value, type, path);
    } else if (type.kind === 'interface' && type.datatype) {
      this.checkStruct(value, fqn, path);
    }
  }

  private checkEnum(value: unknown, type: JsiiType, path: string): void {
    const name = type.fqn.slice(OWN_ASSEMBLY.length + 1);
    const runtime = (options as unknown as Record<string, Record<string, string>>)[name] ?? {};
    if (!Object.values(runtime).includes(value as string)) {
      const allowed = Object.entries(runtime).map(([member, wire]) => `${name}.${member} ("${wire}")`).join(', ');
      this.problems.add(path, value, `is not allowed; expected one of ${allowed}`);
    }
  }

  private checkStruct(value: unknown, fqn: string, path: string): void {
    if (!isPlainObject(value)) {
      this.problems.add(path, value, `is ${describe(value)}; expected an object`);
      return;
    }
    const properties = structProperties(this.types, fqn);
    for (const [key, item] of Object.entries(value)) {
      const property = properties.get(key);
      if (property === undefined && key.startsWith('__')) {
        // projen's own markers, such as `__new__` that `projen new` passes, are not options.
        continue;
      }
      if (property === undefined) {
        const suggestion = closestWord(key, properties.keys());
        this.problems.add(childPath(path, key), item, `is not an option${suggestion ? `; did you mean ${suggestion}?` : ''}`);
      } else {
        this.check(item, property.type, childPath(path, key));
      }
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function childPath(path: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (path === '') return segment;
  return /^[A-Za-z_$]/.test(segment) ? `${path}.${segment}` : `${path}[${segment}]`;
}
