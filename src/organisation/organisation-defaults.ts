import type { EcsServiceProjectOptions, EnvironmentOptions, EnvironmentPreset, IGuardrail, TerraformStateOptions } from '../options';

/**
 * What an organisation fixes for every service repository: defaults the repository may still
 * override (except the guardrails, which it can only add to).
 */
export interface OrganisationDefaultsOptions {
  /**
   * Default AWS region.
   * @default - the project type's ("us-east-1")
   */
  readonly region?: string;

  /**
   * Environments of a repository that names none.
   * @default [{"name":"dev"}]
   */
  readonly environments?: EnvironmentOptions[];

  /**
   * The AWS account of each environment name, e.g. `{ "dev": "111122223333", "prod": "444455556666" }`.
   * @default {}
   */
  readonly accounts?: { [environment: string]: string };

  /**
   * The preset of each environment name, e.g. `{ "prod": EnvironmentPreset.PRODUCTION }`.
   * @default {}
   */
  readonly presets?: { [environment: string]: EnvironmentPreset };

  /**
   * Terraform state: the organisation's bucket (and region).
   * @default - local state files
   */
  readonly terraformState?: TerraformStateOptions;

  /**
   * Tags on every resource, under the repository's own `tags`.
   * @default {}
   */
  readonly tags?: { [key: string]: string };

  /**
   * CIDRs allowed to reach the load balancers (e.g. the corporate network).
   * @default - the project type's (anywhere)
   */
  readonly allowedCidrs?: string[];

  /**
   * The organisation's rules, checked before the repository's own.
   * @default []
   */
  readonly guardrails?: IGuardrail[];
}

/**
 * Applies an organisation's defaults to the options of a service repository; the base of an
 * organisation's project type (`super(OrganisationDefaults.apply(options, ACME))`).
 */
export class OrganisationDefaults {
  /**
   * The options with the organisation's defaults under them: the repository's values win, tags
   * merge, the organisation's guardrails come first and cannot be removed.
   */
  public static apply(options: EcsServiceProjectOptions, defaults: OrganisationDefaultsOptions): EcsServiceProjectOptions {
    const region = options.region ?? defaults.region;
    const terraformState = defaults.terraformState || options.terraformState ? { ...defaults.terraformState, ...options.terraformState } : undefined;
    const allowedCidrs = options.loadBalancer?.allowedCidrs ?? defaults.allowedCidrs;
    return {
      ...options,
      ...(region !== undefined ? { region } : {}),
      environments: (options.environments ?? defaults.environments ?? [{ name: 'dev' }]).map((environment) => withEnvironmentDefaults(environment, defaults)),
      ...(terraformState !== undefined ? { terraformState } : {}),
      tags: { ...defaults.tags, ...options.tags },
      ...(allowedCidrs !== undefined ? { loadBalancer: { ...options.loadBalancer, allowedCidrs } } : {}),
      guardrails: [...(defaults.guardrails ?? []), ...(options.guardrails ?? [])],
    };
  }

  private constructor() {}
}

function withEnvironmentDefaults(environment: EnvironmentOptions, defaults: OrganisationDefaultsOptions): EnvironmentOptions {
  const account = defaults.accounts?.[environment.name];
  const preset = defaults.presets?.[environment.name];
  return { ...(account !== undefined ? { account } : {}), ...(preset !== undefined ? { preset } : {}), ...environment };
}
