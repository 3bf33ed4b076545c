import { spawn } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import {
  OFFLINE_ACCESS_KEY,
  OFFLINE_OVERRIDE_FILE,
  OFFLINE_SECRET_KEY,
  offlineTerraformEnv,
  PlanJson,
  resolveProviderSource,
  ValidateResult,
} from '../../../src/platform/testing';

const PLAN_FILE = 'offline.tfplan';

/** Output of one Terraform command. */
export interface CommandResult {
  readonly status: number | null;
  readonly output: string;
}

/**
 * Terraform in a module or example directory, offline: providers from the filesystem mirror (or
 * the registry), dummy credentials, and for plans the provider's skip flags in an override file.
 * Every command fails loudly, with Terraform's output, when Terraform or the provider is missing.
 */
export class ModuleTerraform {
  private readonly env = offlineTerraformEnv(resolveProviderSource());

  constructor(public readonly dir: string) {}

  /** `terraform init`. */
  public async init(): Promise<void> {
    await this.checked(['init', '-input=false', '-no-color']);
  }

  /** `terraform validate`, parsed. */
  public async validate(): Promise<ValidateResult> {
    const result = await this.run(['validate', '-json', '-no-color']);
    return JSON.parse(result.output.slice(result.output.indexOf('{'))) as ValidateResult;
  }

  /** `terraform test`: the summary line, e.g. `Success! 8 passed, 0 failed.` */
  public async test(): Promise<string> {
    const result = await this.checked(['test', '-no-color']);
    return result.output.split('\n').find((line) => /^(Success|Failure)!/.test(line)) ?? result.output;
  }

  /** `terraform plan` with the provider making no AWS calls, as JSON. */
  public async plan(variables: Record<string, string>): Promise<PlanJson> {
    const override = {
      provider: {
        aws: [{
          access_key: OFFLINE_ACCESS_KEY,
          secret_key: OFFLINE_SECRET_KEY,
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: true,
        }],
      },
    };
    writeFileSync(join(this.dir, OFFLINE_OVERRIDE_FILE), `${JSON.stringify(override, undefined, 2)}\n`);
    const vars = Object.entries(variables).flatMap(([name, value]) => ['-var', `${name}=${value}`]);
    await this.checked(['plan', '-input=false', '-lock=false', '-no-color', `-out=${PLAN_FILE}`, ...vars]);
    const shown = await this.checked(['show', '-json', '-no-color', PLAN_FILE]);
    return JSON.parse(shown.output) as PlanJson;
  }

  private async checked(args: string[]): Promise<CommandResult> {
    const result = await this.run(args);
    if (result.status !== 0) {
      throw new Error(`terraform ${args[0]} failed in ${this.dir} (exit ${result.status}):\n${result.output.slice(-20_000)}`);
    }
    return result;
  }

  private run(args: string[]): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('terraform', args, { cwd: this.dir, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error: Error & { code?: string }) => reject(error.code === 'ENOENT'
        ? new Error('The Terraform CLI was not found on PATH; the module checks need it. Install Terraform and try again.')
        : error));
      child.on('close', (status) => resolve({
        status,
        output: `${Buffer.concat(stdout).toString('utf-8')}${stderr.length > 0 ? `\n${Buffer.concat(stderr).toString('utf-8')}` : ''}`,
      }));
    });
  }
}
