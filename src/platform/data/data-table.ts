import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Construct } from 'constructs';
import type { TableConfig } from '../contract/data-config';

/** Properties of {@link DataTable}. */
export interface DataTableProps {
  readonly config: TableConfig;
  readonly kmsKeyArn: string;
}

/**
 * A DynamoDB table encrypted with the data key (a customer managed key), with point-in-time
 * recovery, on-demand capacity unless provisioned is asked for, and deletion protection as configured.
 * An adopted table is imported; its encryption, recovery and protection change in place.
 */
export class DataTable extends Construct {
  public readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const { config } = props;
    const keys = [config.partitionKey, ...(config.sortKey ? [config.sortKey] : [])];
    this.table = new DynamodbTable(this, 'table', {
      name: config.tableName,
      billingMode: config.billingMode,
      ...(config.billingMode === 'PROVISIONED' ? { readCapacity: config.readCapacity, writeCapacity: config.writeCapacity } : {}),
      hashKey: config.partitionKey.name,
      ...(config.sortKey ? { rangeKey: config.sortKey.name } : {}),
      attribute: keys.map((key) => ({ name: key.name, type: key.type })),
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      pointInTimeRecovery: { enabled: true },
      deletionProtectionEnabled: config.deletionProtection,
      ...(config.timeToLiveAttribute !== undefined ? { ttl: { enabled: true, attributeName: config.timeToLiveAttribute } } : {}),
    });
    if (config.adopted) {
      this.table.importFrom(config.tableName);
    }
  }
}
