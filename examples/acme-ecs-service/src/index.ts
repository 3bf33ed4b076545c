import {
  EcsServiceProject,
  EcsServiceProjectOptions,
  EnvironmentPreset,
  GuardrailSubject,
  GuardrailViolation,
  Guardrails,
  IGuardrail,
  OrganisationDefaults,
  OrganisationDefaultsOptions,
} from 'projen-cdktf-ecs';

/** Only ARM (Graviton) instance families run on EC2 capacity at Acme. */
const ACME_INSTANCE_FAMILIES = ['m7g', 'c7g', 't4g'];

/**
 * Acme's own rule, written against the public guardrail API: production environments keep ECS
 * Exec off (shell access to production goes through the break-glass process).
 */
export class NoExecInProduction implements IGuardrail {
  public readonly name = 'acme/no-exec-in-production';

  public check(subject: GuardrailSubject): GuardrailViolation[] {
    return subject.environments
      .filter((environment) => environment.preset === EnvironmentPreset.PRODUCTION && environment.executeCommand)
      .map((environment) => ({
        path: `${environment.path}.executeCommand`,
        value: true,
        allowed: 'production environments keep ECS Exec off at Acme (use the break-glass role)',
        environment: environment.name,
      }));
  }
}

/** What Acme fixes for every service repository. */
export const ACME_DEFAULTS: OrganisationDefaultsOptions = {
  region: 'eu-west-1',
  environments: [{ name: 'dev' }],
  accounts: { dev: '111122223333', staging: '222233334444', prod: '444455556666' },
  presets: { prod: EnvironmentPreset.PRODUCTION },
  terraformState: { bucket: 'acme-terraform-state', region: 'eu-west-1' },
  tags: { 'company': 'acme', 'cost-center': 'unassigned' },
  guardrails: [
    Guardrails.allowedRegions(['eu-west-1', 'eu-central-1']),
    Guardrails.allowedInstanceFamilies(ACME_INSTANCE_FAMILIES),
    Guardrails.productionDeletionProtection(),
    Guardrails.productionWaf(),
    Guardrails.requiredTags(['cost-center']),
    new NoExecInProduction(),
  ],
};

/**
 * An Acme service repository: ECS on Fargate with CDK for Terraform, in Acme's accounts and
 * regions, with Acme's state bucket, tags and guardrails.
 *
 * @pjid acme-ecs-service
 */
export class AcmeEcsServiceProject extends EcsServiceProject {
  constructor(options: EcsServiceProjectOptions) {
    super(OrganisationDefaults.apply({
      ...options,
      deployment: { repository: `acme/${options.name}`, ...options.deployment },
      fleet: { upgradePackages: ['@acme/ecs-service', 'projen-cdktf-ecs', 'projen'], ...options.fleet },
    }, ACME_DEFAULTS));
  }
}
