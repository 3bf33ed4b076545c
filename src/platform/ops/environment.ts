import { existsSync } from 'fs';
import { join } from 'path';
import { AwsClients } from './aws-clients';
import { OperationError } from './errors';
import { CONSOLE_OUTPUT, Output, Steps } from './output';
import { TerraformCli } from './terraform';
import type { EnvironmentConfig, PlatformConfig } from '../contract/config';
import { BuiltServiceTarget, DeploymentConfig, EnvironmentDeploymentConfig, isBuiltHere, ServiceDeploymentTarget } from '../contract/deployment-config';
import { serviceLogGroupName } from '../contract/naming';
import { environmentStacksInOrder } from '../core/stack-order';

/** Where the cdktf app synthesizes the stacks. */
export const DEFAULT_OUTDIR = 'cdktf.out';

/** What every operations command works with. */
export interface OperationsContextOptions {
  /** The resolved configuration (`src/config.generated.ts`). */
  readonly config: PlatformConfig;
  /** Environment name. */
  readonly environment: string;
  /** cdktf output directory. @default "cdktf.out" */
  readonly outdir?: string;
  /** Where lines go. @default - the console */
  readonly output?: Output;
  /** AWS clients. @default - clients of the environment's region */
  readonly aws?: AwsClients;
  /** Terraform CLI. @default - `terraform` in the outdir's stacks */
  readonly terraform?: TerraformCli;
  /** Waits between polls. @default - a timer */
  readonly sleep?: (milliseconds: number) => Promise<void>;
  /** Process environment (GITHUB_SHA, CI…). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * One environment as the operations commands see it: its configuration, its deployment settings,
 * its synthesized stacks, the AWS clients of its region and the Terraform CLI.
 */
export class OperationsContext {
  public readonly config: PlatformConfig;
  public readonly environment: EnvironmentConfig;
  public readonly deployment: DeploymentConfig;
  public readonly target: EnvironmentDeploymentConfig;
  public readonly outdir: string;
  public readonly output: Output;
  public readonly aws: AwsClients;
  public readonly terraform: TerraformCli;
  public readonly steps: Steps;
  public readonly sleep: (milliseconds: number) => Promise<void>;
  public readonly env: NodeJS.ProcessEnv;

  constructor(options: OperationsContextOptions) {
    const { config } = options;
    const environment = config.environments.find((candidate) => candidate.name === options.environment);
    if (environment === undefined) {
      throw new OperationError(`no environment "${options.environment}"; expected one of ${config.environments.map((env) => env.name).join(', ')}`);
    }
    this.config = config;
    this.environment = environment;
    this.deployment = config.deployment;
    this.target = environment.deployment;
    this.outdir = options.outdir ?? DEFAULT_OUTDIR;
    this.output = options.output ?? CONSOLE_OUTPUT;
    this.aws = options.aws ?? new AwsClients(environment.region);
    this.terraform = options.terraform ?? new TerraformCli({ outdir: this.outdir });
    this.steps = new Steps(this.output);
    this.sleep = options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    this.env = options.env ?? process.env;
  }

  /** The environment's stacks in deployment order (from the manifest); fails when synthesis is missing. */
  public stacks(kinds: string[] = []): string[] {
    if (!existsSync(join(this.outdir, 'manifest.json'))) {
      throw new OperationError(`${this.outdir}/manifest.json is missing: the stacks were not synthesized (run \`npx projen synth\`)`);
    }
    try {
      return environmentStacksInOrder(this.outdir, this.environment.name, kinds);
    } catch (error) {
      throw new OperationError(error instanceof Error ? error.message : String(error));
    }
  }

  /** One service of the environment by name; all services when `name` is undefined. */
  public services(name?: string): ServiceDeploymentTarget[] {
    if (name === undefined) {
      return this.target.services;
    }
    const service = this.target.services.find((candidate) => candidate.name === name);
    if (service === undefined) {
      throw new OperationError(`no service "${name}" in ${this.environment.name}; expected one of ${this.target.services.map((s) => s.name).join(', ')}`);
    }
    return [service];
  }

  /** The services whose image this repository builds. */
  public get ownImageServices(): BuiltServiceTarget[] {
    return this.target.services.filter(isBuiltHere);
  }

  /** The CloudWatch log group of the services. */
  public get logGroupName(): string {
    return serviceLogGroupName(this.config.project, this.environment);
  }
}
