import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  checkStacksOffline,
  DEPENDENCY_LOCK_FILE,
  fixtureOutputs,
  OFFLINE_ACCOUNT_ID,
  OFFLINE_OVERRIDE_FILE,
  OfflineTerraform,
  offlineTerraformEnv,
  readManifest,
  resolveProviderSource,
  synthPlatform,
  writeUpstreamStates,
} from '../../../src/platform/testing';
import { CONFIGURED_ACCOUNT_ID, DEFAULT_CONFIG, MULTI_CONFIG, VARIANTS } from '../support/configs';

const scratch = mkdtempSync(join(tmpdir(), 'platform-harness-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const synth = (name: string, config = DEFAULT_CONFIG) => synthPlatform(config, join(scratch, name));

describe('readManifest', () => {
  const writeManifest = (name: string, stacks: Record<string, string[]>) => {
    const outdir = join(scratch, name);
    mkdirSync(outdir, { recursive: true });
    const entries = Object.fromEntries(Object.entries(stacks).map(([stack, dependencies]) => [stack, {
      name: stack, workingDirectory: `stacks/${stack}`, synthesizedStackPath: `stacks/${stack}/cdk.tf.json`, dependencies,
    }]));
    writeFileSync(join(outdir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: entries }));
    return outdir;
  };

  test('puts every stack after its dependencies', () => {
    const outdir = writeManifest('order', { a: ['c'], b: [], c: ['b'] });
    expect(readManifest(outdir).map((stack) => stack.name)).toEqual(['b', 'c', 'a']);
  });

  test('rejects dependency cycles', () => {
    const outdir = writeManifest('cycle', { a: ['b'], b: ['a'] });
    expect(() => readManifest(outdir)).toThrow(/cycle/);
  });
});

describe('provider source', () => {
  const mirror = join(scratch, 'mirror');
  mkdirSync(join(mirror, 'registry.terraform.io', 'hashicorp', 'aws'), { recursive: true });
  const emptyMirror = join(scratch, 'empty-mirror');
  mkdirSync(emptyMirror, { recursive: true });

  test('an existing TF_CLI_CONFIG_FILE is used as is', () => {
    const config = join(scratch, 'existing.tfrc');
    writeFileSync(config, '');
    expect(resolveProviderSource({ TF_CLI_CONFIG_FILE: config, TF_PROVIDER_MIRROR: mirror })).toEqual({ kind: 'cli-config', path: config });
  });

  test('a TF_CLI_CONFIG_FILE naming a missing file is ignored in favour of a mirror', () => {
    const source = resolveProviderSource({ TF_CLI_CONFIG_FILE: join(scratch, 'missing.tfrc'), TF_PROVIDER_MIRROR: mirror });
    expect(source).toEqual(expect.objectContaining({ kind: 'mirror', path: mirror }));
    const cliConfig = source.kind === 'mirror' ? readFileSync(source.cliConfig, 'utf-8') : '';
    if (source.kind === 'mirror') {
      rmSync(source.cliConfig);
    }
    expect(cliConfig).toContain(`filesystem_mirror {\n    path = ${JSON.stringify(mirror)}`);
  });

  test('without a mirror holding hashicorp/aws, Terraform uses the registry and the missing config file is unset', () => {
    const source = resolveProviderSource({ TF_PROVIDER_MIRROR: emptyMirror });
    expect(source).toEqual({ kind: 'registry' });
    expect(offlineTerraformEnv(source, { TF_CLI_CONFIG_FILE: join(scratch, 'missing.tfrc') })).not.toHaveProperty('TF_CLI_CONFIG_FILE');
  });

  test('the CLI runs with dummy credentials, without prompts or version checks, and with a shared plugin cache', () => {
    const env = offlineTerraformEnv({ kind: 'registry' }, { AWS_PROFILE: 'production', AWS_SESSION_TOKEN: 'real' });
    expect(env).toEqual(expect.objectContaining({
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      TF_PLUGIN_CACHE_DIR: join(tmpdir(), 'terraform-plugin-cache'),
      AWS_ACCESS_KEY_ID: expect.any(String),
      AWS_SECRET_ACCESS_KEY: expect.any(String),
    }));
    expect(env).not.toHaveProperty('AWS_PROFILE');
    expect(env).not.toHaveProperty('AWS_SESSION_TOKEN');
  });
});

describe('OfflineTerraform', () => {
  test('fails with a clear message when the Terraform CLI is missing', () => {
    const [network] = synth('missing-cli');
    const terraform = new OfflineTerraform(network.dir, { terraformBinary: 'terraform-that-is-not-installed' });
    expect(() => terraform.init()).toThrow(/terraform-that-is-not-installed\) was not found on PATH/);
  });

  test('the override skips AWS calls and the account allow-list of the provider', () => {
    const [network] = synth('override', VARIANTS.accountId);
    new OfflineTerraform(network.dir).writeOverride();
    const override = JSON.parse(readFileSync(join(network.dir, OFFLINE_OVERRIDE_FILE), 'utf-8'));
    expect(override.provider.aws).toEqual([expect.objectContaining({
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      access_key: expect.any(String),
      secret_key: expect.any(String),
      allowed_account_ids: null,
    })]);
    expect(override).not.toHaveProperty('terraform');
  });

  test('with S3 state, the override swaps the backend and the upstream reads for local files', () => {
    const service = synth('override-s3', VARIANTS.s3State)[2];
    new OfflineTerraform(service.dir).writeOverride();
    const override = JSON.parse(readFileSync(join(service.dir, OFFLINE_OVERRIDE_FILE), 'utf-8'));
    expect(override.terraform).toEqual({ backend: { local: { path: 'terraform.dev-service.tfstate' } } });
    expect(override.data.terraform_remote_state).toEqual({
      network: { backend: 'local', config: { path: '../dev-network/terraform.dev-network.tfstate' } },
      cluster: { backend: 'local', config: { path: '../dev-cluster/terraform.dev-cluster.tfstate' } },
    });
  });

  test('the lock file pins the providers of the stack, without checksums', () => {
    const [network] = synth('lock-file');
    expect(new OfflineTerraform(network.dir).writeLockFile()).toBe(true);
    const lock = readFileSync(join(network.dir, DEPENDENCY_LOCK_FILE), 'utf-8');
    expect(lock).toContain('provider "registry.terraform.io/hashicorp/aws" {\n  version     = "5.100.0"\n  constraints = "5.100.0"\n}');
    expect(lock).not.toContain('hashes');
  });

  test('a lock file the harness did not write is left as it is', () => {
    const [network] = synth('own-lock-file');
    const lockFile = join(network.dir, DEPENDENCY_LOCK_FILE);
    writeFileSync(lockFile, '# maintained by terraform init\n');
    expect(new OfflineTerraform(network.dir).writeLockFile()).toBe(false);
    expect(readFileSync(lockFile, 'utf-8')).toBe('# maintained by terraform init\n');
  });

  test('checks of every stack fail, and do not skip, when the Terraform CLI is missing', async () => {
    const stacks = synth('check-missing-cli');
    const checks = checkStacksOffline(stacks, DEFAULT_CONFIG, { terraformBinary: 'terraform-that-is-not-installed' });
    expect([...checks.keys()]).toEqual(['dev-network', 'dev-cluster', 'dev-service']);
    for (const check of checks.values()) {
      await expect(check.validation).rejects.toThrow(/was not found on PATH/);
      await expect(check.plan).rejects.toThrow(/was not found on PATH/);
    }
  });

  test('passes only the variables a stack declares', () => {
    const [network, , service] = synth('variables');
    expect(new OfflineTerraform(network.dir).planVariables()).toEqual({ account_id: OFFLINE_ACCOUNT_ID });
    expect(new OfflineTerraform(service.dir).planVariables()).toEqual({ account_id: OFFLINE_ACCOUNT_ID, image_tag: 'offline-plan' });
    const [accountNetwork] = synth('variables-account', VARIANTS.accountId);
    expect(new OfflineTerraform(accountNetwork.dir).planVariables()).toEqual({});
  });
});

describe('upstream state fixtures', () => {
  const stacks = synth('fixtures', MULTI_CONFIG);
  const byName = (name: string) => stacks.find((stack) => stack.name === name)!;

  test('the network fixture has one subnet id per synthesized subnet', () => {
    const outputs = fixtureOutputs(byName('prod-network'), MULTI_CONFIG);
    expect(outputs.vpc_id).toMatch(/^vpc-0[0-9a-f]{16}$/);
    expect(outputs.public_subnet_ids).toEqual([expect.stringMatching(/^subnet-0[0-9a-f]{16}$/), expect.any(String), expect.any(String)]);
    expect(outputs.private_subnet_ids).toHaveLength(3);
    expect(outputs.availability_zones).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  test('the cluster fixture has a repository per built service, in the environment\'s region and account', () => {
    expect(fixtureOutputs(byName('dev-cluster'), MULTI_CONFIG)).toEqual(expect.objectContaining({
      cluster_arn: `arn:aws:ecs:us-east-1:${OFFLINE_ACCOUNT_ID}:cluster/orders-dev`,
      ecr_repository_urls: {
        orders: `${OFFLINE_ACCOUNT_ID}.dkr.ecr.us-east-1.amazonaws.com/orders-dev/orders`,
        billing: `${OFFLINE_ACCOUNT_ID}.dkr.ecr.us-east-1.amazonaws.com/orders-dev/billing`,
      },
    }));
    expect(fixtureOutputs(byName('prod-cluster'), MULTI_CONFIG).log_group_arn).toBe(`arn:aws:logs:eu-west-1:${CONFIGURED_ACCOUNT_ID}:log-group:/ecs/orders-prod`);
  });

  test('are written as version 4 states where the consumer reads them', () => {
    const written = writeUpstreamStates(byName('dev-service'), stacks, MULTI_CONFIG);
    const networkState = join(byName('dev-network').dir, 'terraform.dev-network.tfstate');
    expect(written.sort()).toEqual([join(byName('dev-cluster').dir, 'terraform.dev-cluster.tfstate'), networkState]);
    const state = JSON.parse(readFileSync(networkState, 'utf-8'));
    expect(state).toEqual(expect.objectContaining({ version: 4, resources: [] }));
    expect(state.outputs.private_subnet_ids).toEqual({ value: expect.any(Array), type: ['tuple', ['string', 'string']] });
  });

  test('never overwrite a real state', () => {
    const network = byName('prod-network');
    const statePath = join(network.dir, 'terraform.prod-network.tfstate');
    writeFileSync(statePath, JSON.stringify({ version: 4, lineage: '2f0c1f7e-real' }));
    expect(() => writeUpstreamStates(byName('prod-service'), stacks, MULTI_CONFIG)).toThrow(/real Terraform state/);
    expect(existsSync(statePath)).toBe(true);
    expect(JSON.parse(readFileSync(statePath, 'utf-8')).lineage).toBe('2f0c1f7e-real');
  });
});
