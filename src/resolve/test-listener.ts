import { parseIpv4Cidr } from './cidr';
import { OptionProblems } from './problems';
import type { DeploymentOptions } from '../options';
import type { EnvironmentSettings } from './deployment';

const PATH = 'deployment.blueGreenTestListenerAllowedCidrs';

/**
 * The client ranges admitted to an environment's blue/green test listeners: the option's, else the
 * environment's VPC (the new tasks are not for the internet before traffic shifts to them).
 */
export function resolveTestListenerAllowedCidrs(options: DeploymentOptions, env: EnvironmentSettings, problems: OptionProblems): string[] {
  const explicit = options.blueGreenTestListenerAllowedCidrs;
  if (explicit === undefined) {
    problems.check(
      env.network.existingVpc === undefined,
      PATH,
      explicit,
      `is required in ${env.name}, which deploys into an existing VPC whose range the configuration does not know; expected the VPC's IPv4 CIDR block`,
    );
    return env.network.existingVpc === undefined ? [env.network.cidr] : [];
  }
  problems.check(explicit.length > 0 && explicit.length <= 50, PATH, explicit, 'is not allowed; expected 1 to 50 IPv4 CIDR blocks');
  explicit.forEach((cidr, i) =>
    problems.check(parseIpv4Cidr(cidr) !== undefined, `${PATH}[${i}]`, cidr, 'is not an IPv4 CIDR block; expected e.g. "10.0.0.0/16"'));
  return [...explicit];
}
