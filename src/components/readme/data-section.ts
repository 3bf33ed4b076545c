import { dataResourceSummaries } from './diagram-data';
import type { EnvironmentConfig } from '../../platform/contract/config';

/** The "Data resources" section of the service README: per environment, what is kept and who uses it. */
export function renderDataSection(environments: readonly EnvironmentConfig[]): string | undefined {
  const withData = environments.filter((environment) => environment.data !== undefined);
  if (withData.length === 0) return undefined;
  const intro = 'Stateful resources live in the `<env>-data` stack, applied before the services: a service deploy cannot replace them. '
    + 'Attached services receive their connection settings as environment variables (`<NAME>_HOST`, `<NAME>_PORT`, `<NAME>_BUCKET`, `<NAME>_TABLE`…), '
    + 'database credentials as secrets (`<NAME>_USERNAME`, `<NAME>_PASSWORD`, from the RDS-managed secret), and exactly the IAM actions they need.';
  const tables = withData.map((environment) => [
    `### ${environment.name}`,
    '',
    '| resource | what | protection | used by |',
    '| --- | --- | --- | --- |',
    ...dataResourceSummaries(environment.data!).map((resource) =>
      `| ${resource.name} | ${resource.what} | ${resource.protection} | ${resource.attachTo.join(', ') || '—'} |`),
  ].join('\n'));
  return [intro, ...tables].join('\n\n');
}
