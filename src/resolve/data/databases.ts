import { DatabaseEngine, DatabaseKind, DatabaseOptions } from '../../options';
import type { EnvironmentContext } from '../context';
import { checkAttachable, DataPresetDefaults } from './common';
import type { DatabaseConfig } from '../../platform/contract/data-config';
import {
  AURORA_CAPACITY, AURORA_CAPACITY_STEP, DATA_NAME_LIMITS, DATA_TEXT_RULES, DATABASE_INSTANCE_CLASS, DATABASE_RULES,
  DatabaseEngineRule, databaseEngineRule, MONITORING_INTERVALS, parameterGroupFamily, RESERVED_MASTER_USERNAMES, supportsPerformanceInsights,
} from '../../platform/contract/data-rules';
import { fitName } from '../../platform/contract/naming';

/** Where a database's options are read and checked. */
interface DatabaseScope {
  readonly ctx: EnvironmentContext;
  readonly options: DatabaseOptions;
  readonly path: string;
  readonly preset: DataPresetDefaults;
}

/** Resolves and validates one database of an environment. */
export function resolveDatabase(
  ctx: EnvironmentContext, options: DatabaseOptions, path: string, workloads: readonly string[], preset: DataPresetDefaults,
): DatabaseConfig {
  const scope: DatabaseScope = { ctx, options, path, preset };
  const attachTo = checkAttachable(ctx, path, options, workloads);
  checkZones(scope);
  const engine = resolveEngine(scope);
  const identifier = fitName([ctx.project, ctx.env.name, options.name], DATA_NAME_LIMITS.dbIdentifier);
  const aurora = engine.kind === DatabaseKind.AURORA_SERVERLESS;
  const instanceClass = aurora ? 'db.serverless' : options.instanceClass ?? preset.instanceClass;
  const logExports = resolveLogExports(scope, engine.rule);
  return {
    name: options.name,
    ...engine.config,
    identifier,
    instanceIdentifiers: aurora ? auroraInstanceIdentifiers(identifier, options.multiAz ?? preset.multiAz) : [],
    ...resolveCredentials(scope),
    port: engine.rule.port,
    instanceClass,
    ...(aurora ? auroraCapacity(scope) : instanceStorage(scope, instanceClass)),
    multiAz: options.multiAz ?? preset.multiAz,
    ...resolveProtection(scope, identifier),
    ...resolveMonitoring(scope, engine.rule, instanceClass),
    iamAuthentication: options.iamAuthentication ?? false,
    logExports,
    logGroupNames: logExports.map((log) => `/aws/rds/${aurora ? 'cluster' : 'instance'}/${identifier}/${log}`),
    parameters: [{ ...engine.rule.tlsParameter, applyMethod: 'pending-reboot' }],
    parameterGroupName: fitName([identifier, 'tls'], DATA_NAME_LIMITS.parameterGroupName),
    subnetGroupName: identifier,
    securityGroupName: fitName([identifier, 'db'], 255),
    clientsSecurityGroupName: fitName([identifier, 'clients'], 255),
    attachTo,
  };
}

/** The writer, and a reader in another zone when Multi-AZ. */
function auroraInstanceIdentifiers(identifier: string, multiAz: boolean): string[] {
  return Array.from({ length: multiAz ? 2 : 1 }, (_, i) => fitName([identifier, String(i + 1)], DATA_NAME_LIMITS.dbIdentifier));
}

function checkZones({ ctx, options, path }: DatabaseScope): void {
  const zones = ctx.env.availabilityZones ?? ctx.options.network?.availabilityZones ?? ['a', 'b'];
  ctx.problems.check(ctx.options.network?.existingVpc !== undefined || zones.length >= 2, path, options.name,
    'needs private subnets in at least two availability zones (a DB subnet group spans two); give the network two zones');
}

function resolveEngine({ ctx, options, path }: DatabaseScope) {
  const { problems } = ctx;
  const kind = options.kind ?? DatabaseKind.INSTANCE;
  const engine = options.engine ?? DatabaseEngine.POSTGRES;
  problems.checkEnum(`${path}.kind`, kind, DatabaseKind);
  problems.checkEnum(`${path}.engine`, engine, DatabaseEngine);
  const rule = databaseEngineRule(kind, engine) ?? databaseEngineRule(DatabaseKind.INSTANCE, DatabaseEngine.POSTGRES)!;
  const engineVersion = options.engineVersion ?? rule.defaultVersion;
  const family = parameterGroupFamily(rule, engineVersion);
  problems.check(family !== undefined, `${path}.engineVersion`, engineVersion, `is not a supported ${kind} ${engine} version; expected ${rule.expectedVersions}`);
  return { kind, rule, config: { kind, engine, rdsEngine: rule.rdsEngine, engineVersion, parameterGroupFamily: family ?? '' } };
}

function resolveCredentials({ ctx, options, path }: DatabaseScope) {
  const { problems } = ctx;
  const databaseName = options.databaseName ?? options.name.replace(/-/g, '_');
  problems.checkText(`${path}.databaseName`, databaseName, DATA_TEXT_RULES.databaseName);
  const masterUsername = options.masterUsername ?? 'dbadmin';
  problems.checkText(`${path}.masterUsername`, masterUsername, DATA_TEXT_RULES.masterUsername);
  problems.check(!RESERVED_MASTER_USERNAMES.includes(masterUsername.toLowerCase()), `${path}.masterUsername`, masterUsername,
    `is reserved by RDS; expected another name than ${RESERVED_MASTER_USERNAMES.join(', ')}`);
  return { databaseName, masterUsername };
}

function resolveProtection({ ctx, options, path, preset }: DatabaseScope, identifier: string) {
  const backupRetentionDays = options.backupRetentionDays ?? preset.backupRetentionDays;
  ctx.problems.checkRange(`${path}.backupRetentionDays`, backupRetentionDays, DATABASE_RULES.backupRetentionDays);
  const deletionProtection = options.deletionProtection ?? preset.deletionProtection;
  const finalSnapshot = deletionProtection || (options.finalSnapshot ?? preset.finalSnapshot);
  return {
    backupRetentionDays,
    deletionProtection,
    ...(finalSnapshot ? { finalSnapshotIdentifier: fitName([identifier, 'final'], DATA_NAME_LIMITS.dbIdentifier) } : {}),
  };
}

function resolveMonitoring({ ctx, options, path, preset }: DatabaseScope, rule: DatabaseEngineRule, instanceClass: string) {
  const { problems } = ctx;
  const monitoringIntervalSeconds = options.monitoringIntervalSeconds ?? preset.monitoringIntervalSeconds;
  problems.check(MONITORING_INTERVALS.includes(monitoringIntervalSeconds), `${path}.monitoringIntervalSeconds`, monitoringIntervalSeconds,
    `is not allowed; expected one of ${MONITORING_INTERVALS.join(', ')}`);
  const supported = supportsPerformanceInsights(rule.rdsEngine, instanceClass);
  problems.check(options.performanceInsights !== true || supported, `${path}.performanceInsights`, true,
    `is not supported by ${rule.rdsEngine} on ${instanceClass}; use a larger class or turn it off`);
  return {
    performanceInsights: (options.performanceInsights ?? true) && supported,
    monitoringIntervalSeconds,
    ...(monitoringIntervalSeconds > 0 ? { monitoringRoleName: fitName([ctx.project, ctx.env.name, options.name, 'monitoring'], 64) } : {}),
  };
}

function auroraCapacity({ ctx, options, path, preset }: DatabaseScope) {
  const { problems } = ctx;
  const minCapacity = options.minCapacity ?? 0.5;
  const maxCapacity = options.maxCapacity ?? Math.max(preset.maxCapacity, minCapacity);
  const isStep = (value: number) => Number.isFinite(value) && Number.isInteger(value / AURORA_CAPACITY_STEP);
  const expected = (min: number) => `is not allowed; expected ${min} to ${AURORA_CAPACITY.max} ACU in steps of ${AURORA_CAPACITY_STEP}`;
  const validMin = problems.check(isStep(minCapacity) && minCapacity >= AURORA_CAPACITY.min && minCapacity <= AURORA_CAPACITY.max,
    `${path}.minCapacity`, minCapacity, expected(AURORA_CAPACITY.min));
  const validMax = problems.check(isStep(maxCapacity) && maxCapacity >= 1 && maxCapacity <= AURORA_CAPACITY.max, `${path}.maxCapacity`, maxCapacity, expected(1));
  if (validMin && validMax) {
    problems.check(minCapacity <= maxCapacity, `${path}.minCapacity`, minCapacity, `is above maxCapacity (${maxCapacity}); expected at most ${maxCapacity}`);
  }
  problems.check(options.instanceClass === undefined, `${path}.instanceClass`, options.instanceClass,
    'is not used by Aurora Serverless v2 (db.serverless); set minCapacity and maxCapacity instead');
  problems.check(options.allocatedStorageGiB === undefined, `${path}.allocatedStorageGiB`, options.allocatedStorageGiB, 'is not used by Aurora, whose storage grows by itself');
  return { minCapacity, maxCapacity };
}

function instanceStorage({ ctx, options, path }: DatabaseScope, instanceClass: string) {
  const { problems } = ctx;
  problems.checkText(`${path}.instanceClass`, instanceClass, DATABASE_INSTANCE_CLASS);
  const allocatedStorageGiB = options.allocatedStorageGiB ?? DATABASE_RULES.allocatedStorageGiB.default;
  const validAllocated = problems.checkRange(`${path}.allocatedStorageGiB`, allocatedStorageGiB, DATABASE_RULES.allocatedStorageGiB);
  const maxAllocatedStorageGiB = options.maxAllocatedStorageGiB ?? Math.min(allocatedStorageGiB * 5, DATABASE_RULES.maxAllocatedStorageGiB.max);
  if (problems.checkRange(`${path}.maxAllocatedStorageGiB`, maxAllocatedStorageGiB, DATABASE_RULES.maxAllocatedStorageGiB) && validAllocated) {
    problems.check(maxAllocatedStorageGiB >= allocatedStorageGiB, `${path}.maxAllocatedStorageGiB`, maxAllocatedStorageGiB,
      `is below allocatedStorageGiB (${allocatedStorageGiB}); expected at least ${allocatedStorageGiB}`);
  }
  for (const key of ['minCapacity', 'maxCapacity'] as const) {
    problems.check(options[key] === undefined, `${path}.${key}`, options[key], 'is only used by Aurora Serverless v2 (kind "aurora-serverless")');
  }
  return { allocatedStorageGiB, maxAllocatedStorageGiB };
}

function resolveLogExports({ ctx, options, path }: DatabaseScope, rule: DatabaseEngineRule): string[] {
  const logExports = options.logExports ?? [...rule.defaultLogExports];
  logExports.forEach((log, i) => ctx.problems.check(rule.logExports.includes(log), `${path}.logExports[${i}]`, log,
    `is not a log ${rule.rdsEngine} exports; expected one of ${rule.logExports.join(', ')}`));
  return [...new Set(logExports.filter((log) => rule.logExports.includes(log)))];
}
