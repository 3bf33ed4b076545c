import { readAddon } from '../../src/copilot/addons';
import { ProjectDraft } from '../../src/copilot/draft';
import { Manifest, unmappedLine } from '../../src/copilot/manifest';
import { mapJob, mapWorker } from '../../src/copilot/workloads';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

test('a worker\'s per-topic queue and a FIFO topic it publishes are reported at their paths; secrets with placeholders too', () => {
  const manifest = new Manifest('copilot/mailer/manifest.yml', {
    name: 'mailer',
    type: 'Worker Service',
    image: { location: 'public.ecr.aws/acme/mailer:1' },
    count: 1,
    secrets: { TOKEN: '/copilot/${COPILOT_APPLICATION_NAME}/token' },
    subscribe: { topics: [{ name: 'orders_events', service: 'orders', queue: { timeout: '30s' } }] },
    publish: { topics: [{ name: 'mails', fifo: true }] },
  });
  const draft = new ProjectDraft('shop');
  expect(plain(mapWorker(manifest, draft))).toEqual({
    name: 'mailer', image: 'public.ecr.aws/acme/mailer:1', minCapacity: 1, maxCapacity: 1, subscribes: [{ topic: 'orders-events' }],
  });
  expect(manifest.unmapped().map(unmappedLine)).toEqual([
    'copilot/mailer/manifest.yml: secrets.TOKEN: "/copilot/${COPILOT_APPLICATION_NAME}/token" names the parameter with Copilot placeholders that cannot be resolved here; write the parameter name or ARN',
    'copilot/mailer/manifest.yml: subscribe.topics[0].queue: {"timeout":"30s"} has no equivalent option; the worker has one queue for all its topics',
    'copilot/mailer/manifest.yml: publish.topics: [{"name":"mails","fifo":true}] has FIFO or other topic settings; publishes takes standard topics by name',
  ]);
});

test('a job whose schedule Scheduler cannot run is reported, and kept as written so that resolving the options refuses it', () => {
  const manifest = new Manifest('copilot/report/manifest.yml', { name: 'report', type: 'Scheduled Job', on: { schedule: '0 9 * * 1' }, command: 'node report.js' });
  expect(plain(mapJob(manifest, new ProjectDraft('shop')))).toEqual({ name: 'report', command: ['node', 'report.js'], schedule: '0 9 * * 1' });
  expect(manifest.unmapped().map(unmappedLine)).toEqual([
    'copilot/report/manifest.yml: on.schedule: "0 9 * * 1" is not a schedule EventBridge Scheduler can run; write jobs[].schedule as "cron(...)" or "rate(...)"',
  ]);
});

test('an S3 bucket of an environment addon becomes an unattached bucket of data; its bucket policy is reported as replaced', () => {
  const manifest = new Manifest('copilot/environments/addons/uploads.yml', {
    Resources: {
      uploadsBucket: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: { BucketName: 'x', BucketEncryption: {}, LifecycleConfiguration: { Rules: [] } } },
      uploadsBucketPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: 'uploadsBucket' } },
    },
  });
  const draft = new ProjectDraft('shop');
  expect(readAddon(manifest, draft)).toEqual([
    { file: 'copilot/environments/addons/uploads.yml', logicalId: 'uploadsBucket', type: 'AWS::S3::Bucket', retained: true, replacedBy: 'data.buckets "uploads-bucket"', dataResource: 'uploads-bucket' },
  ]);
  expect(plain(draft.dataOptions())).toEqual({
    buckets: [{ name: 'uploads-bucket', unattachedReason: 'an environment addon in Copilot (copilot/environments/addons/uploads.yml); attach the workloads that use it' }],
  });
  expect(manifest.unmapped().map(unmappedLine)).toEqual([
    'copilot/environments/addons/uploads.yml: Resources.uploadsBucket.Type: "AWS::S3::Bucket" is created anew as data.buckets "uploads-bucket", empty, unless you adopt it by the name CloudFormation gave it (see MIGRATION.md)',
    'copilot/environments/addons/uploads.yml: Resources.uploadsBucket.Properties.LifecycleConfiguration: {"Rules":[]} has no equivalent option',
    'copilot/environments/addons/uploads.yml: Resources.uploadsBucketPolicy.Type: "AWS::S3::BucketPolicy" is part of an addon (AWS::S3::BucketPolicy) and is not migrated; the created bucket has the platform\'s policy (TLS only)',
  ]);
});

/** A workload addon holding one DynamoDB table, as `copilot storage init` writes it, with extra properties. */
function tableAddon(extra: Record<string, unknown>, tableName = '${App}-${Env}-${Name}-ledger'): Manifest {
  return new Manifest('copilot/api/addons/ledger.yml', {
    Parameters: { App: { Type: 'String' }, Env: { Type: 'String' }, Name: { Type: 'String' } },
    Resources: {
      ledger: {
        Type: 'AWS::DynamoDB::Table',
        DeletionPolicy: 'Retain',
        Properties: {
          TableName: tableName,
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          ...extra,
        },
      },
    },
  });
}

describe('addon tables', () => {
  test('a table named by Copilot\'s parameters is adopted under the workload\'s name', () => {
    expect(readAddon(tableAddon({}), new ProjectDraft('shop'), 'api')[0]).toEqual(expect.objectContaining({
      dataResource: 'ledger', nameTemplate: '${App}-${Env}-api-ledger',
    }));
  });

  test('a table with a local secondary index is created anew: the adopting table has none, and Terraform would replace it', () => {
    const lsi = { LocalSecondaryIndexes: [{ IndexName: 'byDate', KeySchema: [], Projection: { ProjectionType: 'ALL' } }] };
    const [table] = readAddon(tableAddon(lsi), new ProjectDraft('shop'), 'api');
    expect([table.nameTemplate, table.replacedBy]).toEqual([undefined, 'data.tables "ledger"']);
  });

  test('a table with a stream is created anew: adopting it would turn the stream off under its consumers', () => {
    const [table] = readAddon(tableAddon({ StreamSpecification: { StreamViewType: 'NEW_IMAGE' } }), new ProjectDraft('shop'), 'api');
    expect(table.nameTemplate).toBeUndefined();
  });

  test('a name without the environment, or with a parameter Copilot does not pass, is not adopted', () => {
    expect(readAddon(tableAddon({}, 'ledger'), new ProjectDraft('shop'), 'api')[0].nameTemplate).toBeUndefined();
    expect(readAddon(tableAddon({}, '${App}-${Env}-${Suffix}'), new ProjectDraft('shop'), 'api')[0].nameTemplate).toBeUndefined();
  });

  test('an environment addon\'s table may not use the workload name it does not have', () => {
    expect(readAddon(tableAddon({}), new ProjectDraft('shop'))[0].nameTemplate).toBeUndefined();
    expect(readAddon(tableAddon({}, '${App}-${Env}-ledger'), new ProjectDraft('shop'))[0].nameTemplate).toBe('${App}-${Env}-ledger');
  });
});

test('a bucket\'s private canned ACL is what the created bucket is; any other canned ACL is reported', () => {
  const bucketAddon = (acl: string) => new Manifest('copilot/api/addons/files.yml', {
    Resources: { filesBucket: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: { AccessControl: acl } } },
  });
  const reported = (acl: string) => {
    const manifest = bucketAddon(acl);
    readAddon(manifest, new ProjectDraft('shop'), 'api');
    return manifest.unmapped().map((field) => field.path);
  };
  expect(reported('Private')).toEqual(['Resources.filesBucket.Type']);
  expect(reported('PublicRead')).toEqual(['Resources.filesBucket.Type', 'Resources.filesBucket.Properties.AccessControl']);
});
