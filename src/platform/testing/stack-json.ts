import { readFileSync } from 'fs';
import { join, posix } from 'path';
import { localStateFileName, localStatePathFromSibling } from '../core/state';

/** The parts of a synthesized `cdk.tf.json` the harness reads. */
export interface StackJson {
  readonly terraform?: {
    readonly backend?: Record<string, Record<string, unknown>>;
    readonly required_providers?: Record<string, { readonly source?: string; readonly version?: string }>;
  };
  readonly provider?: { readonly aws?: Array<{ readonly alias?: string }> };
  readonly variable?: Record<string, { readonly default?: unknown }>;
  readonly output?: Record<string, { readonly value: unknown }>;
  readonly data?: {
    readonly terraform_remote_state?: Record<string, { readonly backend: string; readonly config: Record<string, unknown> }>;
  };
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
}

/** A stack whose outputs another stack reads through `terraform_remote_state`. */
export interface UpstreamReference {
  /** Logical id of the `terraform_remote_state` data source. */
  readonly dataSource: string;
  /** Name of the producing stack. */
  readonly stack: string;
  /** Backend the data source reads. */
  readonly backend: string;
  /**
   * Path, relative to the consumer's working directory, of the producer's local state: the state
   * itself with local state, the stand-in offline runs read instead of S3 otherwise.
   */
  readonly localPath: string;
}

/** Reads the `cdk.tf.json` of a stack working directory. */
export function readStackJson(dir: string): StackJson {
  return JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf-8')) as StackJson;
}

/** The stacks a stack reads outputs from, found through its `terraform_remote_state` data sources. */
export function upstreamReferences(stack: StackJson): UpstreamReference[] {
  return Object.entries(stack.data?.terraform_remote_state ?? {}).map(([dataSource, remote]) => {
    const location = String(remote.backend === 'local' ? remote.config.path : remote.config.key);
    const file = posix.basename(location);
    const producer = remote.backend === 'local' ? file.replace(/^terraform\./, '').replace(/\.tfstate$/, '') : file.replace(/\.tfstate$/, '');
    return {
      dataSource,
      stack: producer,
      backend: remote.backend,
      localPath: remote.backend === 'local' ? String(remote.config.path) : localStatePathFromSibling(producer),
    };
  });
}

/** Path of the local state a stack uses in offline runs, relative to its working directory. */
export function offlineStatePath(stack: StackJson, name: string): string {
  const local = stack.terraform?.backend?.local;
  return typeof local?.path === 'string' ? local.path : localStateFileName(name);
}

/** A provider a stack requires at one exact version, as a dependency lock file records it. */
export interface PinnedProvider {
  /** Fully qualified source address, e.g. `registry.terraform.io/hashicorp/aws`. */
  readonly address: string;
  /** The exact version, e.g. `5.100.0`. */
  readonly version: string;
}

/**
 * The providers of a stack when every one of them is pinned to an exact version (as cdktf's
 * provider bindings pin them); `undefined` when any is not, since only `terraform init` can then
 * choose the version.
 */
export function pinnedProviders(stack: StackJson): PinnedProvider[] | undefined {
  const pinned: PinnedProvider[] = [];
  for (const [name, requirement] of Object.entries(stack.terraform?.required_providers ?? {})) {
    const version = /^\s*=?\s*(\d+\.\d+\.\d+)\s*$/.exec(requirement.version ?? '')?.[1];
    if (version === undefined) {
      return undefined;
    }
    const parts = (requirement.source ?? name).toLowerCase().split('/');
    const address = parts.length === 1 ? `registry.terraform.io/hashicorp/${parts[0]}`
      : parts.length === 2 ? `registry.terraform.io/${parts.join('/')}` : parts.join('/');
    pinned.push({ address, version });
  }
  return pinned;
}
