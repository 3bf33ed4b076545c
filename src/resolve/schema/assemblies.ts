import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

/** A type reference in a jsii assembly. */
export type TypeRef =
  | { readonly primitive: 'string' | 'number' | 'boolean' | 'any' | 'json' | 'date' }
  | { readonly fqn: string }
  | { readonly collection: { readonly kind: 'array' | 'map'; readonly elementtype: TypeRef } }
  | { readonly union: { readonly types: TypeRef[] } };

/** A struct property or enum member, as the assembly describes it. */
export interface JsiiProperty {
  readonly name: string;
  readonly type: TypeRef;
  readonly optional?: boolean;
}

/** A type of a jsii assembly: the parts the option checker reads. */
export interface JsiiType {
  readonly fqn: string;
  readonly kind: 'interface' | 'enum' | 'class';
  readonly assembly: string;
  readonly datatype?: boolean;
  readonly interfaces?: string[];
  readonly properties?: JsiiProperty[];
  readonly members?: Array<{ readonly name: string }>;
}

/** Name of this package's assembly. */
export const OWN_ASSEMBLY = 'projen-cdktf-ecs';

/**
 * The types of this package's jsii assembly (`.jsii` at the package root, next to `lib/`) and of
 * projen's, whose project options ours extend; empty when an assembly cannot be read (a checkout
 * that was never compiled with jsii), in which case the shapes of the options are not checked.
 */
export function loadTypes(): Map<string, JsiiType> {
  const types = new Map<string, JsiiType>();
  for (const file of [join(__dirname, '..', '..', '..', '.jsii'), projenAssembly()]) {
    if (file === undefined || !existsSync(file)) {
      return new Map();
    }
    const assembly = JSON.parse(readFileSync(file, 'utf-8')) as { types?: Record<string, JsiiType> };
    for (const [fqn, type] of Object.entries(assembly.types ?? {})) {
      types.set(fqn, type);
    }
  }
  return types;
}

function projenAssembly(): string | undefined {
  try {
    return require.resolve('projen/.jsii');
  } catch {
    return undefined;
  }
}

/** Every property of a struct, its own and those of the structs it extends. */
export function structProperties(types: Map<string, JsiiType>, fqn: string): Map<string, JsiiProperty> {
  const type = types.get(fqn);
  const properties = new Map<string, JsiiProperty>();
  for (const base of type?.interfaces ?? []) {
    for (const [name, property] of structProperties(types, base)) {
      properties.set(name, property);
    }
  }
  for (const property of type?.properties ?? []) {
    properties.set(property.name, property);
  }
  return properties;
}
