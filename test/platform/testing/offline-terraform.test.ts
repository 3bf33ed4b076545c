import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import { join } from 'path';
import type { PlatformConfig } from '../../../src/platform/contract/config';
import {
  fixtureOutputs,
  OFFLINE_ACCOUNT_ID,
  OfflineTerraform,
  PlanJson,
  readStackJson,
  ResourceChange,
  SynthesizedStack,
  synthPlatform,
  upstreamReferences,
  ValidateResult,
  writeUpstreamStates,
} from '../../../src/platform/testing';
import { CERTIFICATE_ARN, CONFIGURED_ACCOUNT_ID, DEFAULT_CONFIG, VARIANTS } from '../support/configs';
import { concurrencyLimit } from '../support/limit';

// Every stack of the default configuration and of each variant goes through `terraform init`,
// `validate` and an offline `plan` with the real hashicorp/aws provider. There is no skipping:
// without Terraform or the provider these tests fail.
//
// Stacks that a variant leaves unchanged (same cdk.tf.json, same upstream outputs) would give the
// same results, so each distinct stack runs once and the variants share the result.
//
// The S3-state variant runs like the others because the harness swaps its backend and its
// remote-state reads for local files (init would otherwise need the bucket and credentials). That
// checks everything but the S3 access itself; the synth tests pin the S3 settings.

interface StackCheck {
  readonly validation: ValidateResult;
  readonly plan: PlanJson;
}

const CASES: Array<[string, PlatformConfig]> = [['default', DEFAULT_CONFIG], ...Object.entries(VARIANTS)];
const root = mkdtempSync(join(tmpdir(), 'platform-offline-'));
const synthesized = new Map(CASES.map(([name, config]) => [name, { config, stacks: synthPlatform(config, join(root, name)) }]));
const limit = concurrencyLimit(Math.max(1, Math.min(4, availableParallelism())));
const checks = new Map<string, Promise<StackCheck>>();
const checkOf = new Map<string, Promise<StackCheck>>();
let invalidStackValidation: Promise<unknown>;

/** Identifies what Terraform sees of a stack: its configuration and the upstream outputs it reads. */
function fingerprint(stack: SynthesizedStack, stacks: SynthesizedStack[], config: PlatformConfig): string {
  const upstreams = upstreamReferences(readStackJson(stack.dir)).map((upstream) =>
    JSON.stringify(fixtureOutputs(stacks.find((candidate) => candidate.name === upstream.stack)!, config)));
  return createHash('sha256').update(readFileSync(stack.file)).update(upstreams.join('\n')).digest('hex');
}

async function check(stack: SynthesizedStack, stacks: SynthesizedStack[], config: PlatformConfig): Promise<StackCheck> {
  writeUpstreamStates(stack, stacks, config);
  const terraform = new OfflineTerraform(stack.dir);
  await terraform.initAsync();
  return terraform.validateAndPlanAsync();
}

beforeAll(async () => {
  for (const [name, { config, stacks }] of synthesized) {
    for (const stack of stacks) {
      const key = fingerprint(stack, stacks, config);
      if (!checks.has(key)) {
        checks.set(key, limit(() => check(stack, stacks, config)));
      }
      checkOf.set(`${name}/${stack.name}`, checks.get(key)!);
    }
  }
  invalidStackValidation = limit(async () => {
    const [network] = synthPlatform(DEFAULT_CONFIG, join(root, 'invalid'));
    const broken = { resource: { aws_vpc: { broken: { cidr_block: '10.1.0.0/16', no_such_argument: true } } } };
    writeFileSync(join(network.dir, 'broken.tf.json'), JSON.stringify(broken));
    const terraform = new OfflineTerraform(network.dir);
    await terraform.initAsync();
    return terraform.validateAsync();
  });
  await Promise.allSettled([...checks.values(), invalidStackValidation]);
}, 15 * 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function result(variant: string, stack: string): Promise<StackCheck> {
  const found = checkOf.get(`${variant}/${stack}`);
  if (found === undefined) {
    throw new Error(`no check for ${variant}/${stack}`);
  }
  return found;
}

async function planOf(variant: string, stack: string): Promise<PlanJson> {
  return (await result(variant, stack)).plan;
}

function created(plan: PlanJson, type: string): Array<Record<string, any>> {
  return plan.resource_changes
    .filter((change: ResourceChange) => change.type === type && change.mode === 'managed' && change.change.actions.includes('create'))
    .map((change) => change.change.after ?? {});
}

const STACKS = ['dev-network', 'dev-cluster', 'dev-service'];

describe.each(CASES.map(([name]) => name))('%s configuration', (variant) => {
  test.each(STACKS)('%s passes terraform validate', async (stack) => {
    const { validation } = await result(variant, stack);
    expect(validation).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
  });

  test.each(STACKS)('%s plans offline, only creating resources', async (stack) => {
    const plan = await planOf(variant, stack);
    const actions = new Set(plan.resource_changes.filter((change) => change.mode === 'managed').flatMap((change) => change.change.actions));
    expect([...actions]).toEqual(['create']);
  });
});

describe('offline plans', () => {
  test('validation of an invalid stack fails with Terraform\'s diagnostics', async () => {
    await expect(invalidStackValidation).rejects.toThrow(/terraform validate found 1 error\(s\)[\s\S]*no_such_argument/);
  });

  test('distinct stacks are checked once and shared by the variants that leave them unchanged', () => {
    expect(checks.size).toBeLessThan(checkOf.size);
    expect(checkOf.get('certificate/dev-network')).toBe(checkOf.get('default/dev-network'));
    expect(checkOf.get('certificate/dev-service')).not.toBe(checkOf.get('default/dev-service'));
  });

  test('plans read no data source but the upstream states', async () => {
    const dataSources = async (stack: string) => {
      const prior = (await planOf('default', stack)).prior_state as { values?: { root_module?: { resources?: Array<{ mode: string; type: string }> } } };
      return (prior?.values?.root_module?.resources ?? []).filter((resource) => resource.mode === 'data').map((resource) => resource.type);
    };
    expect(await dataSources('dev-network')).toEqual([]);
    expect(await dataSources('dev-cluster')).toEqual([]);
    expect(await dataSources('dev-service')).toEqual(['terraform_remote_state', 'terraform_remote_state']);
  });

  test('the ECS service runs in the upstream private subnets without public IPs', async () => {
    const [service] = created(await planOf('default', 'dev-service'), 'aws_ecs_service');
    const networkOutputs = fixtureOutputs(synthesized.get('default')!.stacks[0], DEFAULT_CONFIG);
    expect(service.network_configuration).toEqual([expect.objectContaining({
      assign_public_ip: false,
      subnets: networkOutputs.private_subnet_ids,
    })]);
    expect(service.cluster).toBe(`arn:aws:ecs:us-east-1:${OFFLINE_ACCOUNT_ID}:cluster/orders-dev`);
  });

  test('the container image resolves to the service repository at the image tag', async () => {
    const [taskDefinition] = created(await planOf('default', 'dev-service'), 'aws_ecs_task_definition');
    expect(JSON.parse(taskDefinition.container_definitions)[0].image).toBe(`${OFFLINE_ACCOUNT_ID}.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders:offline-plan`);
  });

  test('the account_id variable reaches the ARNs of the policies', async () => {
    const [key] = created(await planOf('default', 'dev-cluster'), 'aws_kms_key');
    expect(JSON.parse(key.policy).Statement[0].Principal.AWS).toBe(`arn:aws:iam::${OFFLINE_ACCOUNT_ID}:root`);
  });

  test('a configured account is written into the ARNs', async () => {
    const [key] = created(await planOf('accountId', 'dev-cluster'), 'aws_kms_key');
    expect(JSON.parse(key.policy).Statement[0].Principal.AWS).toBe(`arn:aws:iam::${CONFIGURED_ACCOUNT_ID}:root`);
  });

  test('NAT gateways: one with single, one per zone with per-az, none with none', async () => {
    const natCount = async (variant: string) => created(await planOf(variant, 'dev-network'), 'aws_nat_gateway').length;
    expect([await natCount('default'), await natCount('natPerAz'), await natCount('natNone')]).toEqual([1, 2, 0]);
  });

  test('without NAT only the public route table has a default route', async () => {
    expect(created(await planOf('default', 'dev-network'), 'aws_route')).toHaveLength(3);
    expect(created(await planOf('natNone', 'dev-network'), 'aws_route')).toHaveLength(1);
  });

  test('with a certificate the plan has an HTTPS listener and an HTTP listener redirecting with 301', async () => {
    const listeners = created(await planOf('certificate', 'dev-service'), 'aws_lb_listener');
    const https = listeners.find((listener) => listener.port === 443)!;
    const http = listeners.find((listener) => listener.port === 80)!;
    expect(https).toEqual(expect.objectContaining({ protocol: 'HTTPS', certificate_arn: CERTIFICATE_ARN }));
    expect(http.default_action).toEqual([expect.objectContaining({
      type: 'redirect',
      redirect: [expect.objectContaining({ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' })],
    })]);
  });

  test('ARM64 reaches the task definition', async () => {
    const [taskDefinition] = created(await planOf('arm64', 'dev-service'), 'aws_ecs_task_definition');
    expect(taskDefinition.runtime_platform).toEqual([{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }]);
  });

  test('an external image needs no repository and runs as given', async () => {
    expect(created(await planOf('externalImage', 'dev-cluster'), 'aws_ecr_repository')).toEqual([]);
    const [taskDefinition] = created(await planOf('externalImage', 'dev-service'), 'aws_ecs_task_definition');
    expect(JSON.parse(taskDefinition.container_definitions)[0].image).toBe('public.ecr.aws/nginx/nginx:1.27');
  });

  test('with S3 state the service stack plans the same resources from the local stand-ins', async () => {
    const types = (plan: PlanJson) => plan.resource_changes.map((change) => change.address).sort();
    expect(types(await planOf('s3State', 'dev-service'))).toEqual(types(await planOf('default', 'dev-service')));
  });
});
