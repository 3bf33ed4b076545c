import { variablePrefix } from './common';
import type {
  AttachedSecret, AttachedStatement, AttachmentValue, BucketConfig, CacheConfig, DatabaseConfig, DataOutputReference, TableConfig,
  WorkloadAttachmentConfig,
} from '../../platform/contract/data-config';
import { CACHE_PORT } from '../../platform/contract/data-rules';
import { DATA_OUTPUTS } from '../../platform/contract/stack-interface';

/** What one resource gives each workload attached to it. */
interface Grant {
  readonly resource: string;
  readonly environment: Record<string, AttachmentValue>;
  readonly secrets?: AttachedSecret[];
  readonly taskStatements?: AttachedStatement[];
  readonly clientSecurityGroup?: DataOutputReference;
  readonly usesDataKeyForSecrets?: boolean;
}

const ref = (output: string, key?: string, suffix?: string): DataOutputReference =>
  ({ output, ...(key !== undefined ? { key } : {}), ...(suffix !== undefined ? { suffix } : {}) });

function databaseGrant(db: DatabaseConfig): Grant {
  const prefix = variablePrefix(db.name);
  const secretArn = ref(DATA_OUTPUTS.databaseSecretArns, db.name);
  return {
    resource: db.name,
    environment: {
      [`${prefix}_HOST`]: ref(DATA_OUTPUTS.databaseAddresses, db.name),
      [`${prefix}_PORT`]: String(db.port),
      [`${prefix}_NAME`]: db.databaseName,
      [`${prefix}_SECRET_ARN`]: secretArn,
    },
    secrets: [
      { name: `${prefix}_USERNAME`, secretArn, jsonKey: 'username' },
      { name: `${prefix}_PASSWORD`, secretArn, jsonKey: 'password' },
    ],
    taskStatements: db.iamAuthentication
      ? [{ sid: statementId('Connect', db.name), actions: ['rds-db:connect'], resources: [ref(DATA_OUTPUTS.databaseConnectArns, db.name)] }]
      : [],
    clientSecurityGroup: ref(DATA_OUTPUTS.clientSecurityGroupIds, db.name),
    usesDataKeyForSecrets: true,
  };
}

function cacheGrant(cache: CacheConfig): Grant {
  const prefix = variablePrefix(cache.name);
  return {
    resource: cache.name,
    environment: {
      [`${prefix}_HOST`]: ref(DATA_OUTPUTS.cacheAddresses, cache.name),
      [`${prefix}_PORT`]: String(CACHE_PORT),
      [`${prefix}_USER`]: cache.userId,
      [`${prefix}_TLS`]: 'true',
    },
    taskStatements: [{
      sid: statementId('Connect', cache.name),
      actions: ['elasticache:Connect'],
      resources: [ref(DATA_OUTPUTS.cacheArns, cache.name), ref(DATA_OUTPUTS.cacheUserArns, cache.name)],
    }],
    clientSecurityGroup: ref(DATA_OUTPUTS.clientSecurityGroupIds, cache.name),
  };
}

function bucketGrant(bucket: BucketConfig): Grant {
  const write = bucket.access === 'read-write';
  const arn = ref(DATA_OUTPUTS.bucketArns, bucket.name);
  return {
    resource: bucket.name,
    environment: { [`${variablePrefix(bucket.name)}_BUCKET`]: ref(DATA_OUTPUTS.bucketNames, bucket.name) },
    taskStatements: [
      { sid: statementId('List', bucket.name), actions: ['s3:ListBucket'], resources: [arn] },
      {
        sid: statementId(write ? 'ReadWrite' : 'Read', bucket.name),
        actions: ['s3:GetObject', ...(write ? ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'] : [])],
        resources: [ref(DATA_OUTPUTS.bucketArns, bucket.name, '/*')],
      },
      {
        sid: statementId('Encryption', bucket.name),
        actions: ['kms:Decrypt', ...(write ? ['kms:GenerateDataKey'] : [])],
        resources: [ref(DATA_OUTPUTS.kmsKeyArn)],
        viaServices: ['s3'],
      },
    ],
  };
}

const TABLE_READS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

function tableGrant(table: TableConfig): Grant {
  return {
    resource: table.name,
    environment: { [`${variablePrefix(table.name)}_TABLE`]: table.tableName },
    taskStatements: [{
      sid: statementId(table.access === 'read-write' ? 'ReadWrite' : 'Read', table.name),
      actions: [...TABLE_READS, ...(table.access === 'read-write' ? TABLE_WRITES : [])],
      resources: [ref(DATA_OUTPUTS.tableArns, table.name), ref(DATA_OUTPUTS.tableArns, table.name, '/index/*')],
    }],
  };
}

/** An IAM statement id: letters and digits only. */
function statementId(action: string, resource: string): string {
  const words = resource.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${action}${words.join('')}`;
}

/** The resources of an environment's data stack, for {@link attachmentsOf}. */
export interface DataResources {
  readonly databases: DatabaseConfig[];
  readonly caches: CacheConfig[];
  readonly buckets: BucketConfig[];
  readonly tables: TableConfig[];
}

/** The attachment record of every workload some resource is attached to, by workload name. */
export function attachmentsOf(resources: DataResources): Record<string, WorkloadAttachmentConfig> {
  const grants: Array<[string[], Grant]> = [
    ...resources.databases.map((db): [string[], Grant] => [db.attachTo, databaseGrant(db)]),
    ...resources.caches.map((cache): [string[], Grant] => [cache.attachTo, cacheGrant(cache)]),
    ...resources.buckets.map((bucket): [string[], Grant] => [bucket.attachTo, bucketGrant(bucket)]),
    ...resources.tables.map((table): [string[], Grant] => [table.attachTo, tableGrant(table)]),
  ];
  const workloads = [...new Set(grants.flatMap(([attachTo]) => attachTo))].sort();
  const grantsOf = (workload: string) => grants.filter(([attachTo]) => attachTo.includes(workload)).map(([, grant]) => grant);
  return Object.fromEntries(workloads.map((workload) => [workload, merge(grantsOf(workload))]));
}

function merge(grants: Grant[]): WorkloadAttachmentConfig {
  const secretsKey = grants.some((grant) => grant.usesDataKeyForSecrets);
  return {
    environment: Object.assign({}, ...grants.map((grant) => grant.environment)),
    secrets: grants.flatMap((grant) => grant.secrets ?? []),
    ...(secretsKey ? { secretsKmsKeyArn: ref(DATA_OUTPUTS.kmsKeyArn) } : {}),
    taskStatements: grants.flatMap((grant) => grant.taskStatements ?? []),
    clientSecurityGroups: grants.flatMap((grant) => (grant.clientSecurityGroup ? [grant.clientSecurityGroup] : [])),
    resources: grants.map((grant) => grant.resource),
  };
}
