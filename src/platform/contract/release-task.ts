import type { IntegerRule } from './rules';

/**
 * A one-off task run before a service is updated (database migrations, cache warm-up): the new
 * task definition revision, the service's subnets, security groups and secrets, the application
 * container's command replaced. A non-zero exit, a timeout or a task that does not start stops
 * the deployment; the service keeps running its current revision.
 */
export interface ReleaseTaskConfig {
  /** Command of the application container, as words (`["node", "migrate.js"]`). */
  readonly command: string[];
  /** Seconds the task may run before the deployment gives up on it (and stops it). */
  readonly timeoutSeconds: number;
}

/** Ranges of the release task options. */
export const RELEASE_TASK_RULES = {
  /** From one minute to the 12 hours a CodeBuild build may run. */
  timeoutSeconds: { min: 60, max: 43200, default: 900 },
} as const satisfies Record<string, IntegerRule>;

/**
 * The Terraform resource types a release task needs in place before it starts, in the service's
 * part of the service stack: the task definition, the roles and their policies, the security
 * groups and their rules. Applied by a targeted apply ahead of the service itself.
 */
export const RELEASE_PREREQUISITE_TYPES: readonly string[] = [
  'aws_ecs_task_definition',
  'aws_iam_role',
  'aws_iam_role_policy',
  'aws_iam_role_policy_attachment',
  'aws_security_group',
  'aws_vpc_security_group_egress_rule',
  'aws_vpc_security_group_ingress_rule',
];
