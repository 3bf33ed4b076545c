import { Construct } from 'constructs';
import { DataTable } from './data-table';
import { Database } from './database';
import { ServerlessCache } from './serverless-cache';
import type { DataConfig } from '../contract/data-config';
import { CACHE_PORT } from '../contract/data-rules';
import { DATA_OUTPUTS, NETWORK_OUTPUTS } from '../contract/stack-interface';
import { EnvironmentStack, EnvironmentStackProps } from '../core/environment-stack';
import { LogEncryptionKey } from '../core/log-encryption-key';
import { PrivateBucket } from '../core/private-bucket';
import { exportOutput } from '../core/stack-outputs';
import { UpstreamOutputs } from '../core/state';
import type { NetworkStack } from '../network/network-stack';

/** Properties of {@link DataStack}. */
export interface DataStackProps extends EnvironmentStackProps {
  /** The environment's network stack, whose VPC and private subnets the resources use. */
  readonly network: NetworkStack;
}

/**
 * The stateful resources of an environment: databases, caches, buckets and tables, and the KMS key
 * encrypting them. A stack of its own, applied after the network and cluster and before the
 * services, so that applying (or destroying) the services can never replace or delete them; the
 * service stack reads what its workloads need from this stack's outputs.
 */
export class DataStack extends EnvironmentStack {
  public readonly config: DataConfig;
  public readonly networkOutputs: UpstreamOutputs;
  /** Customer managed key of every resource of the stack. */
  public readonly key: LogEncryptionKey;
  public readonly databases: Record<string, Database>;
  public readonly caches: Record<string, ServerlessCache>;
  public readonly buckets: Record<string, PrivateBucket>;
  public readonly tables: Record<string, DataTable>;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const config = props.environment.data;
    if (config === undefined) {
      throw new Error(`Environment ${props.environment.name} has no data resources; it needs no data stack`);
    }
    this.config = config;
    this.addDependency(props.network);
    this.networkOutputs = new UpstreamOutputs(this, 'network', this.environment.state, props.network.node.id);
    const vpcId = this.networkOutputs.string(NETWORK_OUTPUTS.vpcId);
    const subnetIds = this.networkOutputs.list(NETWORK_OUTPUTS.privateSubnetIds);

    this.key = new LogEncryptionKey(this, 'key', {
      aws: this.aws,
      description: `Databases, caches, buckets and tables of ${this.namePrefix}`,
      logGroupArns: config.databases.flatMap((db) => db.logGroupNames.map((name) => this.aws.logGroupArn(name))),
      alias: config.kmsKeyAlias,
      deletionWindowDays: this.environment.kmsKeyDeletionWindowDays,
    });
    const kmsKeyArn = this.key.key.arn;
    this.databases = byName(config.databases, (db) => new Database(this, `database_${db.name}`, {
      aws: this.aws, config: db, vpcId, subnetIds, kmsKeyArn, logRetentionDays: config.logRetentionDays,
    }));
    this.caches = byName(config.caches, (cache) => new ServerlessCache(this, `cache_${cache.name}`, {
      config: cache, vpcId, subnetIds, kmsKeyArn, port: CACHE_PORT,
    }));
    this.buckets = byName(config.buckets, (bucket) => new PrivateBucket(this, `bucket_${bucket.name}`, {
      ...(bucket.adoptedName !== undefined ? { bucket: bucket.adoptedName, adopted: true } : { bucketPrefix: bucket.bucketPrefix }),
      kmsKeyArn,
      noncurrentVersionExpiryDays: bucket.noncurrentVersionExpiryDays,
      forceDestroy: bucket.forceDestroy,
    }));
    this.tables = byName(config.tables, (table) => new DataTable(this, `table_${table.name}`, { config: table, kmsKeyArn }));
    this.exportOutputs();
  }

  /** What the workloads read: one map per attribute, keyed by resource name. */
  private exportOutputs(): void {
    const map = <T>(record: Record<string, T>, value: (item: T) => string) =>
      Object.fromEntries(Object.entries(record).map(([name, item]) => [name, value(item)]));
    const iamDatabases = Object.fromEntries(Object.entries(this.databases).filter(([, db]) => db.config.iamAuthentication));
    const outputs: Array<[string, unknown, string]> = [
      [DATA_OUTPUTS.kmsKeyArn, this.key.key.arn, 'ARN of the KMS key of the data resources.'],
      [DATA_OUTPUTS.databaseAddresses, map(this.databases, (db) => db.address), 'Writer host name of each database.'],
      [DATA_OUTPUTS.databaseSecretArns, map(this.databases, (db) => db.secretArn), 'RDS-managed master secret of each database.'],
      [DATA_OUTPUTS.databaseConnectArns, map(iamDatabases, (db) => db.connectArn), 'rds-db:connect resource of each database with IAM authentication.'],
      [DATA_OUTPUTS.cacheAddresses, map(this.caches, (cache) => cache.cache.endpoint.get(0).address), 'Endpoint of each cache.'],
      [DATA_OUTPUTS.cacheArns, map(this.caches, (cache) => cache.cache.arn), 'ARN of each cache.'],
      [DATA_OUTPUTS.cacheUserArns, map(this.caches, (cache) => cache.user.arn), 'ARN of the application user of each cache.'],
      [DATA_OUTPUTS.clientSecurityGroupIds, {
        ...map(this.databases, (db) => db.endpoint.clientsGroup.id),
        ...map(this.caches, (cache) => cache.endpoint.clientsGroup.id),
      }, 'Security group the clients of each database and cache carry.'],
      [DATA_OUTPUTS.bucketNames, map(this.buckets, (bucket) => bucket.bucket.bucket), 'Name of each bucket.'],
      [DATA_OUTPUTS.bucketArns, map(this.buckets, (bucket) => bucket.bucket.arn), 'ARN of each bucket.'],
      [DATA_OUTPUTS.tableNames, map(this.tables, (table) => table.table.name), 'Name of each table.'],
      [DATA_OUTPUTS.tableArns, map(this.tables, (table) => table.table.arn), 'ARN of each table.'],
    ];
    for (const [name, value, description] of outputs) {
      exportOutput(this, name, value, description);
    }
  }
}

function byName<C extends { name: string }, T>(configs: C[], create: (config: C) => T): Record<string, T> {
  return Object.fromEntries(configs.map((config) => [config.name, create(config)]));
}
