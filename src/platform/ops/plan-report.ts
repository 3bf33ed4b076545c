import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { PlatformConfig } from '../contract/config';

/** One resource a plan would touch. */
export interface ResourceChange {
  /** Terraform address, e.g. `aws_ecs_service.orders`. */
  readonly address: string;
  /** Terraform's actions: `["create"]`, `["update"]`, `["delete","create"]`… */
  readonly actions: string[];
  /** Terraform found it changed outside Terraform (`resource_drift`). */
  readonly drifted: boolean;
}

/** What the plan of one stack would do, or why it failed. */
export interface StackPlanReport {
  readonly stack: string;
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Resources destroyed and created again (also counted in `add` and `destroy`). */
  readonly replace: number;
  readonly resources: ResourceChange[];
  /** The plan failed: the first line of the reason. */
  readonly error?: string;
}

/**
 * The machine-readable summary `plan --json <file>` writes: the fleet upgrade and drift workflows
 * read it to mark destructive upgrades and to write drift issues.
 */
export interface PlanReport {
  readonly environment: string;
  readonly stacks: StackPlanReport[];
  /** A stack's plan failed. */
  readonly failed: boolean;
  /** A stack would change. */
  readonly changes: boolean;
  /** A stack would destroy or replace a resource. */
  readonly destroys: boolean;
}

/** A `terraform show -json` plan, the parts read here. */
export interface PlanJson {
  readonly resource_changes?: Array<{ address: string; change: { actions: string[] } }>;
  readonly resource_drift?: Array<{ address: string }>;
}

/** The resources a plan would touch (no-ops and reads left out), and how many it replaces. */
export function resourceChanges(plan: PlanJson): { replace: number; resources: ResourceChange[] } {
  const drifted = new Set((plan.resource_drift ?? []).map((resource) => resource.address));
  const resources = (plan.resource_changes ?? [])
    .filter((resource) => !resource.change.actions.every((action) => action === 'no-op' || action === 'read'))
    .map((resource) => ({ address: resource.address, actions: resource.change.actions, drifted: drifted.has(resource.address) }));
  const replace = resources.filter((resource) => resource.actions.includes('create') && resource.actions.includes('delete')).length;
  return { replace, resources };
}

/** The report of one environment from its stacks' reports. */
export function planReport(environment: string, stacks: StackPlanReport[]): PlanReport {
  return {
    environment,
    stacks,
    failed: stacks.some((stack) => stack.error !== undefined),
    changes: stacks.some((stack) => stack.add + stack.change + stack.destroy > 0),
    destroys: stacks.some((stack) => stack.destroy > 0 || stack.replace > 0),
  };
}

/** The file names the workflows give an environment's plan outputs in their directory. */
export const planFiles = (environment: string) => ({ markdown: `plan-${environment}.md`, json: `plan-${environment}.json` });

/** An environment's report in `dir`, or undefined when its plan wrote none (the job failed before). */
export function readPlanReport(dir: string, environment: string): PlanReport | undefined {
  const file = join(dir, planFiles(environment).json);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf-8')) as PlanReport : undefined;
}

/** An environment's plan table (Markdown) in `dir`, or a line saying it is missing. */
export function readPlanMarkdown(dir: string, environment: string): string {
  const file = join(dir, planFiles(environment).markdown);
  return existsSync(file) ? readFileSync(file, 'utf-8').trim() : `### Terraform plan of ${environment}\n\nNo plan: the plan job failed before it wrote one.`;
}

/** The environments the fleet workflows plan: those with a read-only plan role. */
export function plannedEnvironments(config: PlatformConfig): string[] {
  return config.environments.filter((environment) => environment.deployment.planRoleArn !== undefined).map((environment) => environment.name);
}
