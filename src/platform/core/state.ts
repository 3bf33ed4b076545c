import {
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStateS3,
  LocalBackend,
  S3Backend,
  TerraformBackend,
  TerraformRemoteState,
  TerraformStack,
} from 'cdktf';
import { Construct } from 'constructs';
import type { S3StateConfig, StateConfig } from '../contract/config';

/** File name of a stack's local state, inside the stack's working directory. */
export function localStateFileName(stack: string): string {
  return `terraform.${stack}.tfstate`;
}

/** Path of another stack's local state, relative to a stack's working directory. */
export function localStatePathFromSibling(stack: string): string {
  return `../${stack}/${localStateFileName(stack)}`;
}

/** Object key of a stack's state in the state bucket: `<keyPrefix>/<environment>/<stack>.tfstate`. */
export function s3StateKey(state: S3StateConfig, stack: string): string {
  return `${state.environmentKeyPrefix}/${stack}.tfstate`;
}

/**
 * Points a stack's state at the configured backend. Paths are relative to the stack's working
 * directory (`cdktf.out/stacks/<stack>`), never absolute, so the synthesized files do not depend
 * on where they were synthesized.
 */
export function configureStateBackend(stack: TerraformStack, state: StateConfig): TerraformBackend {
  const name = stack.node.id;
  if (state.backend === 'local') {
    return new LocalBackend(stack, { path: localStateFileName(name) });
  }
  // No `encrypt`: with it and no `kms_key_id`, Terraform asks for SSE-S3 on every write and so
  // overrides the bucket's default encryption with its customer managed key (bootstrap stack).
  const backend = new S3Backend(stack, {
    bucket: state.bucket,
    region: state.region,
    key: s3StateKey(state, name),
  });
  // Native S3 locking; cdktf 0.21 has no property for it yet.
  backend.addOverride('use_lockfile', true);
  return backend;
}

/**
 * The outputs of another stack of the same environment, read from its state.
 *
 * Stacks exchange values only through explicitly named outputs and this reader, instead of
 * cdktf's automatic cross-stack references, which write absolute paths of the synthesizing
 * machine into the configuration.
 */
export class UpstreamOutputs extends Construct {
  /** The `terraform_remote_state` data source. */
  public readonly remoteState: TerraformRemoteState;

  /**
   * @param scope the consuming stack (or a construct in it)
   * @param id construct id; also the data source's logical id
   * @param state where the environment keeps state
   * @param producer name of the stack whose outputs are read
   */
  constructor(scope: Construct, id: string, state: StateConfig, producer: string) {
    super(scope, id);
    this.remoteState = state.backend === 'local'
      ? new DataTerraformRemoteStateLocal(this, 'state', { path: localStatePathFromSibling(producer) })
      : new DataTerraformRemoteStateS3(this, 'state', { bucket: state.bucket, region: state.region, key: s3StateKey(state, producer) });
    this.remoteState.overrideLogicalId(id);
  }

  /** A string output. */
  public string(output: string): string {
    return this.remoteState.getString(output);
  }

  /** A list-of-strings output. */
  public list(output: string): string[] {
    return this.remoteState.getList(output);
  }

  /** One entry of a map output; fails at plan time when the key is missing. */
  public mapEntry(output: string, key: string): string {
    // Attribute syntax keeps quotes out of the expression, so JSON documents embedding it stay
    // readable as JSON before Terraform evaluates them.
    const access = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    return this.remoteState.getString(`${output}${access}`);
  }
}
