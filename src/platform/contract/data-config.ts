/**
 * The stateful resources of an environment (databases, caches, buckets, tables), which live in the
 * `<env>-data` stack, and what each workload that uses them receives (its attachment record).
 */

/** Engine of a database. */
export type DatabaseEngine = 'mysql' | 'postgres';

/** `instance`: one RDS DB instance (Multi-AZ standby in production); `aurora-serverless`: an Aurora Serverless v2 cluster. */
export type DatabaseKind = 'instance' | 'aurora-serverless';

/** A DB parameter the parameter group sets, e.g. the one requiring TLS. */
export interface DatabaseParameterConfig {
  readonly name: string;
  readonly value: string;
  readonly applyMethod: 'immediate' | 'pending-reboot';
}

/** One relational database: an RDS instance or an Aurora Serverless v2 cluster. */
export interface DatabaseConfig {
  /** Name of the resource in the options, unique among the environment's data resources. */
  readonly name: string;
  readonly kind: DatabaseKind;
  readonly engine: DatabaseEngine;
  /** The RDS engine: `mysql`, `postgres`, `aurora-mysql` or `aurora-postgresql`. */
  readonly rdsEngine: string;
  /** Engine version (a major version prefix for instances, which then take the latest minor). */
  readonly engineVersion: string;
  /** Family of the parameter group, e.g. `mysql8.4`. */
  readonly parameterGroupFamily: string;
  /** DB instance identifier, or cluster identifier for Aurora (lowercase, at most 63 characters). */
  readonly identifier: string;
  /** Identifiers of the instances of an Aurora cluster (writer first); empty for an RDS instance. */
  readonly instanceIdentifiers: string[];
  /** Initial database created in the instance or cluster. */
  readonly databaseName: string;
  readonly masterUsername: string;
  readonly port: number;
  /** Instance class; `db.serverless` for Aurora Serverless v2. */
  readonly instanceClass: string;
  /** Storage of an instance, GiB, and the ceiling storage autoscaling may grow it to. */
  readonly allocatedStorageGiB?: number;
  readonly maxAllocatedStorageGiB?: number;
  /** Aurora Serverless v2 capacity, ACU. */
  readonly minCapacity?: number;
  readonly maxCapacity?: number;
  /** Standby in a second zone (instance) or a reader in a second zone (Aurora). */
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  /** Identifier of the final snapshot taken on deletion; none (skipped) when unset. */
  readonly finalSnapshotIdentifier?: string;
  readonly performanceInsights: boolean;
  /** Enhanced monitoring interval, seconds; 0 is off. */
  readonly monitoringIntervalSeconds: number;
  /** Name of the enhanced monitoring role (when the interval is not 0). */
  readonly monitoringRoleName?: string;
  readonly iamAuthentication: boolean;
  /** Logs exported to CloudWatch Logs (log groups created beforehand, encrypted and with retention). */
  readonly logExports: string[];
  /** Log groups of those exports, `/aws/rds/<instance|cluster>/<identifier>/<log>`. */
  readonly logGroupNames: string[];
  readonly parameters: DatabaseParameterConfig[];
  readonly parameterGroupName: string;
  readonly subnetGroupName: string;
  readonly securityGroupName: string;
  /** Security group the attached workloads' tasks carry; the database admits it on its port. */
  readonly clientsSecurityGroupName: string;
  readonly attachTo: string[];
}

/** Engine of an ElastiCache Serverless cache. */
export type CacheEngine = 'valkey' | 'redis';

/** One ElastiCache Serverless cache with IAM-authenticated users. */
export interface CacheConfig {
  readonly name: string;
  readonly engine: CacheEngine;
  readonly majorEngineVersion: string;
  /** Name of the ElastiCache Serverless cache. */
  readonly cacheName: string;
  /** The user group (IAM-authenticated application user plus a disabled default user). */
  readonly userGroupId: string;
  /** The application's user: IAM authentication, no password anywhere. */
  readonly userId: string;
  /** The disabled `default` user every user group must contain. */
  readonly defaultUserId: string;
  readonly maxDataStorageGiB?: number;
  readonly maxEcpuPerSecond?: number;
  readonly snapshotRetentionDays: number;
  readonly securityGroupName: string;
  readonly clientsSecurityGroupName: string;
  readonly attachTo: string[];
}

/** What the attached workloads may do with a bucket or table. */
export type DataAccess = 'read' | 'read-write';

/** One private S3 bucket. */
export interface BucketConfig {
  readonly name: string;
  /** Prefix of the bucket's name; Terraform appends a unique suffix (S3 names are global). */
  readonly bucketPrefix: string;
  /** Name of the existing bucket this one adopts (a Terraform `import` block); unset: the bucket is created. */
  readonly adoptedName?: string;
  readonly noncurrentVersionExpiryDays: number;
  /** Destroying the data stack deletes the bucket with its objects (development). */
  readonly forceDestroy: boolean;
  readonly access: DataAccess;
  readonly attachTo: string[];
}

/** Type of a DynamoDB key attribute: string, number or binary. */
export type TableAttributeType = 'S' | 'N' | 'B';

/** A key attribute of a table. */
export interface TableKeyConfig {
  readonly name: string;
  readonly type: TableAttributeType;
}

/** One DynamoDB table. */
export interface TableConfig {
  readonly name: string;
  readonly tableName: string;
  /** Whether `tableName` is an existing table this one adopts (a Terraform `import` block). */
  readonly adopted: boolean;
  readonly partitionKey: TableKeyConfig;
  readonly sortKey?: TableKeyConfig;
  readonly billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
  readonly timeToLiveAttribute?: string;
  readonly deletionProtection: boolean;
  readonly access: DataAccess;
  readonly attachTo: string[];
}

/** An output of the data stack (one entry of a map output keyed by resource name), with text after it. */
export interface DataOutputReference {
  /** Output name, one of `DATA_OUTPUTS`. */
  readonly output: string;
  /** Resource name (the map key); unset for a string output. */
  readonly key?: string;
  /** Appended to the value, e.g. `/*` for the objects of a bucket. */
  readonly suffix?: string;
}

/** A literal value, or a value known once the data stack is applied. */
export type AttachmentValue = string | DataOutputReference;

/** A secret injected into the workload's application container. */
export interface AttachedSecret {
  /** Environment variable name. */
  readonly name: string;
  /** ARN of the Secrets Manager secret. */
  readonly secretArn: DataOutputReference;
  /** JSON key in the secret (`username`, `password`). */
  readonly jsonKey: string;
}

/** A statement of the workload's task role. */
export interface AttachedStatement {
  readonly sid: string;
  readonly actions: string[];
  readonly resources: AttachmentValue[];
  /** `kms:ViaService` service names (without region) the statement is limited to, e.g. `s3`. */
  readonly viaServices?: string[];
}

/**
 * Everything a workload (a service, and later a worker or job) receives from the data resources
 * attached to it: the workload's constructs read this record and nothing else.
 */
export interface WorkloadAttachmentConfig {
  /** Environment variables of the application container. */
  readonly environment: Record<string, AttachmentValue>;
  readonly secrets: AttachedSecret[];
  /** KMS key the execution role may decrypt the secrets with (through Secrets Manager only). */
  readonly secretsKmsKeyArn?: DataOutputReference;
  readonly taskStatements: AttachedStatement[];
  /** Security groups the workload's tasks carry, admitted by the databases and caches. */
  readonly clientSecurityGroups: DataOutputReference[];
  /** Names of the attached resources, for documentation. */
  readonly resources: string[];
}

/** The data resources of an environment and the attachment record of each workload using them. */
export interface DataConfig {
  /** Alias of the data stack's KMS key, without `alias/`. */
  readonly kmsKeyAlias: string;
  /** Retention of the database log groups, days. */
  readonly logRetentionDays: number;
  readonly databases: DatabaseConfig[];
  readonly caches: CacheConfig[];
  readonly buckets: BucketConfig[];
  readonly tables: TableConfig[];
  /** By workload name. */
  readonly attachments: Record<string, WorkloadAttachmentConfig>;
}

/** Whether the environment's data stack holds anything that must not be lost. */
export function protectedDataResources(data: DataConfig | undefined): string[] {
  if (data === undefined) {
    return [];
  }
  return [
    ...data.databases.filter((db) => db.deletionProtection).map((db) => db.name),
    ...data.tables.filter((table) => table.deletionProtection).map((table) => table.name),
    ...data.buckets.filter((bucket) => !bucket.forceDestroy).map((bucket) => bucket.name),
  ];
}
