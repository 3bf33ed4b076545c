import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkStacksOffline, synthPlatform } from '../../../src/platform/testing';
import { DEFAULT_CONFIG } from '../support/configs';

// checkStacksOffline as the generated repositories run it: plans without planned values, the
// validation read from the plan. Real Terraform and AWS provider; never skipped.

const root = mkdtempSync(join(tmpdir(), 'check-stacks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const [network] = synthPlatform(DEFAULT_CONFIG, join(root, 'valid'));
const [broken] = synthPlatform(DEFAULT_CONFIG, join(root, 'invalid'));
writeFileSync(join(broken.dir, 'broken.tf.json'), JSON.stringify({ resource: { aws_vpc: { broken: { cidr_block: '10.1.0.0/16', no_such_argument: true } } } }));
const [valid] = checkStacksOffline([network], DEFAULT_CONFIG, { plannedValues: false }).values();
const [invalid] = checkStacksOffline([broken], DEFAULT_CONFIG, { plannedValues: false }).values();

test('a plan without planned values lists every resource the stack creates, by type', async () => {
  const plan = await valid.plan;
  const types = new Set(plan.resource_changes.map((change) => change.type));
  expect([...types]).toEqual(expect.arrayContaining(['aws_vpc', 'aws_subnet', 'aws_route_table', 'aws_internet_gateway', 'aws_nat_gateway']));
  expect(new Set(plan.resource_changes.flatMap((change) => change.change.actions))).toEqual(new Set(['create']));
}, 5 * 60_000);

test('a stack that plans is valid, without a terraform validate of its own', async () => {
  await expect(valid.validation).resolves.toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
}, 5 * 60_000);

test('an invalid stack fails its plan, and its validation names the unsupported argument', async () => {
  await expect(invalid.plan).rejects.toThrow(/terraform plan failed/);
  await expect(invalid.validation).rejects.toThrow(/no_such_argument/);
}, 5 * 60_000);
