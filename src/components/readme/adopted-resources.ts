import type { PlatformConfig } from '../../platform/contract/config';

/**
 * The existing resources the environments took over (`environments[].adopt`), as Markdown bullets;
 * empty when none did.
 */
export function renderAdoptedResources(config: PlatformConfig): string[] {
  const lines = config.environments.flatMap((environment) => {
    const adopt = environment.adopt;
    if (adopt === undefined) {
      return [];
    }
    const repositories = Object.entries(adopt.imageRepositories).map(([service, name]) => `ECR repository \`${name}\` (${service})`);
    const logGroup = adopt.logGroupName !== undefined ? [`log group \`${adopt.logGroupName}\``] : [];
    const dataStack = `\`${environment.name}-data\` stack`;
    const tables = (environment.data?.tables ?? []).filter((table) => table.adopted)
      .map((table) => `DynamoDB table \`${table.tableName}\` (${table.name}, ${dataStack})`);
    const buckets = (environment.data?.buckets ?? []).flatMap((bucket) =>
      (bucket.adoptedName !== undefined ? [`S3 bucket \`${bucket.adoptedName}\` (${bucket.name}, ${dataStack})`] : []));
    return [`- **${environment.name}**: ${[...repositories, ...logGroup, ...tables, ...buckets].join(', ')}`];
  });
  if (lines.length === 0) {
    return [];
  }
  return [[
    'Adopted existing resources: they keep their names and contents, and the stack that manages them (`<env>-cluster`',
    'unless said otherwise) imports them on its first apply. An adopted ECR repository keeps its AES-256 encryption; an',
    'adopted table is re-encrypted with the data key (in place) and gets point-in-time recovery; an adopted bucket',
    'encrypts new objects with the data key, turns versioning on and becomes TLS-only.',
    '',
    ...lines,
  ].join('\n')];
}
