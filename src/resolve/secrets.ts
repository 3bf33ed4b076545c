import { regionOfArn } from './aws';
import type { OptionProblems } from './problems';
import type { SecretConfig } from '../platform/contract/config';

const SECRETS_MANAGER_ARN = /^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+)(:[^:]*:[^:]*:[^:]*)?$/;
const SSM_PARAMETER_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9/_.-]+$/;
const SSM_PARAMETER_NAME = /^(\/[A-Za-z0-9_.-]+)+$/;

/**
 * Turns a secret reference into what ECS and IAM need: a Secrets Manager secret ARN (a JSON key
 * suffix is kept for ECS and dropped for IAM), an SSM parameter ARN, or an SSM parameter name in
 * the environment's region and account (whose ARN the stack builds). Returns undefined when the
 * reference is none of these.
 */
export function parseSecretReference(name: string, reference: string): SecretConfig | undefined {
  const secret = SECRETS_MANAGER_ARN.exec(reference);
  if (secret) {
    return { name, valueFrom: reference, resourceArn: secret[1], source: 'secretsmanager' };
  }
  if (SSM_PARAMETER_ARN.test(reference)) {
    return { name, valueFrom: reference, resourceArn: reference, source: 'ssm' };
  }
  if (SSM_PARAMETER_NAME.test(reference) && reference.length <= 1011) {
    return { name, valueFrom: reference, source: 'ssm' };
  }
  return undefined;
}

/**
 * Resolves a service's secrets, sorted by variable name. ECS reads secrets of the task's region
 * only; another account's secret is allowed (its resource policy must admit the execution role).
 */
export function resolveSecrets(secrets: Record<string, string>, path: string, problems: OptionProblems, region: string): SecretConfig[] {
  return Object.keys(secrets).sort().flatMap((name) => {
    const parsed = parseSecretReference(name, secrets[name]);
    const valid = problems.check(
      parsed !== undefined,
      `${path}.${name}`,
      secrets[name],
      'is not a secret reference; expected a Secrets Manager secret ARN, an SSM parameter ARN, or an SSM parameter name such as "/orders/db-password"',
    );
    const secretRegion = parsed?.resourceArn !== undefined ? regionOfArn(parsed.resourceArn) : region;
    if (valid) {
      problems.check(secretRegion === region, `${path}.${name}`, secrets[name], `is in ${secretRegion}; ECS reads secrets of the environment's region (${region}) only`);
    }
    return parsed ? [parsed] : [];
  });
}
