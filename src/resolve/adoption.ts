import { AdoptedResourceKind, AdoptedResourceOptions } from '../options';
import type { EnvironmentContext } from './context';
import { ADOPTION_ID_RULES } from '../platform/contract/adoption';
import type { AdoptionConfig } from '../platform/contract/adoption';
import type { ServiceConfig } from '../platform/contract/config';

/**
 * Resolves `environments[].adopt`: each entry's kind, id and service checked, at most one log group
 * and one repository per service. Undefined when the environment adopts nothing.
 */
export function resolveAdoption(ctx: EnvironmentContext, services: ServiceConfig[]): AdoptionConfig | undefined {
  const entries = ctx.env.adopt ?? [];
  if (entries.length === 0) {
    return undefined;
  }
  const imageRepositories: Record<string, string> = {};
  let logGroupName: string | undefined;
  entries.forEach((entry, index) => {
    const path = `${ctx.envPath}.adopt[${index}]`;
    if (!ctx.problems.checkEnum(`${path}.kind`, entry.kind, AdoptedResourceKind)) {
      return;
    }
    ctx.problems.checkText(`${path}.id`, entry.id, ADOPTION_ID_RULES[entry.kind]);
    if (entry.kind === AdoptedResourceKind.LOG_GROUP) {
      ctx.problems.check(entry.service === undefined, `${path}.service`, entry.service, 'is not allowed for a log group; the environment\'s services share one log group');
      ctx.problems.check(logGroupName === undefined, path, entry.id, 'is a second log group; an environment adopts at most one');
      logGroupName = logGroupName ?? entry.id;
    } else if (checkRepositoryService(ctx, entry, path, services)) {
      ctx.problems.check(imageRepositories[entry.service!] === undefined, `${path}.service`, entry.service, 'adopts a second repository; a service has one');
      imageRepositories[entry.service!] = imageRepositories[entry.service!] ?? entry.id;
    }
  });
  return { imageRepositories, ...(logGroupName !== undefined ? { logGroupName } : {}) };
}

/** An ECR repository belongs to a service of the environment that is built from this repository. */
function checkRepositoryService(ctx: EnvironmentContext, entry: AdoptedResourceOptions, path: string, services: ServiceConfig[]): boolean {
  const built = services.filter((service) => service.image === undefined).map((service) => service.name);
  return ctx.problems.check(
    entry.service !== undefined && built.includes(entry.service),
    `${path}.service`,
    entry.service,
    `is not a service built from this repository; expected one of ${built.join(', ') || '(none: every service runs an external image)'}`,
  );
}

/**
 * The adopted log group as the environment's options name it (what {@link resolveAdoption} resolves
 * it to), for the names resolved before the adoption, such as the jobs' log groups below it.
 */
export function adoptedLogGroup(env: EnvironmentContext['env']): AdoptionConfig | undefined {
  const logGroup = (env.adopt ?? []).find((entry) => entry.kind === AdoptedResourceKind.LOG_GROUP);
  return logGroup !== undefined ? { imageRepositories: {}, logGroupName: logGroup.id } : undefined;
}
