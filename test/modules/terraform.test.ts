import { cpSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ModuleTerraform } from './support/module-terraform';
import type { PlanJson, ResourceChange, ValidateResult } from '../../src/platform/testing';

// Every module and example goes through `terraform init` and `validate`; every module runs its
// `terraform test` files (tests/*.tftest.hcl, mocked AWS provider); every example is planned with
// the real provider and no AWS account. Nothing is skipped: without Terraform or the provider
// these tests fail. They run on a copy, so no `.terraform` directory lands in the repository.

const MODULES = ['network', 'cluster', 'service'];
const EXAMPLES = ['three-zones', 'private-endpoints'];
const PLAN_VARIABLES = { account_id: '123456789012', image_tag: 'v1' };

const root = mkdtempSync(join(tmpdir(), 'terraform-modules-'));
cpSync(join(__dirname, '..', '..', 'terraform-modules'), root, { recursive: true, filter: (path) => !/\.terraform/.test(path) });
const terraformOf = (path: string) => new ModuleTerraform(join(root, path));

const validations = new Map<string, Promise<ValidateResult>>();
const testRuns = new Map<string, Promise<string>>();
const plans = new Map<string, Promise<PlanJson>>();
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await work();
  } finally {
    timings[label] = Date.now() - start;
  }
}

beforeAll(async () => {
  const dirs = [...MODULES, ...EXAMPLES.map((example) => `examples/${example}`)];
  // One init at a time: they share the plugin cache.
  for (const dir of dirs) {
    await terraformOf(dir).init();
  }
  for (const dir of dirs) {
    validations.set(dir, terraformOf(dir).validate());
  }
  for (const module of MODULES) {
    testRuns.set(module, timed(`terraform test ${module}`, () => terraformOf(module).test()));
  }
  for (const example of EXAMPLES) {
    plans.set(example, timed(`plan ${example}`, () => terraformOf(`examples/${example}`).plan(PLAN_VARIABLES)));
  }
  await Promise.allSettled([...validations.values(), ...testRuns.values(), ...plans.values()]);
}, 15 * 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(`terraform timings (ms): ${JSON.stringify(timings)}`);
});

function created(plan: PlanJson, type: string): Array<Record<string, any>> {
  return plan.resource_changes
    .filter((change: ResourceChange) => change.type === type && change.mode === 'managed' && change.change.actions.includes('create'))
    .map((change) => change.change.after ?? {});
}

describe.each([...MODULES, ...EXAMPLES.map((example) => `examples/${example}`)])('%s', (dir) => {
  test('passes terraform validate', async () => {
    expect(await validations.get(dir)).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
  });
});

describe.each(MODULES)('%s module', (module) => {
  test('passes its terraform test files against a mocked provider', async () => {
    expect(await testRuns.get(module)).toMatch(/^Success! [1-9]\d* passed, 0 failed\.$/);
  });
});

describe('examples planned offline with the real provider', () => {
  test.each(EXAMPLES)('%s only creates resources and reads no AWS data', async (example) => {
    const plan = await plans.get(example)!;
    const actions = new Set(plan.resource_changes.filter((change) => change.mode === 'managed').flatMap((change) => change.change.actions));
    expect([...actions]).toEqual(['create']);
    const read = plan.resource_changes.filter((change) => change.mode === 'data' && change.change.actions.includes('read'));
    expect(read.map((change) => change.address)).toEqual([]);
  });

  test('three-zones: a NAT gateway and two subnets per zone', async () => {
    const plan = await plans.get('three-zones')!;
    expect(created(plan, 'aws_nat_gateway')).toHaveLength(3);
    expect(created(plan, 'aws_subnet').map((subnet) => subnet.availability_zone).sort())
      .toEqual(['eu-central-1a', 'eu-central-1a', 'eu-central-1b', 'eu-central-1b', 'eu-central-1c', 'eu-central-1c']);
  });

  test('three-zones: the load balancer reaches the shop on port 8000; the account is in the key policies', async () => {
    // The container definitions embed the repository URL, known only once the cluster exists.
    const plan = await plans.get('three-zones')!;
    const [targetGroup] = created(plan, 'aws_lb_target_group');
    expect([targetGroup.name, targetGroup.port]).toEqual(['shop-dev-shop', 8000]);
    const [service] = created(plan, 'aws_ecs_service');
    expect(service.load_balancer).toEqual([expect.objectContaining({ container_name: 'shop', container_port: 8000 })]);
    const keys = created(plan, 'aws_kms_key').map((key) => JSON.parse(key.policy).Statement[0].Principal.AWS);
    expect(new Set(keys)).toEqual(new Set(['arn:aws:iam::123456789012:root']));
  });

  test('three-zones: HTTPS on 443 with the certificate, port 80 redirecting, both open to the allowed range', async () => {
    const plan = await plans.get('three-zones')!;
    const listeners = created(plan, 'aws_lb_listener');
    expect(listeners.map((listener) => listener.port).sort((a, b) => a - b)).toEqual([80, 443]);
    const https = listeners.find((listener) => listener.port === 443)!;
    expect([https.protocol, https.ssl_policy, https.certificate_arn]).toEqual([
      'HTTPS', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06', 'arn:aws:acm:eu-central-1:123456789012:certificate/0f3c1e2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
    ]);
    expect(https.default_action).toEqual([expect.objectContaining({ type: 'forward' })]);
    const http = listeners.find((listener) => listener.port === 80)!;
    expect(http.default_action).toEqual([expect.objectContaining({
      type: 'redirect',
      redirect: [expect.objectContaining({ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' })],
    })]);
    const ingress = created(plan, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.cidr_ipv4 === '0.0.0.0/0');
    expect(ingress.map((rule) => rule.from_port).sort((a, b) => a - b)).toEqual([80, 443]);
  });

  test('private-endpoints: no NAT gateway, ECR and logs endpoints, two services in /27 subnets', async () => {
    const plan = await plans.get('private-endpoints')!;
    expect(created(plan, 'aws_nat_gateway')).toEqual([]);
    expect(created(plan, 'aws_vpc_endpoint').map((endpoint) => endpoint.service_name).sort()).toEqual([
      'com.amazonaws.us-east-2.ecr.api', 'com.amazonaws.us-east-2.ecr.dkr', 'com.amazonaws.us-east-2.logs', 'com.amazonaws.us-east-2.s3',
    ]);
    expect(created(plan, 'aws_subnet').map((subnet) => subnet.cidr_block).sort())
      .toEqual(['11.90.30.0/27', '11.90.30.32/27', '11.90.30.64/27', '11.90.30.96/27']);
    expect(created(plan, 'aws_ecs_service').map((service) => service.name).sort()).toEqual(['api', 'web']);
    expect(created(plan, 'aws_ecr_repository').map((repository) => repository.name).sort()).toEqual(['ecsapp-prod/api', 'ecsapp-prod/web']);
    // No certificate: each load balancer has its HTTP listener forwarding on 80 and nothing on 443.
    const listeners = created(plan, 'aws_lb_listener');
    expect(listeners.map((listener) => [listener.port, listener.protocol, listener.default_action[0].type])).toEqual([[80, 'HTTP', 'forward'], [80, 'HTTP', 'forward']]);
  });
});
