import type { Manifest, YamlValue } from './manifest';

/** An enum member of our options, written as `Enum.MEMBER` in `.projenrc.ts` and as its value in JSON. */
export class EnumMember {
  constructor(public readonly enumName: string, public readonly member: string, public readonly value: string) {}

  public toJSON(): string {
    return this.value;
  }
}

/** A draft option object: plain values, arrays, nested objects and enum members. */
export type Draft = Record<string, unknown>;

/** Where a project-wide setting was first taken from. */
interface SharedOrigin {
  readonly value: unknown;
  readonly file: string;
}

/**
 * The options being built from a Copilot application: project-wide options, environments and
 * services. Settings that Copilot makes per environment (or per service) but our options make
 * project-wide are taken from the first manifest; a manifest that disagrees gets its field reported.
 */
export class ProjectDraft {
  public readonly project: Draft = {};
  public readonly environments: Draft[] = [];
  public readonly services: Draft[] = [];
  public readonly workers: Draft[] = [];
  public readonly jobs: Draft[] = [];
  /** `data`: the tables and buckets of addons. */
  public readonly data: { tables: Draft[]; buckets: Draft[] } = { tables: [], buckets: [] };
  /** Lines of `MIGRATION.md` about what the options cannot say (build contexts, addons, DNS). */
  public readonly notes: string[] = [];
  private readonly shared = new Map<string, SharedOrigin>();

  constructor(public readonly application: string) {}

  /** The `data` option: the addons' tables and buckets, or undefined when there are none. */
  public dataOptions(): Draft | undefined {
    const { tables, buckets } = this.data;
    if (tables.length + buckets.length === 0) {
      return undefined;
    }
    return { ...(tables.length > 0 ? { tables } : {}), ...(buckets.length > 0 ? { buckets } : {}) };
  }

  /** The override draft of a service in an environment (`environments[].serviceOverrides.<service>`). */
  public serviceOverride(environment: Draft, service: string): Draft {
    const overrides = (environment.serviceOverrides ??= {}) as Record<string, Draft>;
    return (overrides[service] ??= {});
  }

  /**
   * Sets a secret whose SSM parameter name holds Copilot placeholders, resolved for each environment.
   * @returns false when the name has other placeholders, or the service is unnamed (an override block)
   */
  public perEnvironmentSecret(service: string, variable: string, template: string): boolean {
    if (service === 'undefined' || !/^\/[^$]*(\$\{COPILOT_(APPLICATION|ENVIRONMENT|SERVICE)_NAME\}[^$]*)+$/.test(template)) {
      return false;
    }
    for (const environment of this.environments) {
      const name = template.replace(/\$\{COPILOT_APPLICATION_NAME\}/g, this.application)
        .replace(/\$\{COPILOT_ENVIRONMENT_NAME\}/g, String(environment.name))
        .replace(/\$\{COPILOT_SERVICE_NAME\}/g, service);
      const override = this.serviceOverride(environment, service);
      override.secrets = { ...(override.secrets as Record<string, string> | undefined), [variable]: name };
    }
    return true;
  }

  /** Sets a project-wide option (dotted path) from a manifest field, once; later different values are reported. */
  public setShared(optionPath: string, value: unknown, manifest: Manifest, fieldPath: string): void {
    const key = JSON.stringify(value);
    const first = this.shared.get(optionPath);
    if (first === undefined) {
      this.shared.set(optionPath, { value: key, file: manifest.file });
      setPath(this.project, optionPath, value);
      return;
    }
    if (first.value !== key) {
      manifest.report(fieldPath, `differs from ${first.file} (${first.value}) and ${optionPath} is project-wide`);
    }
  }
}

/** Sets a dotted path in a draft, creating the objects on the way. */
export function setPath(target: Draft, path: string, value: unknown): void {
  const keys = path.split('.');
  let object = target;
  for (const key of keys.slice(0, -1)) {
    object = (object[key] ??= {}) as Draft;
  }
  object[keys[keys.length - 1]] = value;
}

/** A YAML value as a string map (variables), or undefined. */
export function stringMap(value: YamlValue | undefined): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typeof item === 'string' ? item : JSON.stringify(item)]));
}
