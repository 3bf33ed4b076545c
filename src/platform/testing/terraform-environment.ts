import { createHash } from 'crypto';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { homedir, tmpdir } from 'os';
import { join } from 'path';

/** Access key the offline runs use; AWS never sees it. */
export const OFFLINE_ACCESS_KEY = 'AKIAOFFLINEPLAN00000';
/** Secret key the offline runs use. */
export const OFFLINE_SECRET_KEY = 'offline-plan-secret-key-not-used-for-any-request';

/** Directories that conventionally hold providers in filesystem-mirror layout, searched in order. */
export const CONVENTIONAL_PROVIDER_MIRRORS = [
  '/opt/tf-plugins',
  join(homedir(), '.terraform.d', 'plugins'),
  join(homedir(), '.local', 'share', 'terraform', 'plugins'),
  '/usr/local/share/terraform/plugins',
  '/usr/share/terraform/plugins',
];

/** The provider the stacks need, as a path in a filesystem mirror. */
const AWS_PROVIDER_MIRROR_PATH = join('registry.terraform.io', 'hashicorp', 'aws');

/** How the Terraform CLI finds the AWS provider. */
export type ProviderSource =
  | { readonly kind: 'cli-config'; readonly path: string }
  | { readonly kind: 'mirror'; readonly path: string; readonly cliConfig: string }
  | { readonly kind: 'registry' };

/** Shared provider cache: filled once, linked into every stack's `.terraform`. */
export function pluginCacheDir(): string {
  return join(tmpdir(), 'terraform-plugin-cache');
}

/**
 * Decides where providers come from: the CLI configuration `TF_CLI_CONFIG_FILE` names if that file
 * exists; otherwise a filesystem mirror holding hashicorp/aws (`TF_PROVIDER_MIRROR`, else the
 * first conventional mirror directory), through a generated CLI configuration; otherwise the
 * public registry.
 */
export function resolveProviderSource(env: NodeJS.ProcessEnv = process.env): ProviderSource {
  const configured = env.TF_CLI_CONFIG_FILE;
  if (configured && existsSync(configured)) {
    return { kind: 'cli-config', path: configured };
  }
  const candidates = env.TF_PROVIDER_MIRROR ? [env.TF_PROVIDER_MIRROR] : CONVENTIONAL_PROVIDER_MIRRORS;
  const mirror = candidates.find((dir) => existsSync(join(dir, AWS_PROVIDER_MIRROR_PATH)));
  if (mirror === undefined) {
    return { kind: 'registry' };
  }
  const configDir = join(tmpdir(), 'terraform-offline-cli');
  mkdirSync(configDir, { recursive: true });
  const cliConfig = join(configDir, `mirror-${createHash('sha256').update(mirror).digest('hex').slice(0, 12)}.tfrc`);
  writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
  return { kind: 'mirror', path: mirror, cliConfig };
}

/**
 * Environment of offline Terraform runs: no prompts, no version check, dummy credentials, no
 * instance metadata lookups, and the shared plugin cache.
 *
 * With an unpacked filesystem mirror Terraform symlinks the provider (mirror → cache → each
 * stack's `.terraform/providers`) instead of copying its 700 MB; from the registry, it downloads
 * once into the cache and links from there.
 */
export function offlineTerraformEnv(source: ProviderSource, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const cache = pluginCacheDir();
  mkdirSync(cache, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...base,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    TF_PLUGIN_CACHE_DIR: cache,
    // Stacks are initialized without a lock file; let them use the cache anyway.
    TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: 'true',
    AWS_ACCESS_KEY_ID: OFFLINE_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: OFFLINE_SECRET_KEY,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  for (const name of ['AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'TF_WORKSPACE']) {
    delete env[name];
  }
  if (source.kind === 'cli-config') {
    env.TF_CLI_CONFIG_FILE = source.path;
  } else if (source.kind === 'mirror') {
    env.TF_CLI_CONFIG_FILE = source.cliConfig;
  } else {
    // A variable naming a missing file only produces a warning on every command.
    delete env.TF_CLI_CONFIG_FILE;
  }
  return env;
}
