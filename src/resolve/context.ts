import type { EcsServiceProjectOptions, EnvironmentOptions } from '../options';
import type { OptionProblems } from './problems';

/** The options the platform configuration is resolved from. */
export type PlatformOptions = Pick<
  EcsServiceProjectOptions,
  | 'name'
  | 'region'
  | 'resourcePrefix'
  | 'environments'
  | 'network'
  | 'cluster'
  | 'loadBalancer'
  | 'services'
  | 'staticSite'
  | 'workers'
  | 'jobs'
  | 'data'
  | 'observability'
  | 'domain'
  | 'terraformState'
  | 'deployment'
  | 'defaultReleaseBranch'
  | 'terraformVersion'
  | 'tags'
  | 'guardrails'
  | 'fleet'
>;

/** What every part of an environment's resolution needs to know. */
export interface EnvironmentContext {
  /** All project options. */
  readonly options: PlatformOptions;
  /** This environment's options. */
  readonly env: EnvironmentOptions;
  /** Option path of this environment, e.g. `environments[1]`. */
  readonly envPath: string;
  /** Resource prefix of the project. */
  readonly project: string;
  readonly region: string;
  readonly partition: string;
  /** The production preset applies. */
  readonly production: boolean;
  /** Where problems are collected. */
  readonly problems: OptionProblems;
  /** The environment's domain (`dev.example.com`), when the project has one. */
  readonly domainName?: string;
}

/**
 * The value of a setting that an environment may override: the environment's when set (with its
 * option path), else the project-wide one, else the fallback.
 */
export function overridable<T>(
  ctx: EnvironmentContext,
  envKey: keyof EnvironmentOptions,
  projectValue: T | undefined,
  projectPath: string,
  fallback: T,
): { value: T; path: string } {
  const envValue = ctx.env[envKey] as T | undefined;
  if (envValue !== undefined) {
    return { value: envValue, path: `${ctx.envPath}.${String(envKey)}` };
  }
  return { value: projectValue ?? fallback, path: projectPath };
}
