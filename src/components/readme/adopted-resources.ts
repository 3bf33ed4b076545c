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
    return [`- **${environment.name}**: ${[...repositories, ...logGroup].join(', ')}`];
  });
  if (lines.length === 0) {
    return [];
  }
  return [[
    'Adopted existing resources: they keep their names and contents, the `<env>-cluster` stack imports them on its first apply',
    '(an adopted ECR repository keeps its AES-256 encryption).',
    '',
    ...lines,
  ].join('\n')];
}
