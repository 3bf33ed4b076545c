import { CacheEngine, DataAccess, DatabaseEngine, DatabaseKind, EnvironmentPreset } from '../../../src/options';
import { configOf } from '../support/configs';
import { FEATURE_CONFIGS, SEEDS } from '../support/seeds';
import { bodiesOf, onlyResource, parseJson, synthEnvironment } from '../support/synth';

const seed002 = synthEnvironment(SEEDS.seed002Ec2);
const features = synthEnvironment(FEATURE_CONFIGS.dataResources);
const seedData = seed002.data!;
const featureData = features.data!;

describe('the data stack', () => {
  test('exists only where there are data resources, and deploys between the cluster and the services', () => {
    expect(synthEnvironment(configOf({ services: [{ name: 'api' }] })).data).toBeUndefined();
    const dependencies = (stack: { dependencies: Array<{ node: { id: string } }> }) =>
      stack.dependencies.map((dependency) => dependency.node.id).sort();
    expect(dependencies(seed002.stacks.data!)).toEqual(['dev-cluster', 'dev-network']);
    expect(dependencies(seed002.stacks.service)).toContain('dev-data');
  });

  test('one customer managed key with rotation encrypts every resource', () => {
    const key = onlyResource(seedData, 'aws_kms_key');
    expect(key.enable_key_rotation).toBe(true);
    const keyArn = `\${aws_kms_key.${Object.keys(seedData.resource!.aws_kms_key)[0]}.arn}`;
    const instance = onlyResource(seedData, 'aws_db_instance');
    expect([instance.kms_key_id, instance.master_user_secret_kms_key_id]).toEqual([keyArn, keyArn]);
    expect(bodiesOf(seedData, 'aws_cloudwatch_log_group').map((group) => group.kms_key_id)).toEqual([keyArn, keyArn]);
  });
});

describe('an RDS instance (seed 002 MySQL)', () => {
  const instance = onlyResource(seedData, 'aws_db_instance');

  test('is private, encrypted, with its password managed by RDS and never in state', () => {
    expect(instance).toEqual(expect.objectContaining({
      engine: 'mysql',
      engine_version: '8.4',
      publicly_accessible: false,
      storage_encrypted: true,
      manage_master_user_password: true,
      storage_type: 'gp3',
      allocated_storage: 20,
      max_allocated_storage: 100,
      auto_minor_version_upgrade: true,
      copy_tags_to_snapshot: true,
      ca_cert_identifier: 'rds-ca-rsa2048-g1',
      enabled_cloudwatch_logs_exports: ['error', 'slowquery'],
    }));
    expect(instance.password).toBeUndefined();
  });

  test('requires TLS through its parameter group', () => {
    const group = onlyResource(seedData, 'aws_db_parameter_group');
    expect(group.family).toBe('mysql8.4');
    expect(group.parameter).toEqual([{ name: 'require_secure_transport', value: '1', apply_method: 'pending-reboot' }]);
  });

  test('takes development defaults: no standby, one day of backups, no protection, no final snapshot', () => {
    expect(instance).toEqual(expect.objectContaining({
      multi_az: false, backup_retention_period: 1, deletion_protection: false, skip_final_snapshot: true,
    }));
  });

  test('sits in a subnet group of the private subnets and admits only its clients on 3306', () => {
    expect(onlyResource(seedData, 'aws_db_subnet_group').subnet_ids).toBe('${data.terraform_remote_state.network.outputs.private_subnet_ids}');
    const [ingress] = bodiesOf(seedData, 'aws_vpc_security_group_ingress_rule');
    const [egress] = bodiesOf(seedData, 'aws_vpc_security_group_egress_rule');
    expect([ingress.from_port, ingress.to_port, egress.from_port]).toEqual([3306, 3306, 3306]);
    expect(ingress.referenced_security_group_id).toMatch(/aws_security_group\..*clients.*\.id/);
    expect(egress.referenced_security_group_id).toMatch(/aws_security_group\..*server.*\.id/);
  });

  test('exports its logs into encrypted log groups created beforehand', () => {
    const groups = bodiesOf(seedData, 'aws_cloudwatch_log_group').map((group) => group.name).sort();
    expect(groups).toEqual(['/aws/rds/instance/shop-dev-shop/error', '/aws/rds/instance/shop-dev-shop/slowquery']);
    expect(instance.depends_on).toHaveLength(2);
  });
});

describe('the backend attached to the seed 002 database', () => {
  const taskDefinition = bodiesOf(seed002.service, 'aws_ecs_task_definition').find((task) => task.family === 'shop-dev-backend')!;
  const backend = parseJson(taskDefinition.container_definitions).find((container: { name: string }) => container.name === 'backend');

  test('receives the host, port and database name, and the credentials as secrets', () => {
    expect(backend.environment).toEqual(expect.arrayContaining([
      { name: 'SHOP_HOST', value: '${data.terraform_remote_state.data.outputs.database_addresses.shop}' },
      { name: 'SHOP_PORT', value: '3306' },
      { name: 'SHOP_NAME', value: 'shop' },
    ]));
    expect(backend.secrets).toEqual([
      { name: 'SHOP_USERNAME', valueFrom: '${data.terraform_remote_state.data.outputs.database_secret_arns.shop}:username::' },
      { name: 'SHOP_PASSWORD', valueFrom: '${data.terraform_remote_state.data.outputs.database_secret_arns.shop}:password::' },
    ]);
  });

  test('carries the clients security group; the frontend does not', () => {
    const groups = (name: string) => bodiesOf(seed002.service, 'aws_ecs_service').find((service) => service.name === name)!.network_configuration.security_groups;
    expect(groups('backend')).toContain('${data.terraform_remote_state.data.outputs.client_security_group_ids.shop}');
    expect(groups('frontend')).not.toContain('${data.terraform_remote_state.data.outputs.client_security_group_ids.shop}');
  });

  test('lets its execution role read exactly the master secret and decrypt it through Secrets Manager', () => {
    const policy = bodiesOf(seed002.service, 'aws_iam_role_policy').map((body) => parseJson(body.policy))
      .find((document) => document.Statement.some((statement: { Sid: string; Resource: unknown }) =>
        statement.Sid === 'ReadSecrets' && JSON.stringify(statement.Resource).includes('database_secret_arns.shop')))!;
    const decrypt = policy.Statement.find((statement: { Sid: string }) => statement.Sid === 'DecryptSecrets');
    expect(decrypt.Resource).toContain('${data.terraform_remote_state.data.outputs.data_kms_key_arn}');
    expect(decrypt.Condition.StringEquals['kms:ViaService']).toEqual(['secretsmanager.us-east-1.amazonaws.com']);
  });
});

describe('Aurora Serverless v2, cache, bucket and table (production)', () => {
  test('an Aurora cluster with its capacity range, a writer and a reader, TLS in the cluster parameter group', () => {
    const cluster = onlyResource(featureData, 'aws_rds_cluster');
    expect(cluster).toEqual(expect.objectContaining({
      engine: 'aurora-postgresql',
      engine_mode: 'provisioned',
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: 'orders-prod-main-final',
      backup_retention_period: 14,
      iam_database_authentication_enabled: true,
      serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 16 },
    }));
    const instances = bodiesOf(featureData, 'aws_rds_cluster_instance');
    expect(instances.map((instance) => [instance.instance_class, instance.publicly_accessible, instance.monitoring_interval])).toEqual([
      ['db.serverless', false, 60], ['db.serverless', false, 60],
    ]);
    expect(onlyResource(featureData, 'aws_rds_cluster_parameter_group').parameter).toEqual([{ name: 'rds.force_ssl', value: '1', apply_method: 'pending-reboot' }]);
    expect(onlyResource(featureData, 'aws_iam_role_policy_attachment').policy_arn).toBe('arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole');
  });

  test('a serverless cache with the data key, IAM users and the default user switched off', () => {
    const cache = onlyResource(featureData, 'aws_elasticache_serverless_cache');
    expect(cache).toEqual(expect.objectContaining({ engine: 'valkey', major_engine_version: '8', snapshot_retention_limit: 7 }));
    expect(cache.cache_usage_limits).toEqual([{ data_storage: [{ maximum: 5, unit: 'GB' }] }]);
    const users = bodiesOf(featureData, 'aws_elasticache_user').map((user) => [user.user_name, user.access_string, user.authentication_mode.type]);
    expect(users.sort()).toEqual([['default', 'off ~* -@all', 'no-password-required'], ['orders-prod-sessions-app', 'on ~* +@all -@dangerous', 'iam']]);
  });

  test('a bucket that is kept in production, versioned, KMS-encrypted and TLS only', () => {
    expect(onlyResource(featureData, 'aws_s3_bucket')).toEqual(expect.objectContaining({ bucket_prefix: 'orders-prod-uploads-' }));
    expect(onlyResource(featureData, 'aws_s3_bucket').force_destroy).toBeUndefined();
    expect(onlyResource(featureData, 'aws_s3_bucket_server_side_encryption_configuration').rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe('aws:kms');
    expect(parseJson(onlyResource(featureData, 'aws_s3_bucket_policy').policy).Statement[0].Sid).toBe('DenyInsecureTransport');
  });

  test('a table with point-in-time recovery, the data key, typed keys and deletion protection', () => {
    expect(onlyResource(featureData, 'aws_dynamodb_table')).toEqual(expect.objectContaining({
      name: 'orders-prod-orders',
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: 'pk',
      range_key: 'createdAt',
      attribute: [{ name: 'pk', type: 'S' }, { name: 'createdAt', type: 'N' }],
      point_in_time_recovery: { enabled: true },
      deletion_protection_enabled: true,
      ttl: { enabled: true, attribute_name: 'expiresAt' },
    }));
  });

  test('the task role of a service gets exact data actions, read-only on a read-only bucket', () => {
    const reports = bodiesOf(features.service, 'aws_iam_role_policy').find((body) => body.name === 'data-access' && body.role.includes('reports'))!;
    const sids = parseJson(reports.policy).Statement.map((statement: { Sid: string; Action: string[] }) => [statement.Sid, statement.Action]);
    expect(sids).toEqual([
      ['ConnectMain', ['rds-db:connect']], ['ListUploads', ['s3:ListBucket']], ['ReadUploads', ['s3:GetObject']], ['EncryptionUploads', ['kms:Decrypt']],
    ]);
  });
});

test('a data resource option changes the synthesized resource (performance insights off, read access)', () => {
  const config = configOf({
    environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
    services: [{ name: 'api' }],
    data: {
      databases: [{ name: 'main', engine: DatabaseEngine.POSTGRES, kind: DatabaseKind.INSTANCE, performanceInsights: false, monitoringIntervalSeconds: 0, attachTo: ['api'] }],
      caches: [{ name: 'jobs', engine: CacheEngine.REDIS, attachTo: ['api'] }],
      tables: [{ name: 'events', partitionKey: { name: 'id' }, access: DataAccess.READ, deletionProtection: false, attachTo: ['api'] }],
    },
  });
  const { data } = synthEnvironment(config);
  const instance = onlyResource(data!, 'aws_db_instance');
  expect([instance.performance_insights_enabled, instance.monitoring_interval, instance.monitoring_role_arn]).toEqual([false, 0, undefined]);
  expect(onlyResource(data!, 'aws_elasticache_serverless_cache').major_engine_version).toBe('7');
  expect(onlyResource(data!, 'aws_dynamodb_table').deletion_protection_enabled).toBe(false);
});
