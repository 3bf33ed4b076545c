import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { copilotLeftovers, FakeAws } from './fake-aws';
import { importHello, plainOptions } from './support';
import { OfflineTerraform, PlanJson, synthPlatform, writeUpstreamStates } from '../../src/platform/testing';
import { OFFLINE_ACCOUNT_ID } from '../../src/platform/testing/offline-terraform';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

// The "hello" Copilot application, imported, synthesized, validated and planned offline by the real Terraform CLI and
// AWS provider; the adopted repository and log group are read from a local fake of the ECR and CloudWatch Logs APIs.

const root = mkdtempSync(join(tmpdir(), 'migrated-copilot-'));
const fake = new FakeAws(copilotLeftovers(OFFLINE_ACCOUNT_ID, 'us-east-1'));
const plans = new Map<string, PlanJson>();

beforeAll(async () => {
  const endpoint = await fake.start();
  const config = resolvePlatformConfig(plainOptions(importHello()));
  const stacks = synthPlatform(config, root);
  const planned = await Promise.all(stacks.map(async (stack) => {
    writeUpstreamStates(stack, stacks, config);
    const terraform = new OfflineTerraform(stack.dir, { endpoints: { ecr: endpoint, logs: endpoint } });
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
    expect([...plans.keys()]).toEqual(['dev-network', 'dev-cluster', 'dev-service']);
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

  test('counts: what each stack creates and imports', () => {
    const summary = [...plans.keys()].map((stack) => {
      const all = changes(stack);
      return [stack, all.filter((change) => change.actions.includes('create')).length, all.filter((change) => change.importing !== undefined).length];
    });
    expect(summary).toEqual([['dev-network', expect.any(Number), 0], ['dev-cluster', expect.any(Number), 2], ['dev-service', expect.any(Number), 0]]);
    process.stdout.write(`migrated hello plan (stack, create, import): ${JSON.stringify(summary)}; calls ${JSON.stringify(fake.calls)}\n`);
  });
});
