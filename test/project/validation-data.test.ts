import { problemsOf } from './support';
import { CacheEngine, DatabaseEngine, DatabaseKind, TableBillingMode } from '../../src/options';
import type { DataOptions } from '../../src/options';
import type { PlatformOptions } from '../../src/resolve/resolve';

const api = { name: 'api' };
/** Options with the `api` service and the given data resources. */
const withData = (data: DataOptions, extra: Partial<PlatformOptions> = {}): Partial<PlatformOptions> => ({ services: [api], data, ...extra });
const loose = (value: Record<string, unknown>) => value as any;

test.each<[string, DataOptions, string]>([
  ['a MySQL version RDS does not offer', { databases: [{ name: 'main', engine: DatabaseEngine.MYSQL, engineVersion: '5.7', attachTo: ['api'] }] },
    'data.databases[0].engineVersion: "5.7" is not a supported instance mysql version; expected MySQL 8.0 or 8.4, as "8.4" (latest minor) or "8.4.6"'],
  ['an Aurora PostgreSQL version without its minor', { databases: [{ name: 'main', kind: DatabaseKind.AURORA_SERVERLESS, engineVersion: '16', attachTo: ['api'] }] },
    'data.databases[0].engineVersion: "16" is not a supported aurora-serverless postgres version; expected Aurora PostgreSQL 13 to 17 with its minor version, e.g. "16.6"'],
  ['an instance class of an old family', { databases: [{ name: 'main', instanceClass: 'db.m3.large', attachTo: ['api'] }] },
    'data.databases[0].instanceClass: "db.m3.large" is not a supported DB instance class; expected a class of the t3, t4g, m5, m6g, m6i, m7g, m7i, r5, r6g, r6i, r7g or r7i families, e.g. "db.t4g.micro" or "db.m7g.large"'],
  ['Aurora capacity off the half-ACU steps', { databases: [{ name: 'main', kind: DatabaseKind.AURORA_SERVERLESS, minCapacity: 0.3, attachTo: ['api'] }] },
    'data.databases[0].minCapacity: 0.3 is not allowed; expected 0 to 256 ACU in steps of 0.5'],
  ['Aurora capacity over 256 ACU', { databases: [{ name: 'main', kind: DatabaseKind.AURORA_SERVERLESS, maxCapacity: 512, attachTo: ['api'] }] },
    'data.databases[0].maxCapacity: 512 is not allowed; expected 1 to 256 ACU in steps of 0.5'],
  ['a minimum capacity above the maximum', { databases: [{ name: 'main', kind: DatabaseKind.AURORA_SERVERLESS, minCapacity: 8, maxCapacity: 2, attachTo: ['api'] }] },
    'data.databases[0].minCapacity: 8 is above maxCapacity (2); expected at most 2'],
  ['storage below the gp3 minimum', { databases: [{ name: 'main', allocatedStorageGiB: 10, attachTo: ['api'] }] },
    'data.databases[0].allocatedStorageGiB: 10 is not allowed; expected an integer from 20 to 65536'],
  ['an autoscaling ceiling below the storage', { databases: [{ name: 'main', allocatedStorageGiB: 100, maxAllocatedStorageGiB: 50, attachTo: ['api'] }] },
    'data.databases[0].maxAllocatedStorageGiB: 50 is below allocatedStorageGiB (100); expected at least 100'],
  ['Performance Insights on a class without it', { databases: [{ name: 'main', engine: DatabaseEngine.MYSQL, performanceInsights: true, attachTo: ['api'] }] },
    'data.databases[0].performanceInsights: true is not supported by mysql on db.t4g.micro; use a larger class or turn it off'],
  ['a reserved master user', { databases: [{ name: 'main', masterUsername: 'rdsadmin', attachTo: ['api'] }] },
    'data.databases[0].masterUsername: "rdsadmin" is reserved by RDS; expected another name than rdsadmin, rdsrepladmin, rdstopmgr, rds_superuser, rdsproxyadmin'],
  ['an upper-case resource name', { buckets: [{ name: 'Uploads', attachTo: ['api'] }] },
    'data.buckets[0].name: "Uploads" is not a data resource name; expected 1 to 30 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen'],
  ['an attachment to a workload that does not exist', { buckets: [{ name: 'uploads', attachTo: ['web'] }] },
    'data.buckets[0].attachTo[0]: "web" names no workload; expected one of api'],
  ['a resource nobody uses without a reason', { tables: [{ name: 'orders', partitionKey: { name: 'pk' } }] },
    'data.tables[0].attachTo: [] is empty; attach the resource to a workload, or say why nobody uses it in unattachedReason'],
  ['a sort key equal to the partition key', { tables: [{ name: 'orders', partitionKey: { name: 'pk' }, sortKey: { name: 'pk' }, attachTo: ['api'] }] },
    'data.tables[0].sortKey.name: "pk" is the partition key; expected another attribute'],
  ['capacity units of an on-demand table', { tables: [{ name: 'orders', partitionKey: { name: 'pk' }, readCapacity: 5, billingMode: TableBillingMode.PAY_PER_REQUEST, attachTo: ['api'] }] },
    'data.tables[0].readCapacity: 5 is only used with billingMode "PROVISIONED"'],
  ['a Redis version Serverless does not offer', { caches: [{ name: 'sessions', engine: CacheEngine.REDIS, majorEngineVersion: '6', attachTo: ['api'] }] },
    'data.caches[0].majorEngineVersion: "6" is not a redis version of ElastiCache Serverless; expected one of 7'],
  ['two resources with one name', { buckets: [{ name: 'main', attachTo: ['api'] }], tables: [{ name: 'main', partitionKey: { name: 'pk' }, attachTo: ['api'] }] },
    'data.tables[0].name: "main" is used by another data resource; names must be unique across databases, caches, buckets and tables'],
])('%s is one line naming the option', (_name, data, expected) => {
  expect(problemsOf(withData(data))).toEqual([expected]);
});

test('a database in a network of one zone is refused', () => {
  const oneZone = loose({ network: { availabilityZones: ['us-east-1a'] } });
  expect(problemsOf(withData({ databases: [{ name: 'main', attachTo: ['api'] }] }, oneZone))).toContain(
    'data.databases[0]: "main" needs private subnets in at least two availability zones (a DB subnet group spans two); give the network two zones');
});

test('an attached variable that the service sets itself is refused', () => {
  const options = { services: [{ name: 'api', environment: { UPLOADS_BUCKET: 'mine' } }], data: { buckets: [{ name: 'uploads', attachTo: ['api'] }] } };
  expect(problemsOf(options)).toEqual(['services[0]: "UPLOADS_BUCKET" is set by the service and injected by its data resources (uploads); rename the variable or the resource']);
});

test('a resource with a reason may stay unattached', () => {
  expect(problemsOf(withData({ buckets: [{ name: 'exports', unattachedReason: 'read by the analytics account' }] }))).toEqual([]);
});
