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
    const tables = Object.entries(adopt.tables).map(([table, name]) => `DynamoDB table \`${name}\` (${table}, \`${environment.name}-data\` stack)`);
    const buckets = Object.entries(adopt.buckets).map(([bucket, name]) => `S3 bucket \`${name}\` (${bucket}, \`${environment.name}-data\` stack)`);
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
