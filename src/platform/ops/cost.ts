import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';
import type { PlatformConfig } from '../contract/config';
import { estimateMonthlyCost, formatCostEstimate } from '../contract/cost';

/** The estimated monthly cost of every environment, as Markdown. */
export function costReport(config: PlatformConfig): string {
  return config.environments
    .map((environment) => `## ${environment.name} (${environment.region})\n\n${formatCostEstimate(estimateMonthlyCost(environment))}`)
    .join('\n\n');
}

/** The configuration a `src/config.generated.ts` holds (its object literal is JSON). */
export function readGeneratedConfig(file: string): PlatformConfig {
  const source = readFileSync(file, 'utf-8');
  return JSON.parse(source.slice(source.indexOf('= {') + 2, source.lastIndexOf('};') + 1)) as PlatformConfig;
}

/**
 * The monthly estimate of each environment before and after a change (a pull request's base and
 * head), as a Markdown table; undefined when no environment's estimate changes.
 */
export function costDelta(base: PlatformConfig, head: PlatformConfig): string | undefined {
  const totalOf = (config: PlatformConfig, name: string) => {
    const environment = config.environments.find((candidate) => candidate.name === name);
    return environment === undefined ? 0 : estimateMonthlyCost(environment).total;
  };
  const names = [...new Set([...base.environments, ...head.environments].map((environment) => environment.name))];
  const rows = names.map((name) => ({ name, before: totalOf(base, name), after: totalOf(head, name) }));
  if (rows.every((row) => row.before.toFixed(2) === row.after.toFixed(2))) {
    return undefined;
  }
  const usd = (value: number) => value.toFixed(2);
  const signed = (value: number) => `${value >= 0 ? '+' : '−'}${usd(Math.abs(value))}`;
  return [
    '### Monthly cost estimate',
    '',
    '| Environment | Base (USD) | This change (USD) | Delta (USD) |',
    '|---|---:|---:|---:|',
    ...rows.map((row) => `| ${row.name} | ${usd(row.before)} | ${usd(row.after)} | ${signed(row.after - row.before)} |`),
    '',
    'List prices, 24×7 at the desired counts; `npx projen cost` prints the line items and assumptions.',
    '',
  ].join('\n');
}

/**
 * `cost`: prints every environment's estimate; with `--base <config.generated.ts>` writes the
 * delta against that configuration to `--markdown <file>` instead (nothing when it does not change).
 */
export function main(args: string[], config: PlatformConfig): number {
  const { values } = parseArgs({ args, options: { base: { type: 'string' }, markdown: { type: 'string' } }, strict: true });
  if (values.base === undefined) {
    process.stdout.write(`${costReport(config)}\n`);
    return 0;
  }
  const delta = costDelta(readGeneratedConfig(values.base), config);
  process.stdout.write(`${delta ?? 'The monthly cost estimate does not change.'}\n`);
  if (delta !== undefined && values.markdown !== undefined) {
    writeFileSync(values.markdown, delta);
  }
  return 0;
}

if (require.main === module) {
  // The configuration the repository generated (`src/config.generated.ts`, compiled next to this file's parent).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require(join(__dirname, '..', '..', 'config.generated')) as { config: PlatformConfig }).config;
  process.exitCode = main(process.argv.slice(2), config);
}
