import { EcsServiceProjectOptions, EnvironmentPreset, GuardrailEnvironment, IGuardrail } from '../options';
import type { PlatformOptions } from './context';
import type { OptionProblems } from './problems';
import type { EnvironmentConfig } from '../platform/contract/config';

/** An environment as guardrails see it: plain values of the resolved configuration. */
export function guardrailEnvironment(environment: EnvironmentConfig, path: string): GuardrailEnvironment {
  const strategies = environment.services.flatMap((service) => service.capacityProviderStrategy);
  return {
    name: environment.name,
    path,
    region: environment.region,
    ...(environment.accountId !== undefined ? { account: environment.accountId } : {}),
    preset: environment.preset === 'production' ? EnvironmentPreset.PRODUCTION : EnvironmentPreset.DEVELOPMENT,
    deletionProtection: environment.loadBalancer.deletionProtection,
    executeCommand: environment.cluster.executeCommand,
    https: environment.loadBalancer.certificateArn !== undefined,
    loadBalancerWaf: environment.loadBalancer.waf !== undefined,
    allowedCidrs: [...environment.loadBalancer.allowedCidrs],
    instanceTypes: environment.cluster.ec2Capacity ? [environment.cluster.ec2Capacity.instanceType] : [],
    capacityProviders: [...new Set(strategies.map((strategy) => strategy.capacityProvider))],
    natGateways: environment.network.natGateways,
    tags: { ...environment.tags },
    ...(environment.state.backend === 's3' ? { stateBucket: environment.state.bucket } : {}),
    services: environment.services.map((service) => service.name),
  };
}

/**
 * Runs the organisation's guardrails on the options and the resolved environments; each violation
 * is recorded like an option problem. A guardrail that throws is one problem naming it.
 */
export function checkGuardrails(options: PlatformOptions, environments: EnvironmentConfig[], problems: OptionProblems): void {
  const guardrails: IGuardrail[] = options.guardrails ?? [];
  if (guardrails.length === 0) {
    return;
  }
  const subject = { options: options as EcsServiceProjectOptions, environments: environments.map((environment, index) => guardrailEnvironment(environment, `environments[${index}]`)) };
  guardrails.forEach((guardrail, index) => {
    try {
      for (const violation of guardrail.check(subject)) {
        const recorder = violation.environment !== undefined ? problems.forEnvironment(violation.environment) : problems;
        recorder.add(violation.path, violation.value, `is not allowed by ${guardrail.name}; ${violation.allowed}`);
      }
    } catch (error) {
      problems.add(`guardrails[${index}]`, guardrail.name, `failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
