import type { EnvironmentContext } from '../context';
import { attachmentsOf } from './attachments';
import { resolveCache } from './caches';
import { dataPresetDefaults } from './common';
import { resolveDatabase } from './databases';
import { resourcesInEnvironment } from './overrides';
import { resolveBucket, resolveTable } from './storage';
import type { ServiceConfig } from '../../platform/contract/config';
import type { DataConfig } from '../../platform/contract/data-config';
import { fitName } from '../../platform/contract/naming';

/** A service, worker or job that data resources may attach to, with the option path that names it. */
export interface AttachableTask {
  readonly task: Pick<ServiceConfig, 'name' | 'environment' | 'secrets'>;
  readonly path: string;
}

/**
 * Resolves and validates the data resources of one environment and the attachment record of
 * every workload they are attached to; undefined when the project has none (no data stack).
 *
 * @param workloads names of the environment's services, workers and jobs
 */
export function resolveData(ctx: EnvironmentContext, workloads: readonly string[], logRetentionDays: number): DataConfig | undefined {
  const options = ctx.options.data ?? {};
  const preset = dataPresetDefaults(ctx);
  const databases = resourcesInEnvironment(ctx, options.databases ?? [], 'databases', 'databaseOverrides', ctx.env.databaseOverrides)
    .map((db, i) => resolveDatabase(db.ctx, db.options, `data.databases[${i}]`, workloads, preset));
  const caches = resourcesInEnvironment(ctx, options.caches ?? [], 'caches', 'cacheOverrides', ctx.env.cacheOverrides)
    .map((cache, i) => resolveCache(cache.ctx, cache.options, `data.caches[${i}]`, workloads, preset));
  const buckets = (options.buckets ?? []).map((bucket, i) => resolveBucket(ctx, bucket, `data.buckets[${i}]`, workloads, preset));
  const tables = (options.tables ?? []).map((table, i) => resolveTable(ctx, table, `data.tables[${i}]`, workloads, preset));
  if (databases.length + caches.length + buckets.length + tables.length === 0) {
    return undefined;
  }
  checkUniqueNames(ctx, { databases, caches, buckets, tables });
  return {
    kmsKeyAlias: fitName([ctx.project, ctx.env.name, 'data'], 250),
    logRetentionDays,
    databases,
    caches,
    buckets,
    tables,
    attachments: attachmentsOf({ databases, caches, buckets, tables }),
  };
}

function checkUniqueNames(ctx: EnvironmentContext, kinds: Record<string, Array<{ name: string }>>): void {
  const seen = new Set<string>();
  for (const [kind, resources] of Object.entries(kinds)) {
    resources.forEach((resource, i) => {
      ctx.problems.check(!seen.has(resource.name), `data.${kind}[${i}].name`, resource.name,
        'is used by another data resource; names must be unique across databases, caches, buckets and tables');
      seen.add(resource.name);
    });
  }
}

/** Security groups a task may carry (ECS), less its own and the Service Connect peers group. */
const CLIENT_SECURITY_GROUPS_MAX = 3;

/**
 * Checks that the variables the attachments inject do not collide with a service's own
 * environment variables and secrets, and that its tasks can carry every clients security group.
 */
export function checkAttachments(ctx: EnvironmentContext, data: DataConfig | undefined, tasks: readonly AttachableTask[]): void {
  tasks.forEach(({ task: service, path }) => {
    const attachment = data?.attachments[service.name];
    if (attachment === undefined) {
      return;
    }
    ctx.problems.check(attachment.clientSecurityGroups.length <= CLIENT_SECURITY_GROUPS_MAX, `${path}.name`, service.name,
      `is attached to ${attachment.clientSecurityGroups.length} databases and caches; a task carries at most ${CLIENT_SECURITY_GROUPS_MAX} of their security groups`);
    const injected = [...Object.keys(attachment.environment), ...attachment.secrets.map((secret) => secret.name)];
    const own = [...Object.keys(service.environment), ...service.secrets.map((secret) => secret.name)];
    for (const name of own.filter((variable) => injected.includes(variable))) {
      ctx.problems.check(false, path, name,
        `is set by the service and injected by its data resources (${attachment.resources.join(', ')}); rename the variable or the resource`);
    }
  });
}
