import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Testing } from 'cdktf';
import { CONFIGURED_ACCOUNT_ID, DEFAULT_CONFIG, MULTI_CONFIG, VARIANTS, withEnvironment } from './support/configs';
import { bodiesOf, onlyResource, parseJson, parsePolicy, statementWithSid, synthEnvironment, testApp } from './support/synth';
import { createPlatform } from '../../src/platform/platform';
import { synthPlatform } from '../../src/platform/testing';

const defaults = synthEnvironment(DEFAULT_CONFIG);
const all = [defaults.network, defaults.cluster, defaults.service];
const withAccount = synthEnvironment(VARIANTS.accountId);
const s3 = synthEnvironment(VARIANTS.s3State);

describe('createPlatform', () => {
  test('creates <env>-network, <env>-cluster and <env>-service for every environment', () => {
    const environments = createPlatform(testApp(), MULTI_CONFIG);
    expect(environments.map((env) => [env.name, env.network.node.id, env.cluster.node.id, env.service.node.id])).toEqual([
      ['dev', 'dev-network', 'dev-cluster', 'dev-service'],
      ['prod', 'prod-network', 'prod-cluster', 'prod-service'],
    ]);
  });

  test('escape hatches on the exposed resources reach the synthesized stacks', () => {
    const [env] = createPlatform(testApp(), DEFAULT_CONFIG);
    env.service.loadBalancer.idleTimeout = 120;
    env.service.taskDefinitions.orders.memory = '1024';
    env.network.vpcNetwork!.vpc.instanceTenancy = 'default';
    const service = JSON.parse(Testing.synth(env.service));
    expect(onlyResource(service, 'aws_lb').idle_timeout).toBe(120);
    expect(onlyResource(service, 'aws_ecs_task_definition').memory).toBe('1024');
    expect(onlyResource(JSON.parse(Testing.synth(env.network)), 'aws_vpc').instance_tenancy).toBe('default');
  });
});

describe('deployment order', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'platform-order-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const stacks = synthPlatform(MULTI_CONFIG, outdir);
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf-8'));

  test('manifest orders network → cluster → service', () => {
    expect(manifest.stacks['dev-cluster'].dependencies).toEqual(['dev-network']);
    expect(manifest.stacks['dev-service'].dependencies).toEqual(['dev-network', 'dev-cluster']);
  });

  test('synthPlatform lists the stacks in deployment order, environments in configuration order', () => {
    expect(stacks.map((stack) => stack.name)).toEqual(['dev-network', 'dev-cluster', 'dev-service', 'prod-network', 'prod-cluster', 'prod-service']);
    expect(stacks[0].dir).toBe(join(outdir, 'stacks', 'dev-network'));
  });

  test('the synthesized stacks contain no path of the synthesizing machine', () => {
    for (const stack of stacks) {
      const text = readFileSync(stack.file, 'utf-8');
      expect(text).not.toContain(outdir);
      expect(text).not.toContain(process.cwd());
    }
  });
});

describe('AWS provider', () => {
  test('every stack has the region and the default tags', () => {
    for (const stack of all) {
      expect(stack.provider?.aws).toEqual([{
        region: 'us-east-1',
        default_tags: [{ tags: { 'project': 'orders', 'environment': 'dev', 'managed-by': 'projen-cdktf-ecs' } }],
      }]);
    }
  });

  test('the provider refuses other accounts when the account is configured', () => {
    for (const stack of [withAccount.network, withAccount.cluster, withAccount.service]) {
      expect(stack.provider?.aws[0].allowed_account_ids).toEqual([CONFIGURED_ACCOUNT_ID]);
    }
  });
});

describe('account id', () => {
  test('without a configured account, every stack takes account_id: empty or 12 digits', () => {
    for (const stack of all) {
      expect(stack.variable?.account_id).toEqual(expect.objectContaining({
        type: 'string',
        default: '',
        validation: [expect.objectContaining({ condition: expect.stringContaining('^[0-9]{12}$') })],
      }));
    }
  });

  test('the caller identity is only read when account_id is left empty', () => {
    for (const stack of all) {
      expect(stack.data?.aws_caller_identity.current.count).toBe('${var.account_id == "" ? 1 : 0}');
      expect(stack.locals?.account_id).toBe('${var.account_id != "" ? var.account_id : one(data.aws_caller_identity.current[*].account_id)}');
    }
  });

  test('with a configured account there is no variable, no data source, and ARNs are literal', () => {
    for (const stack of [withAccount.network, withAccount.cluster, withAccount.service]) {
      expect(stack.variable ?? {}).not.toHaveProperty('account_id');
      expect(stack.data ?? {}).not.toHaveProperty('aws_caller_identity');
      expect(JSON.stringify(stack)).not.toContain('local.account_id');
    }
    const key = bodiesOf(withAccount.cluster, 'aws_kms_key').find((candidate) => String(candidate.description).startsWith('Encrypts the logs'))!;
    expect(statementWithSid(key.policy, 'AccountAdministersKeyThroughIam').Principal).toEqual({ AWS: `arn:aws:iam::${CONFIGURED_ACCOUNT_ID}:root` });
  });

  test('ARNs and service principals follow the partition', () => {
    const china = synthEnvironment(withEnvironment((env) => ({
      region: 'cn-north-1',
      partition: 'aws-cn',
      accountId: CONFIGURED_ACCOUNT_ID,
      network: { ...env.network, availabilityZones: ['cn-north-1a', 'cn-north-1b'] },
    })));
    const policy = bodiesOf(china.cluster, 'aws_kms_key').find((candidate) => String(candidate.description).startsWith('Encrypts the logs'))!.policy;
    expect(statementWithSid(policy, 'CloudWatchLogsEncryptsTheseLogGroups')).toEqual(expect.objectContaining({
      Principal: { Service: 'logs.cn-north-1.amazonaws.com.cn' },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': expect.arrayContaining([`arn:aws-cn:logs:cn-north-1:${CONFIGURED_ACCOUNT_ID}:log-group:/ecs/orders-dev`]) } },
    }));
    expect(parsePolicy(onlyResource(china.network, 'aws_iam_role').assume_role_policy).Statement[0].Condition?.ArnLike)
      .toEqual({ 'aws:SourceArn': `arn:aws-cn:ec2:cn-north-1:${CONFIGURED_ACCOUNT_ID}:vpc-flow-log/*` });
  });
});

describe('state', () => {
  test('local state lives in each stack\'s working directory', () => {
    expect(all.map((stack) => stack.terraform.backend)).toEqual([
      { local: { path: 'terraform.dev-network.tfstate' } },
      { local: { path: 'terraform.dev-cluster.tfstate' } },
      { local: { path: 'terraform.dev-service.tfstate' } },
    ]);
  });

  test('S3 state uses the bucket, its region and <keyPrefix>/<env>/<stack>.tfstate', () => {
    expect(s3.network.terraform.backend.s3).toMatchObject({
      bucket: 'orders-terraform-state', region: 'us-east-1', key: 'orders/dev/dev-network.tfstate',
    });
  });

  test('S3 state takes the bucket\'s default encryption (no `encrypt`, which would force SSE-S3 over the state key)', () => {
    expect(s3.network.terraform.backend.s3.encrypt).toBeUndefined();
  });

  test('S3 backend uses use_lockfile', () => {
    for (const stack of [s3.network, s3.cluster, s3.service]) {
      expect(stack.terraform.backend.s3.use_lockfile).toBe(true);
    }
  });

  test('with S3 state, the service stack reads the upstream outputs from the same bucket and keys', () => {
    expect(s3.service.data?.terraform_remote_state).toEqual({
      network: { backend: 's3', config: { bucket: 'orders-terraform-state', region: 'us-east-1', key: 'orders/dev/dev-network.tfstate' } },
      cluster: { backend: 's3', config: { bucket: 'orders-terraform-state', region: 'us-east-1', key: 'orders/dev/dev-cluster.tfstate' } },
    });
  });

  test('stacks exchange values only through their named outputs, not cdktf cross-stack references', () => {
    expect(Object.keys(defaults.network.output ?? {})).not.toContainEqual(expect.stringMatching(/cross-stack/));
    expect(Object.keys(defaults.cluster.output ?? {})).not.toContainEqual(expect.stringMatching(/cross-stack/));
    expect(JSON.stringify(defaults.service)).not.toMatch(/cross-stack-output/);
  });
});

describe('data sources', () => {
  test('no data source is read when the account is configured', () => {
    for (const stack of [withAccount.network, withAccount.cluster]) {
      expect(stack.data).toBeUndefined();
    }
    expect(Object.keys(withAccount.service.data ?? {})).toEqual(['terraform_remote_state']);
  });
});

describe('policies', () => {
  test('every IAM policy document is valid JSON with a version', () => {
    const documents = all.flatMap((stack) => [
      ...bodiesOf(stack, 'aws_iam_role').map((role) => role.assume_role_policy),
      ...bodiesOf(stack, 'aws_iam_role_policy').map((policy) => policy.policy),
      ...bodiesOf(stack, 'aws_kms_key').map((key) => key.policy),
    ]);
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(parseJson(document).Version).toBe('2012-10-17');
    }
  });
});
