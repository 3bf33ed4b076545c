/**
 * Where Terraform keeps the state of the stacks.
 */
export interface TerraformStateOptions {
  /**
   * S3 bucket holding the state, with native S3 locking (`use_lockfile`). When unset, state is kept
   * in local files next to each stack (fine for trying things out, not for a team).
   * @default - local state files
   */
  readonly bucket?: string;

  /**
   * Region of the state bucket.
   * @default - the project's `region`
   */
  readonly region?: string;

  /**
   * Prefix of the state object keys: `<keyPrefix>/<environment>/<stack>.tfstate` (stacks are named
   * `<environment>-network` etc.); each environment's roles reach only their own environment's keys.
   * @default - the resource prefix of the project
   */
  readonly keyPrefix?: string;
}
