import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { deploymentConfig, DEPLOYMENTS } from './support/deployment-configs';
import { environmentStacksInOrder, main } from '../../src/platform/stack-order';
import { OfflineTerraform, PlanJson, readStackJson, SynthesizedStack, synthPlatform } from '../../src/platform/testing';

// The bootstrap stacks are planned offline by Terraform with the real hashicorp/aws provider.
// Without Terraform these tests fail.

const root = mkdtempSync(join(tmpdir(), 'bootstrap-stack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const twoAccounts = synthPlatform(deploymentConfig(DEPLOYMENTS.githubRolling), join(root, 'two-accounts'));
const oneAccount = synthPlatform(deploymentConfig(DEPLOYMENTS.immutableSubjects, { sameAccount: true }), join(root, 'one-account'));
const plans: Record<string, PlanJson> = {};

async function planStack(stack: SynthesizedStack): Promise<PlanJson> {
  const terraform = new OfflineTerraform(stack.dir);
  await terraform.initAsync();
  await terraform.validateAsync();
  return terraform.planAsync();
}

beforeAll(async () => {
  const stacks = [...twoAccounts, ...oneAccount].filter((stack) => stack.name.startsWith('bootstrap'));
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

  test('is the configured bucket, versioned, encrypted, with public access blocked', () => {
    expect(created(plan(), 'aws_s3_bucket').map((bucket) => bucket.bucket)).toEqual(['orders-terraform-state']);
    expect(created(plan(), 'aws_s3_bucket_versioning')[0].versioning_configuration).toEqual([expect.objectContaining({ status: 'Enabled' })]);
    expect(created(plan(), 'aws_s3_bucket_server_side_encryption_configuration')[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm).toBe('AES256');
    expect(created(plan(), 'aws_s3_bucket_public_access_block')[0]).toEqual(expect.objectContaining({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    }));
  });

  test('refuses plain HTTP', () => {
    const policies = readStackJson(oneAccount.find((stack) => stack.name === 'bootstrap')!.dir).resource!.aws_s3_bucket_policy;
    const statement = JSON.parse(String(Object.values(policies)[0].policy)).Statement[0];
    expect(statement).toEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  test('lets the other accounts\' roles use it: plan roles read, deploy roles read and write, under the key prefix', () => {
    const policies = readStackJson(twoAccounts.find((stack) => stack.name === 'bootstrap-111122223333')!.dir).resource!.aws_s3_bucket_policy;
    const statements: any[] = JSON.parse(String(Object.values(policies)[0].policy)).Statement;
    const sid = (name: string) => statements.find((statement) => statement.Sid === name);
    expect(sid('OtherAccountsReadState')).toEqual(expect.objectContaining({
      Principal: { AWS: ['arn:aws:iam::444455556666:root'] },
      Action: 's3:GetObject',
      Condition: { ArnEquals: { 'aws:PrincipalArn': ['arn:aws:iam::444455556666:role/orders-prod-github-deploy', 'arn:aws:iam::444455556666:role/orders-prod-github-plan'] } },
    }));
    expect(sid('OtherAccountsReadState').Resource).toMatch(/\/orders\/\*$/);
    expect(sid('OtherAccountsWriteState').Condition).toEqual({ ArnEquals: { 'aws:PrincipalArn': ['arn:aws:iam::444455556666:role/orders-prod-github-deploy'] } });
    expect(sid('OtherAccountsListState').Action).toBe('s3:ListBucket');
  });

  test('grants nothing across accounts when every environment is in one account', () => {
    const policies = readStackJson(oneAccount.find((stack) => stack.name === 'bootstrap')!.dir).resource!.aws_s3_bucket_policy;
    const statements: any[] = JSON.parse(String(Object.values(policies)[0].policy)).Statement;
    expect(statements.map((statement) => statement.Sid)).toEqual(['DenyInsecureTransport']);
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

  test('the deploy role trusts only the repository\'s GitHub Environment of the same name', () => {
    const trust = trustOf(twoAccounts, 'bootstrap-444455556666', 'orders-prod-github-deploy');
    expect(trust.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(trust.Principal.Federated).toMatch(/^\$\{aws_iam_openid_connect_provider\./);
    expect(trust.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': ['repo:acme/orders:environment:prod'],
      },
    });
  });

  test('the plan role trusts pull requests and the release branch, and is read-only', () => {
    const plan = planOf(twoAccounts, 'bootstrap-111122223333');
    expect(trustOf(twoAccounts, 'bootstrap-111122223333', 'orders-dev-github-plan').Condition.StringEquals['token.actions.githubusercontent.com:sub'])
      .toEqual(['repo:acme/orders:pull_request', 'repo:acme/orders:ref:refs/heads/main']);
    expect(created(plan, 'aws_iam_role_policy_attachment').map((attachment) => attachment.policy_arn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  test('with the numeric ids, the immutable subject is trusted too and the repository id is required', () => {
    const trust = trustOf(oneAccount, 'bootstrap', 'orders-dev-github-deploy');
    expect(trust.Condition.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': ['repo:acme/orders:environment:dev', 'repo:acme@1234567/orders@89012345:environment:dev'],
      'token.actions.githubusercontent.com:repository_id': '89012345',
    });
  });

  test('the deploy role may manage only this project\'s IAM roles', () => {
    const policy = JSON.parse(created(planOf(twoAccounts, 'bootstrap-111122223333'), 'aws_iam_role_policy').find((candidate) => candidate.name === 'deploy-stacks')!.policy);
    const iam = policy.Statement.find((statement: any) => statement.Sid === 'ManageEnvironmentRoles');
    expect(iam.Resource).toBe('arn:aws:iam::111122223333:role/orders-dev-*');
    expect(policy.Statement.find((statement: any) => statement.Sid === 'ReadWriteStateAndLocks').Resource).toBe('arn:aws:s3:::orders-terraform-state/orders/*');
  });
});

describe('stack order command', () => {
  const outdir = join(root, 'two-accounts');

  test('lists an environment\'s stacks in dependency order', () => {
    expect(environmentStacksInOrder(outdir, 'dev')).toEqual(['dev-network', 'dev-cluster', 'dev-service']);
  });

  test('keeps only the requested kinds, still in dependency order', () => {
    expect(environmentStacksInOrder(outdir, 'prod', ['cluster', 'network'])).toEqual(['prod-network', 'prod-cluster']);
  });

  test('fails with a message when a stack is missing', () => {
    const errors: string[] = [];
    expect(main([outdir, 'dev', 'pipeline'], () => undefined, (line) => errors.push(line))).toBe(1);
    expect(errors).toEqual([expect.stringContaining('no stack dev-pipeline')]);
  });
});
