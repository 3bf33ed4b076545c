import { CacheEngine, CacheOptions } from '../../options';
import type { EnvironmentContext } from '../context';
import { checkAttachable, DataPresetDefaults } from './common';
import type { CacheConfig } from '../../platform/contract/data-config';
import { CACHE_ENGINE_VERSIONS, CACHE_RULES, DATA_NAME_LIMITS } from '../../platform/contract/data-rules';
import { fitName } from '../../platform/contract/naming';

/** Resolves and validates one ElastiCache Serverless cache of an environment. */
export function resolveCache(
  ctx: EnvironmentContext, options: CacheOptions, path: string, workloads: readonly string[], preset: DataPresetDefaults,
): CacheConfig {
  const { problems } = ctx;
  const attachTo = checkAttachable(ctx, path, options, workloads);
  const engine = options.engine ?? CacheEngine.VALKEY;
  problems.checkEnum(`${path}.engine`, engine, CacheEngine);
  const versions = CACHE_ENGINE_VERSIONS[engine] ?? [];
  const majorEngineVersion = options.majorEngineVersion ?? versions[versions.length - 1] ?? '';
  problems.check(versions.includes(majorEngineVersion), `${path}.majorEngineVersion`, majorEngineVersion,
    `is not a ${engine} version of ElastiCache Serverless; expected one of ${versions.join(', ')}`);
  if (options.maxDataStorageGiB !== undefined) {
    problems.checkRange(`${path}.maxDataStorageGiB`, options.maxDataStorageGiB, CACHE_RULES.maxDataStorageGiB);
  }
  if (options.maxEcpuPerSecond !== undefined) {
    problems.checkRange(`${path}.maxEcpuPerSecond`, options.maxEcpuPerSecond, CACHE_RULES.maxEcpuPerSecond);
  }
  const snapshotRetentionDays = options.snapshotRetentionDays ?? preset.cacheSnapshotRetentionDays;
  problems.checkRange(`${path}.snapshotRetentionDays`, snapshotRetentionDays, CACHE_RULES.snapshotRetentionDays);
  const cacheName = fitName([ctx.project, ctx.env.name, options.name], DATA_NAME_LIMITS.cacheName);
  return {
    name: options.name,
    engine,
    majorEngineVersion,
    cacheName,
    userGroupId: fitName([cacheName, 'users'], DATA_NAME_LIMITS.cacheUserId),
    userId: fitName([cacheName, 'app'], DATA_NAME_LIMITS.cacheUserId),
    defaultUserId: fitName([cacheName, 'default'], DATA_NAME_LIMITS.cacheUserId),
    ...(options.maxDataStorageGiB !== undefined ? { maxDataStorageGiB: options.maxDataStorageGiB } : {}),
    ...(options.maxEcpuPerSecond !== undefined ? { maxEcpuPerSecond: options.maxEcpuPerSecond } : {}),
    snapshotRetentionDays,
    securityGroupName: fitName([cacheName, 'cache'], 255),
    clientsSecurityGroupName: fitName([cacheName, 'clients'], 255),
    attachTo,
  };
}
