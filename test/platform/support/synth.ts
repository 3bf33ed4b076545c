import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Testing } from 'cdktf';
import type { PlatformConfig } from '../../../src/platform/contract/config';
import type { PolicyStatement } from '../../../src/platform/contract/policies';
import { createPlatform, EnvironmentStacks } from '../../../src/platform/platform';

/** A resource body of a synthesized stack. */
export type ResourceBody = Record<string, any>;

/** A synthesized stack, parsed. */
export interface SynthesizedJson {
  readonly resource?: Record<string, Record<string, ResourceBody>>;
  readonly data?: Record<string, Record<string, ResourceBody>>;
  readonly output?: Record<string, { value: unknown; description?: string }>;
  readonly variable?: Record<string, ResourceBody>;
  readonly locals?: Record<string, unknown>;
  readonly provider?: { aws: ResourceBody[] };
  readonly terraform: { backend: Record<string, ResourceBody>; required_providers: Record<string, unknown> };
}

/** The parsed stacks of one environment. */
export interface EnvironmentJson {
  readonly network: SynthesizedJson;
  readonly cluster: SynthesizedJson;
  readonly service: SynthesizedJson;
  /** The data stack, when the environment has data resources. */
  readonly data?: SynthesizedJson;
  /** The construct objects, for escape-hatch and naming checks. */
  readonly stacks: EnvironmentStacks;
}

let appOutdir: string | undefined;

/**
 * A test app. They all share one output directory (Testing.synth writes nothing there), removed
 * after the test file, instead of one leftover temporary directory per app.
 */
export function testApp(): App {
  if (appOutdir === undefined) {
    const outdir = mkdtempSync(join(tmpdir(), 'platform-synth-'));
    appOutdir = outdir;
    afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  }
  return Testing.app({ outdir: appOutdir });
}

/** Builds the platform in a test app and parses the stacks of the (first by default) environment. */
export function synthEnvironment(config: PlatformConfig, environmentIndex = 0): EnvironmentJson {
  const stacks = createPlatform(testApp(), config)[environmentIndex];
  return {
    network: JSON.parse(Testing.synth(stacks.network)),
    cluster: JSON.parse(Testing.synth(stacks.cluster)),
    service: JSON.parse(Testing.synth(stacks.service)),
    ...(stacks.data ? { data: JSON.parse(Testing.synth(stacks.data)) } : {}),
    stacks,
  };
}

/** Every resource of a type, by logical id. */
export function resourcesOf(stack: SynthesizedJson, type: string): Record<string, ResourceBody> {
  return stack.resource?.[type] ?? {};
}

/** The bodies of every resource of a type. */
export function bodiesOf(stack: SynthesizedJson, type: string): ResourceBody[] {
  return Object.values(resourcesOf(stack, type));
}

/** The one resource of a type; fails when there are none or several. */
export function onlyResource(stack: SynthesizedJson, type: string): ResourceBody {
  const bodies = bodiesOf(stack, type);
  if (bodies.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${bodies.length}`);
  }
  return bodies[0];
}

/** The Terraform reference (`${type.id.attribute}`) of a resource's attribute. */
export function refTo(stack: SynthesizedJson, type: string, body: ResourceBody, attribute: string): string {
  const entry = Object.entries(resourcesOf(stack, type)).find(([, candidate]) => candidate === body);
  if (entry === undefined) {
    throw new Error(`resource not found among ${type}`);
  }
  return `\${${type}.${entry[0]}.${attribute}}`;
}

/** Parses a JSON policy or definition string of a resource. */
export function parseJson<T = any>(text: unknown): T {
  return JSON.parse(String(text)) as T;
}

/** Parses an IAM policy document of a resource. */
export function parsePolicy(text: unknown): { Version: string; Statement: PolicyStatement[] } {
  return parseJson(text);
}

/** The statement of a policy with the given Sid; fails when there is none. */
export function statementWithSid(text: unknown, sid: string): PolicyStatement {
  const statement = parsePolicy(text).Statement.find((candidate) => candidate.Sid === sid);
  if (statement === undefined) {
    throw new Error(`no statement ${sid} in ${String(text)}`);
  }
  return statement;
}

/** One instance of a resource: its address (`type.name` or `type.name[i]`) and its body as Terraform sees it. */
export interface ResourceInstance {
  readonly address: string;
  readonly body: ResourceBody;
}

const ELEMENT_AT_COUNT_INDEX = /\$\{element\((\[[^\]]*\]), count\.index\)\}/g;

/**
 * The instances of every resource of a type, in declaration order: a resource with a literal
 * `count` gives one instance per index, with `count.index` and `element([...], count.index)`
 * evaluated the way Terraform evaluates them (the only expressions the constructs use per zone).
 */
export function instancesOf(stack: SynthesizedJson, type: string): ResourceInstance[] {
  return Object.entries(resourcesOf(stack, type)).flatMap(([name, body]) => {
    if (body.count === undefined) {
      return [{ address: `${type}.${name}`, body }];
    }
    if (typeof body.count !== 'number') {
      throw new Error(`${type}.${name} has a count of ${JSON.stringify(body.count)}, not a literal`);
    }
    const { count, ...rest } = body;
    const text = JSON.stringify(rest);
    return Array.from({ length: count }, (_, index) => ({
      address: `${type}.${name}[${index}]`,
      body: JSON.parse(text
        .replace(ELEMENT_AT_COUNT_INDEX, (_match, list: string) => {
          const items = JSON.parse(list.replace(/\\"/g, '"')) as string[];
          return items[index % items.length];
        })
        .replace(/\[count\.index\]/g, `[${index}]`)) as ResourceBody,
    }));
  });
}

/** The Terraform reference (`${address.attribute}`) of an attribute of a resource instance. */
export function refToInstance(instance: ResourceInstance, attribute: string): string {
  return `\${${instance.address}.${attribute}}`;
}
