import type { StatefulResource } from './addons';
import type { ProjectDraft } from './draft';
import type { Manifest } from './manifest';

/** An existing resource of the Copilot application that an environment adopts. */
export interface Adoption {
  readonly environment: string;
  readonly kind: 'ecr-repository' | 'log-group' | 'dynamodb-table' | 's3-bucket';
  readonly id: string;
  readonly service?: string;
  /** The `data.tables` or `data.buckets` entry an adopted table or bucket becomes. */
  readonly dataResource?: string;
  /** The CloudFormation stack that holds it today, e.g. `StackSet-shop-infrastructure-…` or `shop-dev-api`. */
  readonly holder: string;
}

/**
 * The Copilot resources worth keeping that our stacks create too:
 * - the ECR repository `<app>/<service>` of each service built by Copilot, adopted by the first
 *   environment of each account (Copilot shares one repository per account and region, ours are per
 *   environment, and two Terraform states must not manage one repository);
 * - the log group `/copilot/<app>-<env>-<service>` of the environment, when the application has a
 *   single service (ours share one log group per environment);
 * - the addons' tables (and buckets) whose names the templates give, in every environment;
 * - the addons' buckets whose names were looked up in the account (`bucketNames`, by environment
 *   and logical id).
 */
export function planAdoptions(
  application: string, draft: ProjectDraft, services: Manifest[], accounts: Record<string, string>, stateful: StatefulResource[],
  bucketNames: Record<string, Record<string, string>> = {},
): Adoption[] {
  const built = draft.services.filter((service) => service.image === undefined).map((service) => String(service.name));
  const adoptions: Adoption[] = [];
  const accountsWithRepositories = new Set<string>();
  for (const environment of draft.environments.map((env) => String(env.name))) {
    const account = accounts[environment] ?? 'the same account';
    if (!accountsWithRepositories.has(account)) {
      accountsWithRepositories.add(account);
      adoptions.push(...built.map((service): Adoption => ({
        environment, kind: 'ecr-repository', id: `${application}/${service}`, service, holder: `StackSet-${application}-infrastructure`,
      })));
    }
    if (services.length === 1) {
      const service = String(draft.services[0].name);
      adoptions.push({ environment, kind: 'log-group', id: `/copilot/${application}-${environment}-${service}`, holder: `${application}-${environment}-${service}` });
    }
    adoptions.push(...stateful.flatMap((resource): Adoption[] => {
      const id = resource.nameTemplate?.split('${App}').join(application).split('${Env}').join(environment)
        ?? bucketNames[environment]?.[resource.logicalId];
      return id === undefined || resource.dataResource === undefined ? [] : [{
        environment,
        kind: resource.type === 'AWS::DynamoDB::Table' ? 'dynamodb-table' : 's3-bucket',
        id,
        dataResource: resource.dataResource,
        holder: `the addons stack of ${resource.file}`,
      }];
    }));
  }
  return adoptions;
}
