import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { OperationError } from './errors';
import { PlanJson, ResourceChange, resourceChanges } from './plan-report';
import { runChecked, runProcess } from './processes';

/** What a plan would do to one stack. */
export interface PlanSummary {
  /** The stack. */
  readonly stack: string;
  /** Resources to create. */
  readonly add: number;
  /** Resources to update in place. */
  readonly change: number;
  /** Resources to destroy (replacements count here and in `add`). */
  readonly destroy: number;
  /** Resources destroyed and created again. @default 0 */
  readonly replace?: number;
  /** The resources that would change. @default [] */
  readonly resources?: ResourceChange[];
}

/** Options of {@link TerraformCli}. */
export interface TerraformCliOptions {
  /** The cdktf output directory holding `stacks/<stack>`. */
  readonly outdir: string;
  /** Terraform executable. @default "terraform" */
  readonly binary?: string;
  /** Pass Terraform's output through to the terminal. @default true */
  readonly verbose?: boolean;
}

const PLAN_FILE = 'ops.tfplan';

/** The parts of a synthesized stack (`cdk.tf.json`) the commands read. */
export interface StackJson {
  readonly variable?: Record<string, unknown>;
  /** Resources by type and logical id; cdktf records each one's construct path in `//.metadata.path`. */
  readonly resource?: Record<string, Record<string, { readonly '//'?: { readonly metadata?: { readonly path?: string } }; readonly [attribute: string]: unknown }>>;
}

/** A resource in a stack's state. */
export interface StateResource {
  /** `<type>.<name>`. */
  readonly address: string;
  readonly type: string;
  /** Its attributes. */
  readonly values: Record<string, unknown>;
}

/**
 * The Terraform CLI in the synthesized stacks' working directories (`<outdir>/stacks/<stack>`):
 * no prompts, state locks waited for, a missing stack directory reported as such.
 */
export class TerraformCli {
  private readonly binary: string;
  private readonly initialized = new Set<string>();

  constructor(private readonly options: TerraformCliOptions) {
    this.binary = options.binary ?? process.env.TERRAFORM_BINARY ?? 'terraform';
  }

  /** The working directory of a stack; fails when synthesis did not write it. */
  public stackDir(stack: string): string {
    const dir = join(this.options.outdir, 'stacks', stack);
    if (!existsSync(join(dir, 'cdk.tf.json'))) {
      throw new OperationError(`stack ${stack} was not synthesized: ${dir}/cdk.tf.json is missing (run \`npx projen synth\`)`);
    }
    return dir;
  }

  /** The variables a stack declares. */
  public declaredVariables(stack: string): string[] {
    return Object.keys(this.stackJson(stack).variable ?? {});
  }

  /** `terraform init`, once per stack and run. */
  public async init(stack: string): Promise<void> {
    if (this.initialized.has(stack)) {
      return;
    }
    await this.run(stack, ['init', '-input=false']);
    this.initialized.add(stack);
  }

  /**
   * Applies a stack; `variables` the stack does not declare are left out. With `targets`
   * (resource addresses), only those resources and what they depend on (`-target`).
   */
  public async apply(stack: string, variables: Record<string, string> = {}, targets: string[] = []): Promise<void> {
    await this.init(stack);
    const targetArgs = targets.map((address) => `-target=${address}`);
    await this.run(stack, ['apply', '-input=false', '-auto-approve', '-lock-timeout=5m', ...targetArgs, ...this.variableArgs(stack, variables)]);
  }

  /** The stack's synthesized configuration (`cdk.tf.json`). */
  public stackJson(stack: string): StackJson {
    return JSON.parse(readFileSync(join(this.stackDir(stack), 'cdk.tf.json'), 'utf-8')) as StackJson;
  }

  /** The resources in the stack's state with their attributes (`terraform show -json`). */
  public async stateResources(stack: string): Promise<StateResource[]> {
    await this.init(stack);
    const shown = await runChecked(this.binary, ['-chdir=' + this.stackDir(stack), 'show', '-json'], { capture: true });
    const state = JSON.parse(shown.stdout || '{}') as { values?: { root_module?: { resources?: StateResource[] } } };
    return state.values?.root_module?.resources ?? [];
  }

  /** Destroys a stack's resources. */
  public async destroy(stack: string, variables: Record<string, string> = {}): Promise<void> {
    await this.init(stack);
    await this.run(stack, ['destroy', '-input=false', '-auto-approve', '-lock-timeout=5m', ...this.variableArgs(stack, variables)]);
  }

  /**
   * Plans a stack without taking the state lock and counts the changes.
   * @throws when the plan fails
   */
  public async plan(stack: string, variables: Record<string, string> = {}): Promise<PlanSummary> {
    await this.init(stack);
    const args = ['plan', '-input=false', '-lock=false', '-detailed-exitcode', `-out=${PLAN_FILE}`, ...this.variableArgs(stack, variables)];
    const result = await runProcess(this.binary, ['-chdir=' + this.stackDir(stack), ...args], { capture: !this.verbose });
    if (result.status !== 0 && result.status !== 2) {
      throw new OperationError(`terraform plan of ${stack} failed (exit ${result.status}):\n${result.stderr.trim().split('\n').slice(-10).join('\n')}`);
    }
    if (result.status === 0) {
      return { stack, add: 0, change: 0, destroy: 0 };
    }
    const shown = await runChecked(this.binary, ['-chdir=' + this.stackDir(stack), 'show', '-json', PLAN_FILE], { capture: true });
    const json = JSON.parse(shown.stdout) as PlanJson & Parameters<typeof countChanges>[0];
    return { stack, ...countChanges(json), ...resourceChanges(json) };
  }

  /** The stack's outputs (`terraform output -json`), empty when it has none or no state yet. */
  public async outputs(stack: string): Promise<Record<string, unknown>> {
    await this.init(stack);
    const result = await runProcess(this.binary, ['-chdir=' + this.stackDir(stack), 'output', '-json'], { capture: true });
    if (result.status !== 0 || result.stdout.trim() === '') {
      return {};
    }
    const outputs = JSON.parse(result.stdout) as Record<string, { value: unknown }>;
    return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, output.value]));
  }

  private get verbose(): boolean {
    return this.options.verbose !== false;
  }

  private async run(stack: string, args: string[]): Promise<void> {
    await runChecked(this.binary, ['-chdir=' + this.stackDir(stack), ...args], { capture: !this.verbose });
  }

  private variableArgs(stack: string, variables: Record<string, string>): string[] {
    const declared = this.declaredVariables(stack);
    return Object.entries(variables).filter(([name]) => declared.includes(name)).flatMap(([name, value]) => ['-var', `${name}=${value}`]);
  }
}

/** Counts the resource changes of a plan (`terraform show -json`), replacements as add and destroy. */
export function countChanges(plan: { resource_changes?: Array<{ change: { actions: string[] } }> }): Omit<PlanSummary, 'stack'> {
  let add = 0;
  let change = 0;
  let destroy = 0;
  for (const resource of plan.resource_changes ?? []) {
    const actions = resource.change.actions;
    if (actions.includes('create')) add += 1;
    if (actions.includes('delete')) destroy += 1;
    if (actions.length === 1 && actions[0] === 'update') change += 1;
  }
  return { add, change, destroy };
}
