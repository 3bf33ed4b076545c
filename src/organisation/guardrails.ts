import { EnvironmentOptions, EnvironmentPreset, GuardrailEnvironment, GuardrailSubject, GuardrailViolation, IGuardrail } from '../options';

/** The option path of an environment setting: the environment's own when it sets it, else the project-wide one. */
function settingPath(subject: GuardrailSubject, environment: GuardrailEnvironment, key: keyof EnvironmentOptions, projectPath: string): string {
  const own = (subject.options.environments ?? []).find((candidate) => candidate.name === environment.name);
  return own?.[key] !== undefined ? `${environment.path}.${key}` : projectPath;
}

/** A guardrail from a name and a check of one environment. */
class EnvironmentRule implements IGuardrail {
  constructor(
    public readonly name: string,
    private readonly checkEnvironment: (subject: GuardrailSubject, environment: GuardrailEnvironment) => GuardrailViolation[],
  ) {}

  public check(subject: GuardrailSubject): GuardrailViolation[] {
    return subject.environments.flatMap((environment) => this.checkEnvironment(subject, environment));
  }
}

/**
 * Ready-made guardrails for an organisation's project type. Write your own by implementing
 * {@link IGuardrail}.
 */
export class Guardrails {
  /** Every environment runs in one of `regions`. */
  public static allowedRegions(regions: string[]): IGuardrail {
    return new EnvironmentRule('allowed-regions', (subject, environment) => (regions.includes(environment.region) ? [] : [{
      path: settingPath(subject, environment, 'region', 'region'),
      value: environment.region,
      allowed: `expected one of ${regions.join(', ')}`,
      environment: environment.name,
    }]));
  }

  /** EC2 capacity uses instance types of these families only (`m7g`, `c7g`…); Fargate is always allowed. */
  public static allowedInstanceFamilies(families: string[]): IGuardrail {
    return new EnvironmentRule('allowed-instance-families', (_subject, environment) => environment.instanceTypes
      .filter((instanceType) => !families.includes(instanceType.split('.')[0]))
      .map((instanceType) => ({
        path: 'cluster.ec2Capacity.instanceType',
        value: instanceType,
        allowed: `expected an instance type of the families ${families.join(', ')}`,
        environment: environment.name,
      })));
  }

  /** Production environments protect their load balancer from deletion. */
  public static productionDeletionProtection(): IGuardrail {
    return new EnvironmentRule('production-deletion-protection', (subject, environment) => (
      environment.preset !== EnvironmentPreset.PRODUCTION || environment.deletionProtection ? [] : [{
        path: settingPath(subject, environment, 'deletionProtection', 'loadBalancer.deletionProtection'),
        value: false,
        allowed: 'production environments need deletion protection',
        environment: environment.name,
      }]));
  }

  /** Production environments serve HTTPS (a certificate on the load balancer). */
  public static productionHttps(): IGuardrail {
    return new EnvironmentRule('production-https', (subject, environment) => (
      environment.preset !== EnvironmentPreset.PRODUCTION || environment.https ? [] : [{
        path: settingPath(subject, environment, 'certificateArn', 'loadBalancer.certificateArn'),
        value: undefined,
        allowed: 'production environments need a certificate (HTTPS)',
        environment: environment.name,
      }]));
  }

  /** Production environments have a WAF web ACL in front of their load balancer (`loadBalancer.waf`). */
  public static productionWaf(): IGuardrail {
    return new EnvironmentRule('production-waf', (subject, environment) => (
      environment.preset !== EnvironmentPreset.PRODUCTION || environment.loadBalancerWaf ? [] : [{
        path: 'loadBalancer.waf.enabled',
        value: subject.options.loadBalancer?.waf?.enabled ?? false,
        allowed: 'production environments need a WAF web ACL on the load balancer',
        environment: environment.name,
      }]));
  }

  /** Every environment carries these tag keys (from `tags` or `environments[].tags`). */
  public static requiredTags(keys: string[]): IGuardrail {
    return new EnvironmentRule('required-tags', (_subject, environment) => keys
      .filter((key) => environment.tags[key] === undefined || environment.tags[key] === '')
      .map((key) => ({ path: `${environment.path}.tags`, value: key, allowed: `expected a "${key}" tag (in tags or ${environment.path}.tags)` })));
  }

  /** The load balancer of every environment accepts only these CIDRs (or narrower ones listed verbatim). */
  public static allowedIngressCidrs(cidrs: string[]): IGuardrail {
    return new EnvironmentRule('allowed-ingress-cidrs', (_subject, environment) => environment.allowedCidrs
      .filter((cidr) => !cidrs.includes(cidr))
      .map((cidr) => ({ path: 'loadBalancer.allowedCidrs', value: cidr, allowed: `expected only ${cidrs.join(', ')}`, environment: environment.name })));
  }

  private constructor() {}
}
