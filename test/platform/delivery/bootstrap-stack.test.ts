import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { environmentStacksInOrder } from '../../../src/platform/core/stack-order';
import { OfflineTerraform, PlanJson, readStackJson, SynthesizedStack, synthPlatform } from '../../../src/platform/testing';
import { deploymentConfig, DEPLOYMENTS, FULL_FEATURE_DEPLOYMENT } from '../support/deployment-configs';

// The bootstrap stacks are planned offline by Terraform with the real hashicorp/aws provider.
// Without Terraform these tests fail.

const root = mkdtempSync(join(tmpdir(), 'bootstrap-stack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const twoAccounts = synthPlatform(deploymentConfig(DEPLOYMENTS.githubRolling), join(root, 'two-accounts'));
const oneAccount = synthPlatform(deploymentConfig(DEPLOYMENTS.immutableSubjects, { sameAccount: true }), join(root, 'one-account'));
const fullFeatures = synthPlatform(FULL_FEATURE_DEPLOYMENT, join(root, 'full-features'));
const plans: Record<string, PlanJson> = {};

async function planStack(stack: SynthesizedStack): Promise<PlanJson> {
  const terraform = new OfflineTerraform(stack.dir);
  await terraform.initAsync();
  return (await terraform.validateAndPlanAsync()).plan;
}

beforeAll(async () => {
  const stacks = [...twoAccounts, ...oneAccount, ...fullFeatures].filter((stack) => stack.name.startsWith('bootstrap'));
  const results = await Promise.all(stacks.map(async (stack) => [`${stack.dir}`, await planStack(stack)] as const));
  for (const [dir, result] of results) {
    plans[dir] = result;
  }
}, 15 * 60_000);

function planOf(stacks: SynthesizedStack[], name: string): PlanJson {
  return plans[stacks.find((stack) => stack.name === name)!.dir];
}

function created(plan: PlanJson, type: string): Array<Record<string, any>> {
  return plan.resource_changes.filter((change) => change.type === type && change.change.actions.includes('create')).map((change) => change.change.after!);
}

/** The trust policy as synthesized: it names the OIDC provider, whose ARN the plan does not know yet. */
function trustOf(stacks: SynthesizedStack[], stackName: string, roleName: string): any {
  const roles = readStackJson(stacks.find((stack) => stack.name === stackName)!.dir).resource!.aws_iam_role;
  return JSON.parse(String(Object.values(roles).find((role) => role.name === roleName)!.assume_role_policy)).Statement[0];
}

function bucketPolicyOf(stacks: SynthesizedStack[], stackName: string): any[] {
  const policies = readStackJson(stacks.find((stack) => stack.name === stackName)!.dir).resource!.aws_s3_bucket_policy;
  return JSON.parse(String(Object.values(policies)[0].policy)).Statement;
}

describe('bootstrap stacks', () => {
  test('one per account, named after it when there are several', () => {
    expect(twoAccounts.map((stack) => stack.name).filter((name) => name.startsWith('bootstrap'))).toEqual(['bootstrap-111122223333', 'bootstrap-444455556666']);
    expect(oneAccount.map((stack) => stack.name).filter((name) => name.startsWith('bootstrap'))).toEqual(['bootstrap']);
  });

  test('plan only creations', () => {
    for (const plan of Object.values(plans)) {
      expect([...new Set(plan.resource_changes.filter((change) => change.mode === 'managed').flatMap((change) => change.change.actions))]).toEqual(['create']);
    }
  });

  test('no bootstrap stack without a repository', () => {
    const stacks = synthPlatform(deploymentConfig({}), join(root, 'none'));
    expect(stacks.map((stack) => stack.name).filter((name) => name.startsWith('bootstrap'))).toEqual([]);
  });
});

describe('state bucket', () => {
  const plan = () => planOf(oneAccount, 'bootstrap');

  test('is the configured bucket, versioned, encrypted with its own key and bucket keys, with public access blocked', () => {
    expect(created(plan(), 'aws_s3_bucket').map((bucket) => bucket.bucket)).toEqual(['orders-terraform-state']);
    expect(created(plan(), 'aws_s3_bucket_versioning')[0].versioning_configuration).toEqual([expect.objectContaining({ status: 'Enabled' })]);
    const rule = created(plan(), 'aws_s3_bucket_server_side_encryption_configuration')[0].rule[0];
    expect(rule.apply_server_side_encryption_by_default[0].sse_algorithm).toBe('aws:kms');
    expect(rule.bucket_key_enabled).toBe(true);
    expect(created(plan(), 'aws_s3_bucket_public_access_block')[0]).toEqual(expect.objectContaining({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    }));
  });

  test('its key rotates and only the account administers it', () => {
    const [key] = created(plan(), 'aws_kms_key');
    expect(key.enable_key_rotation).toBe(true);
    expect(JSON.parse(key.policy).Statement).toEqual([expect.objectContaining({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*' })]);
  });

  test('its key admits the other accounts\' delivery roles through S3 only', () => {
    const [key] = created(planOf(twoAccounts, 'bootstrap-111122223333'), 'aws_kms_key');
    expect(JSON.parse(key.policy).Statement[1]).toEqual(expect.objectContaining({
      Principal: { AWS: ['arn:aws:iam::444455556666:root'] },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Condition: {
        ArnEquals: { 'aws:PrincipalArn': ['arn:aws:iam::444455556666:role/delivery/orders-prod-github-deploy', 'arn:aws:iam::444455556666:role/delivery/orders-prod-github-plan'] },
        StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
      },
    }));
  });

  test('refuses writes that ask for another encryption than its key', () => {
    const statement = bucketPolicyOf(oneAccount, 'bootstrap').find((candidate) => candidate.Sid === 'DenyOtherEncryptionThanTheStateKey');
    expect(statement).toEqual(expect.objectContaining({
      Effect: 'Deny',
      Action: 's3:PutObject',
      Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' }, Null: { 's3:x-amz-server-side-encryption': 'false' } },
    }));
  });

  test('refuses plain HTTP', () => {
    const policies = readStackJson(oneAccount.find((stack) => stack.name === 'bootstrap')!.dir).resource!.aws_s3_bucket_policy;
    const statement = JSON.parse(String(Object.values(policies)[0].policy)).Statement[0];
    expect(statement).toEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  test('lets the other accounts\' roles use their own environment\'s state: plan roles read and lock, deploy roles read and write', () => {
    const statements = bucketPolicyOf(twoAccounts, 'bootstrap-111122223333');
    const sid = (name: string) => statements.find((statement) => statement.Sid === name);
    const roles = ['arn:aws:iam::444455556666:role/delivery/orders-prod-github-deploy', 'arn:aws:iam::444455556666:role/delivery/orders-prod-github-plan'];
    expect(sid('ReadStateprod')).toEqual(expect.objectContaining({
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 's3:GetObject',
      Condition: { ArnEquals: { 'aws:PrincipalArn': roles } },
    }));
    expect(sid('ReadStateprod').Resource).toMatch(/\/orders\/prod\/\*$/);
    expect(sid('WriteStateprod').Condition).toEqual({ ArnEquals: { 'aws:PrincipalArn': [roles[0]] } });
    expect(sid('LockStateprod')).toEqual(expect.objectContaining({ Resource: expect.stringMatching(/\/orders\/prod\/\*\.tflock$/), Condition: { ArnEquals: { 'aws:PrincipalArn': [roles[1]] } } }));
    expect(sid('ListStateprod').Action).toBe('s3:ListBucket');
    expect(statements.map((statement) => statement.Sid)).not.toContain('ReadStatedev');
  });

  test('grants nothing across accounts when every environment is in one account', () => {
    expect(bucketPolicyOf(oneAccount, 'bootstrap').map((statement) => statement.Sid)).toEqual(['DenyInsecureTransport', 'DenyOtherEncryptionThanTheStateKey']);
  });

  test('is created by the first account\'s stack only', () => {
    expect(created(planOf(twoAccounts, 'bootstrap-111122223333'), 'aws_s3_bucket')).toHaveLength(1);
    expect(created(planOf(twoAccounts, 'bootstrap-444455556666'), 'aws_s3_bucket')).toHaveLength(0);
  });
});

describe('GitHub OIDC', () => {
  test('creates the token.actions.githubusercontent.com provider for the STS audience', () => {
    expect(created(planOf(oneAccount, 'bootstrap'), 'aws_iam_openid_connect_provider')).toEqual([expect.objectContaining({
      url: 'https://token.actions.githubusercontent.com',
      client_id_list: ['sts.amazonaws.com'],
    })]);
  });

  test('the deploy role of an environment that requires approval trusts only its GitHub Environment on the release branch', () => {
    const trust = trustOf(twoAccounts, 'bootstrap-444455556666', 'orders-prod-github-deploy');
    expect(trust.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(trust.Principal.Federated).toMatch(/^\$\{aws_iam_openid_connect_provider\./);
    expect(trust.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': ['repo:acme/orders:environment:prod:ref:refs/heads/main'],
      },
    });
  });

  test('the deploy role of an environment without approval trusts its GitHub Environment on any branch', () => {
    expect(trustOf(twoAccounts, 'bootstrap-111122223333', 'orders-dev-github-deploy').Condition.StringLike)
      .toEqual({ 'token.actions.githubusercontent.com:sub': ['repo:acme/orders:environment:dev:ref:refs/heads/*'] });
  });

  test('the plan role trusts pull requests and the release branch', () => {
    expect(trustOf(twoAccounts, 'bootstrap-111122223333', 'orders-dev-github-plan').Condition).toEqual({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:acme/orders:ref:refs/heads/main:ref:refs/heads/main', 'repo:acme/orders:pull_request:ref:refs/pull/*/merge'] },
    });
  });

  test('the plan role has no AWS managed policy (no ReadOnlyAccess)', () => {
    for (const plan of Object.values(plans)) {
      expect(created(plan, 'aws_iam_role_policy_attachment').map((attachment) => attachment.policy_arn).filter((arn) => arn !== undefined)).toEqual([]);
    }
  });

  test('with the numeric ids, the immutable subject is trusted too and the repository id is required', () => {
    const trust = trustOf(oneAccount, 'bootstrap', 'orders-prod-github-deploy');
    expect(trust.Condition.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': ['repo:acme/orders:environment:prod:ref:refs/heads/main', 'repo:acme@1234567/orders@89012345:environment:prod:ref:refs/heads/main'],
      'token.actions.githubusercontent.com:repository_id': '89012345',
    });
  });

  test('the one-time subject customization command is an output', () => {
    const outputs = readStackJson(oneAccount.find((stack) => stack.name === 'bootstrap')!.dir).output!;
    expect(outputs.github_oidc_subject_command.value).toBe(
      "gh api --method PUT repos/acme/orders/actions/oidc/customization/sub -F use_default=false -f 'include_claim_keys[]=repo' -f 'include_claim_keys[]=context' -f 'include_claim_keys[]=ref'",
    );
  });
});

describe('delivery roles', () => {
  test('every full-feature stack plans with the boundary, the deploy and plan roles and their policies', () => {
    const plan = planOf(fullFeatures, 'bootstrap-111122223333');
    expect(created(plan, 'aws_iam_policy').map((policy) => policy.name).sort()).toEqual(expect.arrayContaining(['orders-dev-deploy-1', 'orders-dev-plan-1', 'orders-dev-workload-boundary']));
    expect(created(plan, 'aws_iam_role').map((role) => `${role.path}${role.name}`).sort()).toEqual(['/delivery/orders-dev-github-deploy', '/delivery/orders-dev-github-plan']);
  });
});

describe('stack order', () => {
  const outdir = join(root, 'two-accounts');

  test('lists an environment\'s stacks in dependency order', () => {
    expect(environmentStacksInOrder(outdir, 'dev')).toEqual(['dev-network', 'dev-cluster', 'dev-service']);
  });

  test('keeps only the requested kinds, still in dependency order', () => {
    expect(environmentStacksInOrder(outdir, 'prod', ['cluster', 'network'])).toEqual(['prod-network', 'prod-cluster']);
  });

  test('fails with a message when a stack is missing', () => {
    expect(() => environmentStacksInOrder(outdir, 'dev', ['pipeline'])).toThrow('has no stack dev-pipeline');
  });
});
