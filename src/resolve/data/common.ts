import { DATA_TEXT_RULES } from '../../platform/contract/data-rules';
import type { EnvironmentContext } from '../context';

/** What every data resource option has. */
export interface AttachableOptions {
  readonly name: string;
  readonly attachTo?: string[];
  readonly unattachedReason?: string;
}

/** The defaults of the data resources that follow the environment's preset. */
export interface DataPresetDefaults {
  readonly instanceClass: string;
  readonly maxCapacity: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  readonly finalSnapshot: boolean;
  readonly monitoringIntervalSeconds: number;
  readonly cacheSnapshotRetentionDays: number;
  readonly bucketForceDestroy: boolean;
}

const PRODUCTION: DataPresetDefaults = {
  instanceClass: 'db.m7g.large',
  maxCapacity: 16,
  multiAz: true,
  backupRetentionDays: 14,
  deletionProtection: true,
  finalSnapshot: true,
  monitoringIntervalSeconds: 60,
  cacheSnapshotRetentionDays: 7,
  bucketForceDestroy: false,
};

const DEVELOPMENT: DataPresetDefaults = {
  instanceClass: 'db.t4g.micro',
  maxCapacity: 4,
  multiAz: false,
  backupRetentionDays: 1,
  deletionProtection: false,
  finalSnapshot: false,
  monitoringIntervalSeconds: 0,
  cacheSnapshotRetentionDays: 0,
  bucketForceDestroy: true,
};

/** The preset's defaults of the data resources. */
export function dataPresetDefaults(ctx: EnvironmentContext): DataPresetDefaults {
  return ctx.production ? PRODUCTION : DEVELOPMENT;
}

/**
 * Checks a resource's name and attachments: the name's pattern, that every attached workload
 * exists, and that a resource attached to nothing says why.
 *
 * @returns the attached workloads, each once
 */
export function checkAttachable(ctx: EnvironmentContext, path: string, resource: AttachableOptions, workloads: readonly string[]): string[] {
  const { problems } = ctx;
  problems.checkText(`${path}.name`, resource.name, DATA_TEXT_RULES.resourceName);
  const attachTo = resource.attachTo ?? [];
  attachTo.forEach((workload, i) => problems.check(
    workloads.includes(workload),
    `${path}.attachTo[${i}]`,
    workload,
    `names no workload; expected one of ${workloads.join(', ') || '(no workloads)'}`,
  ));
  problems.check(
    attachTo.length > 0 || (resource.unattachedReason ?? '').trim().length > 0,
    `${path}.attachTo`,
    attachTo,
    'is empty; attach the resource to a workload, or say why nobody uses it in unattachedReason',
  );
  return [...new Set(attachTo.filter((workload) => workloads.includes(workload)))];
}

/** Prefix of the environment variables of a resource: `user-db` becomes `USER_DB`. */
export function variablePrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}
