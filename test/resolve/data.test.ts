import { DataAccess, DatabaseEngine, DatabaseKind, EnvironmentPreset, NatGateways } from '../../src/options';
import { configOf } from '../platform/support/configs';

const prod = { name: 'prod', preset: EnvironmentPreset.PRODUCTION };

describe('databases', () => {
  test('an RDS instance takes its protection, backups and monitoring from the production preset', () => {
    const [db] = configOf({ environments: [prod], services: [{ name: 'api' }], data: { databases: [{ name: 'main', engine: DatabaseEngine.MYSQL, attachTo: ['api'] }] } })
      .environments[0].data!.databases;
    expect(db).toEqual(expect.objectContaining({
      identifier: 'orders-prod-main',
      rdsEngine: 'mysql',
      engineVersion: '8.4',
      parameterGroupFamily: 'mysql8.4',
      port: 3306,
      instanceClass: 'db.m7g.large',
      multiAz: true,
      backupRetentionDays: 14,
      deletionProtection: true,
      finalSnapshotIdentifier: 'orders-prod-main-final',
      monitoringIntervalSeconds: 60,
      performanceInsights: true,
      parameters: [{ name: 'require_secure_transport', value: '1', applyMethod: 'pending-reboot' }],
    }));
  });

  test('development skips the final snapshot, the standby and enhanced monitoring', () => {
    const [db] = configOf({ services: [{ name: 'api' }], data: { databases: [{ name: 'main', attachTo: ['api'] }] } }).environments[0].data!.databases;
    expect(db.finalSnapshotIdentifier).toBeUndefined();
    expect([db.multiAz, db.deletionProtection, db.monitoringIntervalSeconds, db.monitoringRoleName]).toEqual([false, false, 0, undefined]);
    expect(db.parameters).toEqual([{ name: 'rds.force_ssl', value: '1', applyMethod: 'pending-reboot' }]);
  });

  test('Aurora Serverless v2 in production has a writer and a reader', () => {
    const [db] = configOf({ environments: [prod], services: [{ name: 'api' }], data: { databases: [{ name: 'main', kind: DatabaseKind.AURORA_SERVERLESS, attachTo: ['api'] }] } })
      .environments[0].data!.databases;
    expect(db).toEqual(expect.objectContaining({ instanceClass: 'db.serverless', minCapacity: 0.5, maxCapacity: 16, instanceIdentifiers: ['orders-prod-main-1', 'orders-prod-main-2'] }));
  });

  test('a long identifier is fitted to 63 characters with a hash', () => {
    const config = configOf({
      resourcePrefix: 'a-very-long-prefix-1',
      environments: [{ name: 'developmentx' }],
      services: [{ name: 'api' }],
      data: { databases: [{ name: 'an-unusually-long-database-nam', attachTo: ['api'] }] },
    });
    const [db] = config.environments[0].data!.databases;
    expect(db.identifier).toHaveLength(63);
    expect(db.identifier).toMatch(/^a-very-long-prefix-1-developmentx-an-unusually-long-data-[0-9a-f]{6}$/);
  });
});

describe('attachments', () => {
  const config = configOf({
    services: [{ name: 'api' }, { name: 'worker', containerPort: 9000 }],
    network: { natGateways: NatGateways.NONE },
    data: {
      databases: [{ name: 'main', attachTo: ['api'] }],
      buckets: [{ name: 'uploads', access: DataAccess.READ, attachTo: ['api', 'worker'] }],
      tables: [{ name: 'orders', partitionKey: { name: 'pk' }, attachTo: ['worker'] }],
    },
  });
  const environment = config.environments[0];

  test('a database gives its host, port, name and credentials, and its clients security group', () => {
    const api = environment.data!.attachments.api;
    expect(api.environment).toEqual(expect.objectContaining({
      MAIN_HOST: { output: 'database_addresses', key: 'main' }, MAIN_PORT: '5432', MAIN_NAME: 'main',
    }));
    expect(api.secrets.map((secret) => [secret.name, secret.jsonKey])).toEqual([['MAIN_USERNAME', 'username'], ['MAIN_PASSWORD', 'password']]);
    expect(api.secretsKmsKeyArn).toEqual({ output: 'data_kms_key_arn' });
    expect(api.clientSecurityGroups).toEqual([{ output: 'client_security_group_ids', key: 'main' }]);
  });

  test('read access to a bucket lists and gets objects only, decrypting through S3', () => {
    const statements = environment.data!.attachments.worker.taskStatements.filter((statement) => statement.sid.endsWith('Uploads'));
    expect(statements.map((statement) => [statement.sid, statement.actions])).toEqual([
      ['ListUploads', ['s3:ListBucket']], ['ReadUploads', ['s3:GetObject']], ['EncryptionUploads', ['kms:Decrypt']],
    ]);
    expect(statements[2].viaServices).toEqual(['s3']);
  });

  test('a table gives its literal name and its item actions on the table and its indexes', () => {
    const worker = environment.data!.attachments.worker;
    expect(worker.environment.ORDERS_TABLE).toBe('orders-dev-orders');
    const [statement] = worker.taskStatements.filter((candidate) => candidate.sid === 'ReadWriteOrders');
    expect(statement.resources).toEqual([{ output: 'table_arns', key: 'orders' }, { output: 'table_arns', key: 'orders', suffix: '/index/*' }]);
  });

  test('without NAT, the network gets the Secrets Manager interface and DynamoDB gateway endpoints', () => {
    expect(environment.network.vpcEndpoints.interfaceServices).toContain('secretsmanager');
    expect(environment.network.vpcEndpoints.dynamodbGateway).toBe(true);
  });

  test('an environment without data resources has no data configuration', () => {
    expect(configOf({ services: [{ name: 'api' }] }).environments[0].data).toBeUndefined();
  });
});
