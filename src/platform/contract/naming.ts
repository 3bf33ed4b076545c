import { createHash } from 'crypto';
import type { EnvironmentConfig } from './config';

/**
 * The stacks of an environment, in deployment order; the data stack exists only when the
 * environment has data resources, and deploys before the services so that a service apply never
 * touches a database.
 */
export const STACK_ROLES = ['network', 'cluster', 'data', 'service'] as const;

/** What a stack holds: the network, the cluster, the stateful resources or the services. */
export type StackRole = (typeof STACK_ROLES)[number];

/** Name (construct id and working directory) of one stack of an environment: `<env>-<role>`. */
export function stackName(environment: Pick<EnvironmentConfig, 'name'>, role: StackRole): string {
  return `${environment.name}-${role}`;
}

/** Prefix of the names of an environment's AWS resources: `<project>-<env>`. */
export function resourcePrefix(project: string, environment: Pick<EnvironmentConfig, 'name'>): string {
  return `${project}-${environment.name}`;
}

/** Name of the CloudWatch log group the services of an environment write to (an adopted one keeps its name). */
export function serviceLogGroupName(project: string, environment: Pick<EnvironmentConfig, 'name' | 'adopt'>): string {
  return environment.adopt?.logGroupName ?? `/ecs/${resourcePrefix(project, environment)}`;
}

/** Name of the CloudWatch log group receiving the VPC flow logs of an environment. */
export function flowLogGroupName(project: string, environment: Pick<EnvironmentConfig, 'name'>): string {
  return `/vpc/${resourcePrefix(project, environment)}/flow-logs`;
}

/** Name of the ECR repository holding the images of one service (an adopted one keeps its name). */
export function imageRepositoryName(project: string, environment: Pick<EnvironmentConfig, 'name' | 'adopt'>, service: string): string {
  return environment.adopt?.imageRepositories[service] ?? `${resourcePrefix(project, environment)}/${service}`;
}

/** Turns a name into a Terraform identifier (used for logical ids): letters, digits and underscores. */
export function toIdentifier(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * IAM path of the roles and policies the bootstrap stack creates (deploy role, plan role, their
 * managed policies and the permissions boundary). The deploy role may manage only roles named
 * `<project>-<env>-*` at the root path (`role/<project>-<env>-*`); an ARN under this path reads
 * `role/delivery/<name>`, which that pattern cannot match, so whatever names the environment's
 * roles get, the deploy role can never modify itself, the plan role or the boundary through its
 * Allow statements (explicit Deny statements say the same once more).
 */
export const DELIVERY_IAM_PATH = '/delivery/';

/** IAM caps role names at 64 characters. */
export const IAM_ROLE_NAME_MAX = 64;

/** AWS caps load balancer and target group names at 32 characters. */
export const ELB_NAME_MAX = 32;

/** Hex digits of the hash that ends a name too long for its limit. */
export const NAME_HASH_LENGTH = 6;

/**
 * The one way every physical name is fitted to an AWS limit: the parts joined with hyphens,
 * unchanged when they fit, otherwise cut and ended with {@link NAME_HASH_LENGTH} hex digits of the
 * SHA-256 of the full name, so distinct long names stay distinct and stable across runs. The
 * Terraform modules render the same rule as an expression.
 */
export function fitName(parts: string | string[], maxLength: number): string {
  const full = typeof parts === 'string' ? parts : parts.join('-');
  if (full.length <= maxLength) {
    return full;
  }
  const hash = createHash('sha256').update(full).digest('hex').slice(0, NAME_HASH_LENGTH);
  return `${full.slice(0, maxLength - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
