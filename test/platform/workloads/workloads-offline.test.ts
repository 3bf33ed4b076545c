import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { WORKLOADS_CONFIG } from './configs';
import { OfflineTerraform, PlanJson, synthPlatform, ValidateResult, writeUpstreamStates } from '../../../src/platform/testing';

// The service stack of a service publishing a topic, a worker subscribed to it and a scheduled job,
// validated and planned offline by the real Terraform CLI and hashicorp/aws provider. Never skipped.

const root = mkdtempSync(join(tmpdir(), 'workloads-offline-'));
let validation: ValidateResult;
let plan: PlanJson;

beforeAll(async () => {
  const stacks = synthPlatform(WORKLOADS_CONFIG, root);
  const service = stacks.find((stack) => stack.name === 'dev-service')!;
  writeUpstreamStates(service, stacks, WORKLOADS_CONFIG);
  const terraform = new OfflineTerraform(service.dir);
  await terraform.initAsync();
  validation = await terraform.validateAsync();
  plan = await terraform.planAsync();
}, 5 * 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const created = (type: string) => (plan.resource_changes ?? [])
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
