import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { WORKLOADS_WITH_DATA_CONFIG as CONFIG } from './configs';
import { OfflineTerraform, PlanJson, synthPlatform, ValidateResult, writeUpstreamStates } from '../../../src/platform/testing';

// The data and service stacks of a service with a release task publishing a topic, a worker
// subscribed to it and a scheduled job, with a database, a cache, a bucket and a table attached to
// them, validated and planned offline by the real Terraform CLI and hashicorp/aws provider. Never skipped.

const root = mkdtempSync(join(tmpdir(), 'workloads-offline-'));
let validation: ValidateResult;
let plan: PlanJson;
let dataValidation: ValidateResult;
let dataPlan: PlanJson;

async function check(stackName: string): Promise<[ValidateResult, PlanJson]> {
  const stacks = synthPlatform(CONFIG, join(root, stackName));
  const stack = stacks.find((candidate) => candidate.name === stackName)!;
  writeUpstreamStates(stack, stacks, CONFIG);
  const terraform = new OfflineTerraform(stack.dir);
  await terraform.initAsync();
  const { validation: valid, plan: planned } = await terraform.validateAndPlanAsync();
  return [valid, planned];
}

beforeAll(async () => {
  [[validation, plan], [dataValidation, dataPlan]] = await Promise.all([check('dev-service'), check('dev-data')]);
}, 5 * 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const created = (type: string, from: PlanJson = plan) => (from.resource_changes ?? [])
  .filter((change) => change.type === type && change.mode === 'managed' && change.change.actions.includes('create'))
  .map((change) => change.change.after ?? {});

test('the service stack with a worker and a job passes terraform validate and plans only creations', () => {
  expect(validation).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
  const actions = new Set((plan.resource_changes ?? []).filter((change) => change.mode === 'managed').flatMap((change) => change.change.actions));
  expect([...actions]).toEqual(['create']);
});

test('the plan holds the queues, the subscription, the schedule and the state machine as configured', () => {
  expect(created('aws_sqs_queue').map((queue) => queue.name).sort()).toEqual([
    'orders-dev-billing', 'orders-dev-billing-dlq', 'orders-dev-nightly-report-schedule-dlq',
  ]);
  expect(created('aws_sns_topic_subscription')).toEqual([expect.objectContaining({ protocol: 'sqs', raw_message_delivery: true })]);
  const [schedule] = created('aws_scheduler_schedule');
  expect(schedule).toEqual(expect.objectContaining({ schedule_expression: 'cron(0 3 * * ? *)', schedule_expression_timezone: 'Europe/Paris' }));
  // The definition names the job's security group, known after apply only.
  expect(created('aws_sfn_state_machine')).toEqual([expect.objectContaining({ name: 'orders-dev-nightly-report', tracing_configuration: [{ enabled: true }] })]);
});

test('the data stack passes terraform validate and plans the database, cache, bucket and table', () => {
  expect(dataValidation).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
  expect(created('aws_db_instance', dataPlan)).toEqual([expect.objectContaining({ engine: 'postgres', publicly_accessible: false, storage_encrypted: true })]);
  expect(created('aws_elasticache_serverless_cache', dataPlan)).toEqual([expect.objectContaining({ engine: 'valkey' })]);
  expect(created('aws_s3_bucket', dataPlan)).toHaveLength(1);
  expect(created('aws_dynamodb_table', dataPlan)).toEqual([expect.objectContaining({ point_in_time_recovery: [expect.objectContaining({ enabled: true })] })]);
});
