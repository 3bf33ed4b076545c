import { AdoptedResourceKind, BucketOptions, DataAccess, TableAttributeType, TableBillingMode, TableKeyOptions, TableOptions } from '../../options';
import { adoptedDataResource } from '../adoption';
import type { EnvironmentContext } from '../context';
import { checkAttachable, DataPresetDefaults } from './common';
import type { BucketConfig, TableConfig, TableKeyConfig } from '../../platform/contract/data-config';
import { DATA_NAME_LIMITS, DATA_TEXT_RULES, STORAGE_RULES } from '../../platform/contract/data-rules';
import { fitName } from '../../platform/contract/naming';

/** Resolves and validates one S3 bucket of an environment. */
export function resolveBucket(
  ctx: EnvironmentContext, options: BucketOptions, path: string, workloads: readonly string[], preset: DataPresetDefaults,
): BucketConfig {
  const { problems } = ctx;
  const attachTo = checkAttachable(ctx, path, options, workloads);
  const access = options.access ?? DataAccess.READ_WRITE;
  problems.checkEnum(`${path}.access`, access, DataAccess);
  const noncurrentVersionExpiryDays = options.noncurrentVersionExpiryDays ?? STORAGE_RULES.noncurrentVersionExpiryDays.default;
  problems.checkRange(`${path}.noncurrentVersionExpiryDays`, noncurrentVersionExpiryDays, STORAGE_RULES.noncurrentVersionExpiryDays);
  const adoptedName = adoptedDataResource(ctx.env, AdoptedResourceKind.S3_BUCKET, options.name);
  return {
    name: options.name,
    bucketPrefix: `${fitName([ctx.project, ctx.env.name, options.name], DATA_NAME_LIMITS.bucketPrefix - 1)}-`,
    ...(adoptedName !== undefined ? { adoptedName } : {}),
    noncurrentVersionExpiryDays,
    forceDestroy: options.forceDestroy ?? preset.bucketForceDestroy,
    access,
    attachTo,
  };
}

/** Resolves and validates one DynamoDB table of an environment. */
export function resolveTable(
  ctx: EnvironmentContext, options: TableOptions, path: string, workloads: readonly string[], preset: DataPresetDefaults,
): TableConfig {
  const { problems } = ctx;
  const attachTo = checkAttachable(ctx, path, options, workloads);
  const access = options.access ?? DataAccess.READ_WRITE;
  problems.checkEnum(`${path}.access`, access, DataAccess);
  const partitionKey = resolveKey(ctx, options.partitionKey, `${path}.partitionKey`);
  const sortKey = options.sortKey !== undefined ? resolveKey(ctx, options.sortKey, `${path}.sortKey`) : undefined;
  problems.check(sortKey === undefined || sortKey.name !== partitionKey.name, `${path}.sortKey.name`, sortKey?.name, 'is the partition key; expected another attribute');
  const billingMode = options.billingMode ?? TableBillingMode.PAY_PER_REQUEST;
  problems.checkEnum(`${path}.billingMode`, billingMode, TableBillingMode);
  const capacity = resolveCapacity(ctx, options, path, billingMode);
  if (options.timeToLiveAttribute !== undefined) {
    problems.checkText(`${path}.timeToLiveAttribute`, options.timeToLiveAttribute, DATA_TEXT_RULES.attributeName);
  }
  const adoptedName = adoptedDataResource(ctx.env, AdoptedResourceKind.DYNAMODB_TABLE, options.name);
  return {
    name: options.name,
    tableName: adoptedName ?? fitName([ctx.project, ctx.env.name, options.name], DATA_NAME_LIMITS.tableName),
    adopted: adoptedName !== undefined,
    partitionKey,
    ...(sortKey ? { sortKey } : {}),
    billingMode,
    ...capacity,
    ...(options.timeToLiveAttribute !== undefined ? { timeToLiveAttribute: options.timeToLiveAttribute } : {}),
    deletionProtection: options.deletionProtection ?? preset.deletionProtection,
    access,
    attachTo,
  };
}

function resolveKey(ctx: EnvironmentContext, key: TableKeyOptions | undefined, path: string): TableKeyConfig {
  const name = key?.name ?? '';
  ctx.problems.checkText(`${path}.name`, name, DATA_TEXT_RULES.attributeName);
  const type = key?.type ?? TableAttributeType.STRING;
  ctx.problems.checkEnum(`${path}.type`, type, TableAttributeType);
  return { name, type };
}

function resolveCapacity(ctx: EnvironmentContext, options: TableOptions, path: string, billingMode: string) {
  const { problems } = ctx;
  if (billingMode !== TableBillingMode.PROVISIONED) {
    for (const key of ['readCapacity', 'writeCapacity'] as const) {
      problems.check(options[key] === undefined, `${path}.${key}`, options[key], 'is only used with billingMode "PROVISIONED"');
    }
    return {};
  }
  const readCapacity = options.readCapacity ?? 1;
  const writeCapacity = options.writeCapacity ?? 1;
  problems.checkRange(`${path}.readCapacity`, readCapacity, STORAGE_RULES.tableCapacityUnits);
  problems.checkRange(`${path}.writeCapacity`, writeCapacity, STORAGE_RULES.tableCapacityUnits);
  return { readCapacity, writeCapacity };
}
