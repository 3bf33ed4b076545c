import { existsSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { CopilotImport, importCopilot } from './application';
import { unmappedLine } from './manifest';
import { migrationGuide } from './migration-guide';
import { projenrcSource } from './projenrc-source';
import { InvalidOptionsError } from '../resolve/problems';
import { PlatformOptions, resolvePlatformConfig } from '../resolve/resolve';

/** Usage of the command. */
export const IMPORT_COPILOT_USAGE = [
  'Usage: projen-cdktf-ecs import-copilot <copilot dir> [--out .projenrc.ts] [--migration MIGRATION.md]',
  '                                       [--region <region>] [--account <env>=<account id>]...',
].join('\n');

/** The parsed arguments of `import-copilot`. */
export interface ImportCopilotArguments {
  readonly copilotDir: string;
  readonly out: string;
  readonly migration: string;
  readonly region?: string;
  readonly accounts: Record<string, string>;
}

/** Parses `import-copilot`'s arguments (after the subcommand). */
export function parseImportArguments(args: string[]): ImportCopilotArguments {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = /^--(out|migration|region|account)$/.exec(args[i])?.[1];
    if (flag === undefined) {
      if (args[i].startsWith('--')) {
        throw new Error(`unknown option ${args[i]}\n${IMPORT_COPILOT_USAGE}`);
      }
      positional.push(args[i]);
      continue;
    }
    const value = args[++i];
    if (value === undefined) {
      throw new Error(`--${flag} needs a value\n${IMPORT_COPILOT_USAGE}`);
    }
    const account = /^([^=]+)=(\d{12})$/.exec(value);
    if (flag === 'account' && account === null) {
      throw new Error(`--account ${value}: expected <environment>=<12-digit account id>`);
    }
    Object.assign(flag === 'account' ? accounts : flags, flag === 'account' ? { [account![1]]: account![2] } : { [flag]: value });
  }
  if (positional.length !== 1) {
    throw new Error(IMPORT_COPILOT_USAGE);
  }
  const copilotDir = resolve(positional[0]);
  return { copilotDir, out: flags.out ?? '.projenrc.ts', migration: flags.migration ?? 'MIGRATION.md', region: flags.region, accounts };
}

/** The problems our resolver finds in the imported options (an empty list when they resolve). */
export function problemsOf(result: CopilotImport): string[] {
  try {
    resolvePlatformConfig(JSON.parse(JSON.stringify(result.options)) as PlatformOptions);
    return [];
  } catch (error) {
    if (error instanceof InvalidOptionsError) {
      return error.problems;
    }
    throw error;
  }
}

/** Runs `import-copilot`: writes `.projenrc.ts` and `MIGRATION.md`, prints the fields not carried over. */
export function runImportCopilot(args: string[], print: (line: string) => void): void {
  const parsed = parseImportArguments(args);
  if (!existsSync(join(parsed.copilotDir, '.workspace'))) {
    throw new Error(`${parsed.copilotDir} is not a Copilot directory: it has no .workspace file`);
  }
  const result = importCopilot({ copilotDir: parsed.copilotDir, region: parsed.region, accounts: parsed.accounts });
  const problems = problemsOf(result);
  writeFileSync(parsed.out, projenrcSource(result, problems));
  writeFileSync(parsed.migration, migrationGuide(result));
  print(`Imported the Copilot application "${result.application}" from ${dirname(parsed.copilotDir)}: ` +
    `${result.workloads.services.length} service(s), ${result.workloads.workers.length} worker(s), ${result.workloads.jobs.length} job(s), ` +
    `${(result.options.environments as unknown[]).length} environment(s), ` +
    `${result.adoptions.length} adopted resource(s).`);
  print(`Wrote ${parsed.out} and ${parsed.migration}.`);
  print(`Not carried over (${result.unmapped.length}):`);
  result.unmapped.forEach((field) => print(`  ${unmappedLine(field)}`));
  if (problems.length > 0) {
    print(`Options to fix before \`npx projen\` (${problems.length}):`);
    problems.forEach((problem) => print(`  ${problem}`));
  }
}
