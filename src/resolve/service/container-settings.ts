import type { ServiceOptions } from '../../options';
import type { SecretConfig } from '../../platform/contract/config';
import { TEXT_RULES } from '../../platform/contract/rules';
import type { OptionProblems } from '../problems';
import { resolveSecrets } from '../secrets';

export const KMS_KEY_ARN_PATTERN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/;

/** What the application container runs with: variables, secrets, the image and the command. */
export interface ContainerSettings {
  readonly environment: Record<string, string>;
  readonly secrets: SecretConfig[];
  readonly secretsKmsKeyArn?: string;
  readonly command?: string[];
}

/** The application container's variables and secrets (each from one place only), secrets key, image reference and command. */
export function resolveContainerSettings(service: ServiceOptions, path: string, problems: OptionProblems, region: string): ContainerSettings {
  const environment = service.environment ?? {};
  checkVariableNames(Object.keys(environment), `${path}.environment`, problems);
  const secretOptions = service.secrets ?? {};
  checkVariableNames(Object.keys(secretOptions), `${path}.secrets`, problems);
  const secrets = resolveSecrets(secretOptions, `${path}.secrets`, problems, region);
  for (const key of Object.keys(secretOptions)) {
    problems.check(!(key in environment), `${path}.secrets`, key, 'is also a plain environment variable; a variable comes from one place only');
  }
  if (service.secretsKmsKeyArn !== undefined) {
    problems.check(
      KMS_KEY_ARN_PATTERN.test(service.secretsKmsKeyArn),
      `${path}.secretsKmsKeyArn`,
      service.secretsKmsKeyArn,
      'is not a KMS key ARN; expected arn:<partition>:kms:<region>:<account>:key/<uuid>',
    );
  }
  if (service.image !== undefined) {
    problems.check(/^\S+$/.test(service.image), `${path}.image`, service.image, 'is not an image reference; expected e.g. "public.ecr.aws/nginx/nginx:1.27"');
  }
  checkCommand(service.command, `${path}.command`, problems);
  return {
    environment: sortedRecord(environment),
    secrets,
    ...(service.secretsKmsKeyArn !== undefined ? { secretsKmsKeyArn: service.secretsKmsKeyArn } : {}),
    ...(service.command !== undefined ? { command: [...service.command] } : {}),
  };
}

/** Every name is a valid environment variable name. */
export function checkVariableNames(names: string[], path: string, problems: OptionProblems): void {
  for (const key of names) {
    problems.checkText(path, key, TEXT_RULES.environmentVariableName);
  }
}

/** A command, when given, is a non-empty list of strings. */
export function checkCommand(command: string[] | undefined, path: string, problems: OptionProblems): void {
  if (command !== undefined) {
    problems.check(command.length > 0 && command.every((part) => typeof part === 'string'), path, command, 'is not allowed; expected a non-empty list of strings, e.g. ["node", "server.js"]');
  }
}

/** The record with its keys sorted, so that generated files do not change with option order. */
export function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Variables the platform sets on the application container of an image built from this repository. */
export const APP_VARIABLES = { port: 'PORT', healthCheckPath: 'HEALTH_CHECK_PATH' } as const;

/**
 * The application's variables with `PORT` and `HEALTH_CHECK_PATH` from the options, which the
 * sample app (and any app built from this repository) listens on and answers; a variable of the
 * same name set to something else is a problem, not a silent override.
 */
export function withAppVariables(
  environment: Record<string, string>,
  settings: { containerPort: number; healthCheckPath: string },
  path: string,
  problems: OptionProblems,
): Record<string, string> {
  const platform = { [APP_VARIABLES.port]: String(settings.containerPort), [APP_VARIABLES.healthCheckPath]: settings.healthCheckPath };
  for (const [name, value] of Object.entries(platform)) {
    problems.check(
      environment[name] === undefined || environment[name] === value,
      `${path}.environment.${name}`,
      environment[name],
      `contradicts the service's ${name === APP_VARIABLES.port ? 'containerPort' : 'healthCheckPath'} (${value}); remove it, the platform sets it`,
    );
  }
  return sortedRecord({ ...environment, ...platform });
}
