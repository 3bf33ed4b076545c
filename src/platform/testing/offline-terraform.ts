import { spawn, spawnSync } from 'child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { parsePlanStream, PlanStream } from './plan-stream';
import { pinnedProviders, readStackJson, StackJson, upstreamReferences } from './stack-json';
import { OFFLINE_ACCESS_KEY, OFFLINE_SECRET_KEY, offlineTerraformEnv, ProviderSource, resolveProviderSource } from './terraform-environment';
import type { PlanJson, TerraformDiagnostic, ValidateResult } from './terraform-json';
import { ACCOUNT_ID_VARIABLE, IMAGE_TAG_VARIABLE } from '../contract/stack-interface';
import { localStateFileName } from '../core/state';

/** Account id offline plans assume when the configuration names none. */
export const OFFLINE_ACCOUNT_ID = '123456789012';
/** Image tag offline plans pass for the `image_tag` variable. */
export const OFFLINE_IMAGE_TAG = 'offline-plan';
/** Override file the harness writes into a stack's working directory. */
export const OFFLINE_OVERRIDE_FILE = 'zz_offline_override.tf.json';
/** Dependency lock file of a Terraform working directory. */
export const DEPENDENCY_LOCK_FILE = '.terraform.lock.hcl';
/** First line of the lock files the harness writes; it never overwrites a lock file without it. */
export const OFFLINE_LOCK_FILE_HEADER = '# Written by the offline Terraform harness: the pinned providers, without checksums.';
const PLAN_FILE = 'offline.tfplan';
const OUTPUT_LIMIT = 256 * 1024 * 1024;

/** Options of {@link OfflineTerraform}. */
export interface OfflineTerraformOptions {
  /**
   * Variable values; only those the stack declares are passed.
   * @default - `account_id` = {@link OFFLINE_ACCOUNT_ID}, `image_tag` = {@link OFFLINE_IMAGE_TAG}
   */
  readonly variables?: Record<string, string>;
  /** Terraform executable. @default "terraform" */
  readonly terraformBinary?: string;
  /** Where the provider comes from. @default - {@link resolveProviderSource} */
  readonly providerSource?: ProviderSource;
  /**
   * AWS API endpoints by provider service key (e.g. `ecr`, `logs`), for plans that must read
   * resources, such as those with `import` blocks, from a local fake.
   * @default - none: the plan reads nothing from AWS
   */
  readonly endpoints?: Record<string, string>;
}

interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let pluginCacheReady: Promise<void> | undefined;

/**
 * Terraform, with the real AWS provider but without AWS, in one synthesized stack's working
 * directory: validates and plans with dummy credentials, the account id passed as a variable, S3
 * state swapped for local files, and upstream outputs read from fixture state files
 * (see `writeUpstreamStates`).
 *
 * Every method has a synchronous form and an `…Async` form for running stacks in parallel.
 */
export class OfflineTerraform {
  /** The stack's working directory. */
  public readonly dir: string;
  /** The stack name (the directory's name). */
  public readonly stackName: string;
  private readonly binary: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly variables: Record<string, string>;
  private readonly endpoints?: Record<string, string>;

  constructor(dir: string, options: OfflineTerraformOptions = {}) {
    this.dir = dir;
    this.stackName = basename(dir);
    this.binary = options.terraformBinary ?? 'terraform';
    this.env = offlineTerraformEnv(options.providerSource ?? resolveProviderSource());
    this.endpoints = options.endpoints;
    this.variables = {
      [ACCOUNT_ID_VARIABLE]: OFFLINE_ACCOUNT_ID,
      [IMAGE_TAG_VARIABLE]: OFFLINE_IMAGE_TAG,
      ...options.variables,
    };
  }

  /**
   * Writes the offline override and the lock file (see {@link OfflineTerraform.writeLockFile}) and
   * runs `terraform init`, which then only links the provider from the shared plugin cache.
   */
  public init(): void {
    this.writeOverride();
    const locked = this.writeLockFile();
    if (locked && this.run(this.initArgs(true)).status === 0) {
      return;
    }
    this.removeOwnLockFile();
    const first = this.run(this.initArgs(false));
    // Another process may be filling the shared plugin cache at the same moment; once more then.
    this.check(first.status === 0 ? first : this.run(this.initArgs(false)), 'init');
  }

  /** {@inheritDoc OfflineTerraform.init} */
  public async initAsync(): Promise<void> {
    this.writeOverride();
    const locked = this.writeLockFile();
    if (pluginCacheReady === undefined) {
      // The first init fills the shared plugin cache, which is not safe for concurrent writers;
      // later ones wait for it.
      const first = this.initWithAsync(locked);
      pluginCacheReady = first.then(() => undefined, () => undefined);
      this.check(await first, 'init');
      return;
    }
    await pluginCacheReady;
    this.check(await this.initWithAsync(locked), 'init');
  }

  /**
   * Writes `.terraform.lock.hcl` selecting the exact versions the stack pins, without checksums,
   * unless the directory has a lock file the harness did not write or a provider is not pinned.
   *
   * Without checksums Terraform does not hash the 700 MB AWS provider again on every command
   * (about a second of CPU each). It trusts what it installs, as an init without a lock file does:
   * the harness reads providers from a local filesystem mirror or plugin cache.
   *
   * @returns whether the lock file is in place
   */
  public writeLockFile(): boolean {
    const file = join(this.dir, DEPENDENCY_LOCK_FILE);
    const providers = pinnedProviders(this.stackJson());
    if (providers === undefined || (existsSync(file) && !this.ownsLockFile())) {
      return false;
    }
    const entries = providers.map((provider) =>
      `provider ${JSON.stringify(provider.address)} {\n  version     = ${JSON.stringify(provider.version)}\n  constraints = ${JSON.stringify(provider.version)}\n}\n`);
    writeFileSync(`${file}.tmp`, [`${OFFLINE_LOCK_FILE_HEADER}\n`, ...entries].join('\n'));
    renameSync(`${file}.tmp`, file);
    return true;
  }

  /**
   * Runs `terraform validate`.
   * @throws with the diagnostics when the configuration is invalid
   */
  public validate(): ValidateResult {
    return this.parseValidation(this.run(['validate', '-json', '-no-color']));
  }

  /** {@inheritDoc OfflineTerraform.validate} */
  public async validateAsync(): Promise<ValidateResult> {
    return this.parseValidation(await this.runAsync(['validate', '-json', '-no-color']));
  }

  /**
   * Runs `terraform plan` into a plan file and returns the plan as JSON (`terraform show -json`).
   * @throws with Terraform's output when planning fails
   */
  public plan(): PlanJson {
    this.check(this.run(this.planArgs()), 'plan');
    return this.parsePlan(this.run(['show', '-json', '-no-color', PLAN_FILE]));
  }

  /** {@inheritDoc OfflineTerraform.plan} */
  public async planAsync(): Promise<PlanJson> {
    this.check(await this.runAsync(this.planArgs()), 'plan');
    return this.parsePlan(await this.runAsync(['show', '-json', '-no-color', PLAN_FILE]));
  }

  /**
   * Plans, and reads the validation from the plan when it succeeds (Terraform validates the
   * configuration before planning): one Terraform command fewer than `validateAsync` then
   * `planAsync`. When planning fails, `terraform validate` tells whether the configuration is invalid.
   * @throws with the diagnostics of an invalid configuration, else with the plan's output
   */
  public async validateAndPlanAsync(): Promise<{ validation: ValidateResult; plan: PlanJson }> {
    try {
      const plan = await this.planAsync();
      return { validation: { valid: true, error_count: 0, warning_count: 0, diagnostics: [] }, plan };
    } catch (planError) {
      await this.validateAsync();
      throw planError;
    }
  }

  /**
   * Runs `terraform plan -json` and returns what it plans to change, without values: one
   * Terraform command instead of two ({@link OfflineTerraform.planAsync} adds `terraform show`),
   * for checks of what a stack creates, changes or destroys.
   * @throws with Terraform's output when planning fails
   */
  public async planChangesAsync(): Promise<PlanStream> {
    const result = await this.runAsync([...this.planArgs(), '-json']);
    const stream = parsePlanStream(result.stdout);
    if (result.status !== 0) {
      const errors = stream.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      throw errors.length > 0
        ? new Error(`terraform plan failed in ${this.dir} (exit ${result.status}):\n${formatDiagnostics(errors)}`)
        : this.failure('plan', result);
    }
    return stream;
  }

  /** The variables passed to `plan`: the known values of the variables the stack declares. */
  public planVariables(): Record<string, string> {
    const declared = Object.keys(this.stackJson().variable ?? {});
    return Object.fromEntries(declared.filter((name) => name in this.variables).map((name) => [name, this.variables[name]]));
  }

  /**
   * Writes `zz_offline_override.tf.json`: dummy credentials and no AWS calls at provider start,
   * no account allow-list (the account id is never looked up), and local files instead of S3 for
   * the stack's state and the upstream states it reads.
   */
  public writeOverride(): void {
    const stack = this.stackJson();
    const override: Record<string, unknown> = { provider: { aws: this.providerOverrides(stack) } };
    if (stack.terraform?.backend?.s3 !== undefined) {
      override.terraform = { backend: { local: { path: localStateFileName(this.stackName) } } };
    }
    const s3Upstreams = upstreamReferences(stack).filter((upstream) => upstream.backend === 's3');
    if (s3Upstreams.length > 0) {
      override.data = {
        terraform_remote_state: Object.fromEntries(s3Upstreams.map((upstream) => [
          upstream.dataSource,
          { backend: 'local', config: { path: upstream.localPath } },
        ])),
      };
    }
    const file = join(this.dir, OFFLINE_OVERRIDE_FILE);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(override, undefined, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  }

  private stackJson(): StackJson {
    return readStackJson(this.dir);
  }

  private providerOverrides(stack: StackJson): Array<Record<string, unknown>> {
    const configured = stack.provider?.aws ?? [{}];
    return configured.map((provider) => ({
      ...(provider.alias !== undefined ? { alias: provider.alias } : {}),
      access_key: OFFLINE_ACCESS_KEY,
      secret_key: OFFLINE_SECRET_KEY,
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      // The provider checks the allow-list against the caller's account, which it no longer asks for.
      allowed_account_ids: null,
      ...(this.endpoints !== undefined ? { endpoints: [this.endpoints] } : {}),
      // A local fake of S3 answers at one host name: buckets in the path, not in the host.
      ...(this.endpoints?.s3 !== undefined ? { s3_use_path_style: true } : {}),
    }));
  }

  private initArgs(locked: boolean): string[] {
    return ['init', '-input=false', '-no-color', '-reconfigure', ...(locked ? ['-lockfile=readonly'] : [])];
  }

  private async initWithAsync(locked: boolean): Promise<CommandResult> {
    if (locked) {
      const result = await this.runAsync(this.initArgs(true));
      if (result.status === 0) {
        return result;
      }
    }
    // Not pinned, or the provider could not be linked as locked: a plain init chooses and records it.
    this.removeOwnLockFile();
    const result = await this.runAsync(this.initArgs(false));
    // Another process (a parallel test worker) may be filling the shared plugin cache; once more then.
    return result.status === 0 ? result : this.runAsync(this.initArgs(false));
  }

  private ownsLockFile(): boolean {
    const file = join(this.dir, DEPENDENCY_LOCK_FILE);
    return existsSync(file) && readFileSync(file, 'utf-8').startsWith(OFFLINE_LOCK_FILE_HEADER);
  }

  private removeOwnLockFile(): void {
    if (this.ownsLockFile()) {
      rmSync(join(this.dir, DEPENDENCY_LOCK_FILE));
    }
  }

  private planArgs(): string[] {
    const variables = Object.entries(this.planVariables()).flatMap(([name, value]) => ['-var', `${name}=${value}`]);
    return ['plan', '-input=false', '-lock=false', '-no-color', `-out=${PLAN_FILE}`, ...variables];
  }

  private parseValidation(result: CommandResult): ValidateResult {
    let validation: ValidateResult;
    try {
      validation = JSON.parse(result.stdout) as ValidateResult;
    } catch {
      throw this.failure('validate', result);
    }
    if (!validation.valid) {
      throw new Error(`terraform validate found ${validation.error_count} error(s) in ${this.dir}:\n${formatDiagnostics(validation.diagnostics)}`);
    }
    return validation;
  }

  private parsePlan(result: CommandResult): PlanJson {
    this.check(result, 'show');
    const plan = JSON.parse(result.stdout) as Partial<PlanJson>;
    // Terraform leaves `resource_changes` out of a plan that changes nothing.
    return { ...plan, resource_changes: plan.resource_changes ?? [] } as PlanJson;
  }

  private check(result: CommandResult, command: string): void {
    if (result.status !== 0) {
      throw this.failure(command, result);
    }
  }

  private failure(command: string, result: CommandResult): Error {
    const output = `${result.stdout}\n${result.stderr}`.trim();
    return new Error(`terraform ${command} failed in ${this.dir} (exit ${result.status}):\n${output.slice(-20_000)}`);
  }

  private run(args: string[]): CommandResult {
    const result = spawnSync(this.binary, args, { cwd: this.dir, env: this.env, encoding: 'utf-8', maxBuffer: OUTPUT_LIMIT });
    if (result.error) {
      throw this.spawnError(result.error);
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  private runAsync(args: string[]): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, args, { cwd: this.dir, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => reject(this.spawnError(error)));
      child.on('close', (status) => resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf-8'),
        stderr: Buffer.concat(stderr).toString('utf-8'),
      }));
    });
  }

  private spawnError(error: Error & { code?: string }): Error {
    if (error.code === 'ENOENT') {
      return new Error(`The Terraform CLI (${this.binary}) was not found on PATH; the offline stack checks need it. Install Terraform and try again.`);
    }
    return error;
  }
}

/** Renders `terraform validate` diagnostics as text, one per paragraph. */
export function formatDiagnostics(diagnostics: TerraformDiagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const where = diagnostic.range ? ` (${diagnostic.range.filename}:${diagnostic.range.start.line})` : '';
      const address = diagnostic.address ? ` [${diagnostic.address}]` : '';
      return `${diagnostic.severity}: ${diagnostic.summary}${address}${where}${diagnostic.detail ? `\n  ${diagnostic.detail}` : ''}`;
    })
    .join('\n\n');
}
