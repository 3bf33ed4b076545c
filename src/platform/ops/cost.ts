import { join } from 'path';
import type { PlatformConfig } from '../contract/config';
import { estimateMonthlyCost, formatCostEstimate } from '../contract/cost';

/** The estimated monthly cost of every environment, as Markdown. */
export function costReport(config: PlatformConfig): string {
  return config.environments
    .map((environment) => `## ${environment.name} (${environment.region})\n\n${formatCostEstimate(estimateMonthlyCost(environment))}`)
    .join('\n\n');
}

if (require.main === module) {
  // The configuration the repository generated (`src/config.generated.ts`, compiled next to this file's parent).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require(join(__dirname, '..', '..', 'config.generated')) as { config: PlatformConfig }).config;
  process.stdout.write(`${costReport(config)}\n`);
}
