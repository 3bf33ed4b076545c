import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { copilotBucket, copilotLeftovers, FakeAws } from './fake-aws';
import { allowed, planRoleStatements, requiredPermission } from './recorded-permissions';
import { fixtureDir, plainOptions } from './support';
import { importCopilot } from '../../src/copilot/application';
import { OfflineTerraform, PlanJson, synthPlatform, writeUpstreamStates } from '../../src/platform/testing';
import { OFFLINE_ACCOUNT_ID } from '../../src/platform/testing/offline-terraform';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

// The "hello" Copilot application, imported, synthesized, validated and planned offline by the real Terraform CLI and
// AWS provider; the adopted repository and log group are read from a local fake of the ECR and CloudWatch Logs APIs.

const root = mkdtempSync(join(tmpdir(), 'migrated-copilot-'));
/** The name CloudFormation gave the `images` addon bucket, as MIGRATION.md's lookup command prints it. */
const IMAGES_BUCKET = 'hello-dev-web-addonsstack-1a2b3c-imagesbucket-7g8h9i0j1k2l';
const fake = new FakeAws(copilotLeftovers(OFFLINE_ACCOUNT_ID, 'us-east-1'), copilotBucket(IMAGES_BUCKET, OFFLINE_ACCOUNT_ID, 'us-east-1'));

/** The imported options, with the bucket's name looked up as MIGRATION.md says and passed with `--bucket dev:imagesBucket=…`. */
function migratedOptions() {
  return plainOptions(importCopilot({ copilotDir: fixtureDir('hello'), bucketNames: { dev: { imagesBucket: IMAGES_BUCKET } } }));
}
const plans = new Map<string, PlanJson>();

beforeAll(async () => {
  const endpoint = await fake.start();
  const config = resolvePlatformConfig(migratedOptions());
  const stacks = synthPlatform(config, root);
  const planned = await Promise.all(stacks.map(async (stack) => {
    writeUpstreamStates(stack, stacks, config);
    const terraform = new OfflineTerraform(stack.dir, { endpoints: { ecr: endpoint, logs: endpoint, dynamodb: endpoint, s3: endpoint } });
    await terraform.initAsync();
    return [stack.name, (await terraform.validateAndPlanAsync()).plan] as const;
  }));
  planned.forEach(([name, plan]) => plans.set(name, plan));
}, 10 * 60_000);

afterAll(async () => {
  await fake.stop();
  rmSync(root, { recursive: true, force: true });
});

function changes(stack: string): Array<{ address: string; type: string; actions: string[]; importing?: string }> {
  return (plans.get(stack)!.resource_changes ?? []).filter((change) => change.mode === 'managed').map((change) => ({
    address: change.address,
    type: change.type,
    actions: change.change.actions,
    importing: (change.change as { importing?: { id: string } }).importing?.id,
  }));
}

describe('the migrated "hello" application', () => {
  test('validates and plans every stack; nothing is destroyed or replaced', () => {
    expect([...plans.keys()]).toEqual(['dev-network', 'dev-cluster', 'dev-data', 'dev-service']);
    const actions = [...plans.keys()].flatMap((stack) => changes(stack).flatMap((change) => change.actions));
    expect(actions.filter((action) => action === 'delete')).toEqual([]);
  });

  test('the cluster stack imports the Copilot repository and log group and only updates them in place', () => {
    const imported = changes('dev-cluster').filter((change) => change.importing !== undefined);
    expect(imported.map((change) => [change.type, change.importing, change.actions])).toEqual([
      ['aws_cloudwatch_log_group', '/copilot/hello-dev-web', ['update']],
      ['aws_ecr_repository', 'hello/web', ['update']],
    ]);
    expect(fake.calls).toEqual(expect.arrayContaining(['AmazonEC2ContainerRegistry_V20150921.DescribeRepositories', 'Logs_20140328.DescribeLogGroups']));
  });

  test('the data stack imports the addon\'s table and changes it in place: the data key, point-in-time recovery, tags', () => {
    const imported = changes('dev-data').filter((change) => change.importing !== undefined);
    expect(imported.filter((change) => change.type === 'aws_dynamodb_table').map((change) => [change.type, change.importing, change.actions])).toEqual([
      ['aws_dynamodb_table', 'hello-dev-web-visits', ['update']],
    ]);
    const table = plans.get('dev-data')!.resource_changes!.find((change) => change.type === 'aws_dynamodb_table')!;
    const after = table.change.after as Record<string, any>;
    expect([after.name, after.hash_key, after.point_in_time_recovery[0].enabled, after.server_side_encryption[0].enabled])
      .toEqual(['hello-dev-web-visits', 'id', true, true]);
    expect(fake.calls).toEqual(expect.arrayContaining(['DynamoDB_20120810.DescribeTable']));
  });

  test('the data stack imports the bucket adopted by its looked-up name in place and gives it versioning, the data key and the TLS-only policy', () => {
    const bucketChanges = changes('dev-data').filter((change) => change.type.startsWith('aws_s3_bucket'));
    expect(bucketChanges.filter((change) => change.importing !== undefined).map((change) => [change.type, change.importing, change.actions]))
      .toEqual([['aws_s3_bucket', IMAGES_BUCKET, ['update']]]);
    const created = bucketChanges.filter((change) => change.importing === undefined);
    expect(created.map((change) => [change.type, change.actions])).toEqual(expect.arrayContaining([
      ['aws_s3_bucket_versioning', ['create']],
      ['aws_s3_bucket_server_side_encryption_configuration', ['create']],
      ['aws_s3_bucket_policy', ['create']],
    ]));
    expect(fake.calls).toEqual(expect.arrayContaining([`S3 GET ${IMAGES_BUCKET}?versioning`]));
  });

  test('the plan role of the environment may make every call the provider made to read the adopted resources', () => {
    const options = migratedOptions();
    options.environments[0].account = OFFLINE_ACCOUNT_ID;
    const config = resolvePlatformConfig({ ...options, terraformState: { bucket: 'hello-terraform-state' }, deployment: { repository: 'acme/hello' } });
    const statements = planRoleStatements(config, 'dev');
    const arns = {
      ecr: `arn:aws:ecr:us-east-1:${OFFLINE_ACCOUNT_ID}:repository/hello/web`,
      logs: `arn:aws:logs:us-east-1:${OFFLINE_ACCOUNT_ID}:log-group:/copilot/hello-dev-web`,
      dynamodb: `arn:aws:dynamodb:us-east-1:${OFFLINE_ACCOUNT_ID}:table/hello-dev-web-visits`,
    };
    const required = [...new Set(fake.calls)].map((call) => requiredPermission(call, arns));
    expect(required.length).toBeGreaterThanOrEqual(20);
    expect(required.filter((permission) => !allowed(statements, permission))).toEqual([]);
    expect(allowed(statements, { action: 's3:GetBucketPolicy', resource: 'arn:aws:s3:::another-teams-bucket' })).toBe(false);
  });

  test('counts: what each stack creates and imports', () => {
    const summary = [...plans.keys()].map((stack) => {
      const all = changes(stack);
      return [stack, all.filter((change) => change.actions.includes('create')).length, all.filter((change) => change.importing !== undefined).length];
    });
    expect(summary).toEqual([
      ['dev-network', expect.any(Number), 0], ['dev-cluster', expect.any(Number), 2], ['dev-data', expect.any(Number), 2], ['dev-service', expect.any(Number), 0],
    ]);
    process.stdout.write(`migrated hello plan (stack, create, import): ${JSON.stringify(summary)}; calls ${JSON.stringify(fake.calls)}\n`);
  });
});
