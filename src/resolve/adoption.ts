import { AdoptedResourceKind, AdoptedResourceOptions } from '../options';
import type { EnvironmentContext } from './context';
import { ADOPTION_ID_RULES } from '../platform/contract/adoption';
import type { AdoptionConfig } from '../platform/contract/adoption';
import type { ServiceConfig } from '../platform/contract/config';
import type { DataConfig } from '../platform/contract/data-config';

/** What an adoption entry may be checked against: the environment's services and data resources. */
interface AdoptionTargets {
  readonly services: ServiceConfig[];
  readonly data?: DataConfig;
}

/** The targets, and the tables and buckets (`<option>/<name>`) adopted by the entries before this one. */
interface AdoptionScope extends AdoptionTargets {
  readonly adoptedData: Set<string>;
}

/**
 * Resolves `environments[].adopt`: each entry's kind, id and target checked, at most one log group,
 * one repository per service and one existing resource per table or bucket. Undefined when the
 * environment adopts nothing.
 */
export function resolveAdoption(ctx: EnvironmentContext, targets: AdoptionTargets): AdoptionConfig | undefined {
  const entries = ctx.env.adopt ?? [];
  if (entries.length === 0) {
    return undefined;
  }
  const adoption = { imageRepositories: {} } as Mutable<AdoptionConfig>;
  const adoptedData = new Set<string>();
  entries.forEach((entry, index) => {
    const path = `${ctx.envPath}.adopt[${index}]`;
    if (!ctx.problems.checkEnum(`${path}.kind`, entry.kind, AdoptedResourceKind)) {
      return;
    }
    ctx.problems.checkText(`${path}.id`, entry.id, ADOPTION_ID_RULES[entry.kind]);
    ctx.problems.check(entry.dataResource === undefined || isDataKind(entry.kind), `${path}.dataResource`, entry.dataResource,
      `is only used by the kinds "${AdoptedResourceKind.DYNAMODB_TABLE}" and "${AdoptedResourceKind.S3_BUCKET}"`);
    ADOPTERS[entry.kind](ctx, entry, path, { ...targets, adoptedData }, adoption);
  });
  return adoption;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type Adopter = (
  ctx: EnvironmentContext, entry: AdoptedResourceOptions, path: string, targets: AdoptionScope, adoption: Mutable<AdoptionConfig>,
) => void;

/** How each kind of entry is checked and recorded. */
const ADOPTERS: Record<AdoptedResourceKind, Adopter> = {
  [AdoptedResourceKind.LOG_GROUP]: (ctx, entry, path, _targets, adoption) => {
    ctx.problems.check(entry.service === undefined, `${path}.service`, entry.service, 'is not allowed for a log group; the environment\'s services share one log group');
    ctx.problems.check(adoption.logGroupName === undefined, path, entry.id, 'is a second log group; an environment adopts at most one');
    adoption.logGroupName = adoption.logGroupName ?? entry.id;
  },
  [AdoptedResourceKind.ECR_REPOSITORY]: (ctx, entry, path, targets, adoption) => {
    const service = repositoryService(ctx, entry, path, targets.services);
    if (service !== undefined) {
      ctx.problems.check(adoption.imageRepositories[service] === undefined, `${path}.service`, service, 'adopts a second repository; a service has one');
      adoption.imageRepositories[service] = adoption.imageRepositories[service] ?? entry.id;
    }
  },
  [AdoptedResourceKind.DYNAMODB_TABLE]: dataAdopter('tables', 'table'),
  [AdoptedResourceKind.S3_BUCKET]: dataAdopter('buckets', 'bucket'),
};

/** Adoption of a table or bucket: the entry names a `data.tables` or `data.buckets` entry, which adopts one resource. */
function dataAdopter(kind: 'tables' | 'buckets', noun: string): Adopter {
  return (ctx, entry, path, targets) => {
    const option = `data.${kind}`;
    const target = dataTarget(ctx, entry, path, (targets.data?.[kind] ?? []).map((candidate) => candidate.name), option);
    if (target !== undefined) {
      ctx.problems.check(!targets.adoptedData.has(`${option}/${target}`), `${path}.dataResource`, target, `adopts a second ${noun}; an entry of ${option} adopts one`);
      targets.adoptedData.add(`${option}/${target}`);
    }
  };
}

function isDataKind(kind: AdoptedResourceKind): boolean {
  return kind === AdoptedResourceKind.DYNAMODB_TABLE || kind === AdoptedResourceKind.S3_BUCKET;
}

/** An ECR repository belongs to a service of the environment that is built from this repository. */
function repositoryService(ctx: EnvironmentContext, entry: AdoptedResourceOptions, path: string, services: ServiceConfig[]): string | undefined {
  const built = services.filter((service) => service.image === undefined).map((service) => service.name);
  const valid = ctx.problems.check(
    entry.service !== undefined && built.includes(entry.service),
    `${path}.service`,
    entry.service,
    `is not a service built from this repository; expected one of ${built.join(', ') || '(none: every service runs an external image)'}`,
  );
  return valid ? entry.service : undefined;
}

/** A table or bucket is adopted by an entry of `data` of its kind; the name of that entry, if it exists. */
function dataTarget(ctx: EnvironmentContext, entry: AdoptedResourceOptions, path: string, names: string[], option: string): string | undefined {
  ctx.problems.check(entry.service === undefined, `${path}.service`, entry.service, `is not allowed for a ${entry.kind}; name the ${option} entry in dataResource`);
  const expected = `expected one of ${names.join(', ') || `(none: ${option} is empty)`}`;
  const valid = ctx.problems.check(
    entry.dataResource !== undefined && names.includes(entry.dataResource),
    `${path}.dataResource`,
    entry.dataResource,
    entry.dataResource === undefined ? `is required for a ${entry.kind}; ${expected}` : `is not an entry of ${option}; ${expected}`,
  );
  return valid ? entry.dataResource : undefined;
}

/**
 * The adopted log group as the environment's options name it (what {@link resolveAdoption} resolves
 * it to), for the names resolved before the adoption, such as the jobs' log groups below it.
 */
export function adoptedLogGroup(env: EnvironmentContext['env']): AdoptionConfig | undefined {
  const logGroup = (env.adopt ?? []).find((entry) => entry.kind === AdoptedResourceKind.LOG_GROUP);
  return logGroup !== undefined ? { imageRepositories: {}, logGroupName: logGroup.id } : undefined;
}

/** The existing table or bucket that the data resource `name` adopts, as the environment's options name it (the first one). */
export function adoptedDataResource(env: EnvironmentContext['env'], kind: AdoptedResourceKind, name: string): string | undefined {
  return (env.adopt ?? []).find((entry) => entry.kind === kind && entry.dataResource === name)?.id;
}
