import * as os from 'os';
import { concurrencyLimit } from './concurrency';
import type { SynthesizedStack } from './manifest';
import { OfflineTerraform, OfflineTerraformOptions } from './offline-terraform';
import type { PlanStream } from './plan-stream';
import type { PlanJson, ValidateResult } from './terraform-json';
import { writeUpstreamStates } from './upstream-states';
import type { PlatformConfig } from '../contract/config';

/** The offline checks of one stack, settling as Terraform finishes them. */
export interface OfflineStackCheck {
  readonly stack: SynthesizedStack;
  readonly terraform: OfflineTerraform;
  /**
   * Whether the configuration is valid: read from the plan when it succeeds (Terraform validates
   * before it plans), from `terraform validate` when it fails; rejects with the diagnostics when
   * the stack is invalid.
   */
  readonly validation: Promise<ValidateResult>;
  /** The offline plan as JSON: rejects with Terraform's output when planning fails. */
  readonly plan: Promise<PlanJson>;
}

/** Options of {@link checkStacksOffline}. */
export interface CheckStacksOfflineOptions extends OfflineTerraformOptions {
  /**
   * How many stacks Terraform works on at once. Each command runs the AWS provider (about a
   * second of CPU and 450 MB to load its schema), so more than the CPUs only adds contention.
   * @default - the number of CPUs
   */
  readonly concurrency?: number;
  /**
   * Whether the plans carry their planned values (`terraform show -json`, one more Terraform
   * command per stack); without, each resource change has its type, address and actions only.
   * @default true
   */
  readonly plannedValues?: boolean;
}

/**
 * Starts the offline checks of every stack, several stacks at once: writes the upstream state
 * fixtures, then for each stack `terraform init` (linking the provider installed once into the
 * shared plugin cache) and `terraform plan` (with `terraform show -json` for the planned values),
 * and `terraform validate` only when the plan fails. Every Terraform command loads the AWS
 * provider's schema, so each one left out is seconds saved per stack.
 *
 * Returns at once; await the promises of each stack. Each check runs even when an earlier one of the
 * same stack failed, so every test reports its own error, and no failure goes unhandled before a
 * test awaits it.
 *
 * @returns the checks by stack name, in the order of `stacks`
 */
export function checkStacksOffline(
  stacks: SynthesizedStack[],
  config: PlatformConfig,
  options: CheckStacksOfflineOptions = {},
): Map<string, OfflineStackCheck> {
  const limit = concurrencyLimit(options.concurrency ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
  const checks = new Map<string, OfflineStackCheck>();
  for (const stack of stacks) {
    const terraform = new OfflineTerraform(stack.dir, options);
    const validation = deferred<ValidateResult>();
    const plan = deferred<PlanJson>();
    void limit(async () => {
      try {
        writeUpstreamStates(stack, stacks, config);
        await terraform.initAsync();
      } catch (error) {
        validation.reject(error);
        plan.reject(error);
        return;
      }
      try {
        const planned = await planStack(terraform, options.plannedValues ?? true);
        plan.resolve(planned.plan);
        const warnings = planned.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
        validation.resolve({ valid: true, error_count: 0, warning_count: warnings.length, diagnostics: warnings });
      } catch (error) {
        plan.reject(error);
        await terraform.validateAsync().then(validation.resolve, validation.reject);
      }
    });
    checks.set(stack.name, { stack, terraform, validation: validation.promise, plan: plan.promise });
  }
  return checks;
}

function planStack(terraform: OfflineTerraform, plannedValues: boolean): Promise<PlanStream> {
  return plannedValues ? terraform.planAsync().then((plan) => ({ plan, diagnostics: [] })) : terraform.planChangesAsync();
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Handled here so that a failure is reported by the test that awaits it, not as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
