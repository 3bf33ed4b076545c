import type { IntegerRule, TextRule } from './rules';

/**
 * The limits of the data resources, stated once: resolve checks the options against them and words
 * its errors from them.
 */

/** What one engine on one kind of database accepts. */
export interface DatabaseEngineRule {
  /** The RDS engine name. */
  readonly rdsEngine: string;
  /** Versions accepted, with the parameter group family of each major version. */
  readonly versions: ReadonlyArray<{ readonly pattern: string; readonly family: string }>;
  /** Version used when none is given. */
  readonly defaultVersion: string;
  /** What the error message says is allowed. */
  readonly expectedVersions: string;
  readonly port: number;
  /** Log exports the engine offers, and those on by default. */
  readonly logExports: readonly string[];
  readonly defaultLogExports: readonly string[];
  /** The parameter that makes the server refuse connections without TLS. */
  readonly tlsParameter: { readonly name: string; readonly value: string };
}

const MYSQL_TLS = { name: 'require_secure_transport', value: '1' };
const POSTGRES_TLS = { name: 'rds.force_ssl', value: '1' };
const POSTGRES_MAJORS = ['13', '14', '15', '16', '17'];

/** Supported engine versions, by `<kind>/<engine>`. */
export const DATABASE_ENGINE_RULES: Record<string, DatabaseEngineRule> = {
  'instance/mysql': {
    rdsEngine: 'mysql',
    versions: [{ pattern: '^8\\.0(\\.\\d+)?$', family: 'mysql8.0' }, { pattern: '^8\\.4(\\.\\d+)?$', family: 'mysql8.4' }],
    defaultVersion: '8.4',
    expectedVersions: 'MySQL 8.0 or 8.4, as "8.4" (latest minor) or "8.4.6"',
    port: 3306,
    logExports: ['audit', 'error', 'general', 'iam-db-auth-error', 'slowquery'],
    defaultLogExports: ['error', 'slowquery'],
    tlsParameter: MYSQL_TLS,
  },
  'instance/postgres': {
    rdsEngine: 'postgres',
    versions: POSTGRES_MAJORS.map((major) => ({ pattern: `^${major}(\\.\\d+)?$`, family: `postgres${major}` })),
    defaultVersion: '17',
    expectedVersions: 'PostgreSQL 13 to 17, as "17" (latest minor) or "17.5"',
    port: 5432,
    logExports: ['iam-db-auth-error', 'postgresql', 'upgrade'],
    defaultLogExports: ['postgresql', 'upgrade'],
    tlsParameter: POSTGRES_TLS,
  },
  'aurora-serverless/mysql': {
    rdsEngine: 'aurora-mysql',
    versions: [{ pattern: '^8\\.0\\.mysql_aurora\\.3\\.(0[2-9]|1\\d)\\.\\d+$', family: 'aurora-mysql8.0' }],
    defaultVersion: '8.0.mysql_aurora.3.08.2',
    expectedVersions: 'Aurora MySQL 3.02.0 or later, e.g. "8.0.mysql_aurora.3.08.2"',
    port: 3306,
    logExports: ['audit', 'error', 'general', 'iam-db-auth-error', 'slowquery'],
    defaultLogExports: ['error', 'slowquery'],
    tlsParameter: MYSQL_TLS,
  },
  'aurora-serverless/postgres': {
    rdsEngine: 'aurora-postgresql',
    versions: POSTGRES_MAJORS.map((major) => ({ pattern: `^${major}\\.\\d+$`, family: `aurora-postgresql${major}` })),
    defaultVersion: '16.6',
    expectedVersions: 'Aurora PostgreSQL 13 to 17 with its minor version, e.g. "16.6"',
    port: 5432,
    logExports: ['iam-db-auth-error', 'postgresql'],
    defaultLogExports: ['postgresql'],
    tlsParameter: POSTGRES_TLS,
  },
};

/** The rule of an engine on a kind of database. */
export function databaseEngineRule(kind: string, engine: string): DatabaseEngineRule | undefined {
  return DATABASE_ENGINE_RULES[`${kind}/${engine}`];
}

/** The parameter group family of a version, when the version is supported. */
export function parameterGroupFamily(rule: DatabaseEngineRule, version: string): string | undefined {
  return rule.versions.find((candidate) => new RegExp(candidate.pattern).test(version))?.family;
}

/** RDS instance classes of the current generations (burstable, general purpose, memory optimized). */
export const DATABASE_INSTANCE_CLASS: TextRule = {
  pattern: '^db\\.(t3|t4g|m5|m6g|m6gd|m6i|m7g|m7i|r5|r6g|r6gd|r6i|r7g|r7i)\\.(micro|small|medium|large|xlarge|[1-9][0-9]?xlarge)$',
  what: 'a supported DB instance class',
  expected: 'a class of the t3, t4g, m5, m6g, m6i, m7g, m7i, r5, r6g, r6i, r7g or r7i families, e.g. "db.t4g.micro" or "db.m7g.large"',
};

/**
 * Instance classes without Performance Insights on MySQL (RDS documentation, "Performance Insights
 * support for DB engines, Regions and instance classes"); PostgreSQL supports it on every class.
 */
export const MYSQL_CLASSES_WITHOUT_PERFORMANCE_INSIGHTS: readonly string[] = [
  'db.t2.micro', 'db.t2.small', 'db.t3.micro', 'db.t3.small', 'db.t4g.micro', 'db.t4g.small',
];

/** Whether an engine on an instance class supports Performance Insights. */
export function supportsPerformanceInsights(engine: string, instanceClass: string): boolean {
  return engine !== 'mysql' || !MYSQL_CLASSES_WITHOUT_PERFORMANCE_INSIGHTS.includes(instanceClass);
}

/** Aurora Serverless v2 capacity, ACU, in steps of {@link AURORA_CAPACITY_STEP}. */
export const AURORA_CAPACITY = { min: 0, max: 256 } as const;
/** Aurora Serverless v2 capacity moves in half ACUs. */
export const AURORA_CAPACITY_STEP = 0.5;

/** Enhanced monitoring intervals RDS accepts, seconds (0 is off). */
export const MONITORING_INTERVALS: readonly number[] = [0, 1, 5, 10, 15, 30, 60];

/** Ranges of the database options. */
export const DATABASE_RULES = {
  allocatedStorageGiB: { min: 20, max: 65536, default: 20 },
  maxAllocatedStorageGiB: { min: 20, max: 65536 },
  backupRetentionDays: { min: 1, max: 35 },
} as const satisfies Record<string, IntegerRule>;

/** Ranges of the cache options. */
export const CACHE_RULES = {
  maxDataStorageGiB: { min: 1, max: 5000 },
  maxEcpuPerSecond: { min: 1000, max: 15000000 },
  snapshotRetentionDays: { min: 0, max: 35 },
} as const satisfies Record<string, IntegerRule>;

/** Port of ElastiCache Serverless caches; the reader endpoint listens on the next one. */
export const CACHE_PORT = 6379;

/** Major versions of ElastiCache Serverless, by engine. */
export const CACHE_ENGINE_VERSIONS: Record<string, readonly string[]> = { valkey: ['7', '8'], redis: ['7'] };

/** Ranges of the bucket and table options. */
export const STORAGE_RULES = {
  noncurrentVersionExpiryDays: { min: 1, max: 3650, default: 90 },
  tableCapacityUnits: { min: 1, max: 40000 },
} as const satisfies Record<string, IntegerRule>;

/** Physical name limits. */
export const DATA_NAME_LIMITS = {
  dbIdentifier: 63,
  /** Prefix of a bucket name: Terraform appends 26 characters and S3 allows 63. */
  bucketPrefix: 37,
  cacheName: 40,
  cacheUserId: 40,
  tableName: 255,
  parameterGroupName: 255,
} as const;

/** Patterns of the data options. */
export const DATA_TEXT_RULES = {
  resourceName: {
    pattern: '^[a-z]([a-z0-9]|-[a-z0-9]){0,29}$',
    what: 'a data resource name',
    expected: '1 to 30 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen',
  },
  databaseName: {
    pattern: '^[A-Za-z][A-Za-z0-9_]{0,62}$',
    what: 'a database name',
    expected: 'a letter then letters, digits or underscores, at most 63 characters',
  },
  masterUsername: {
    pattern: '^[A-Za-z][A-Za-z0-9_]{0,15}$',
    what: 'a master user name',
    expected: 'a letter then letters, digits or underscores, at most 16 characters',
  },
  attributeName: {
    pattern: '^[A-Za-z0-9_.-]{1,255}$',
    what: 'a DynamoDB attribute name',
    expected: '1 to 255 letters, digits, underscores, periods or hyphens',
  },
} as const satisfies Record<string, TextRule>;

/** Master user names the engines reserve. */
export const RESERVED_MASTER_USERNAMES: readonly string[] = ['rdsadmin', 'rdsrepladmin', 'rdstopmgr', 'rds_superuser', 'rdsproxyadmin'];
