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
  '                                       [--bucket <env>:<addon bucket logical id>=<bucket name>]...',
].join('\n');

/** The parsed arguments of `import-copilot`. */
export interface ImportCopilotArguments {
  readonly copilotDir: string;
  readonly out: string;
  readonly migration: string;
  readonly region?: string;
  readonly accounts: Record<string, string>;
  /** Addon bucket names found in the account, by environment and logical id. */
  readonly bucketNames: Record<string, Record<string, string>>;
}

/** Parses `import-copilot`'s arguments (after the subcommand). */
export function parseImportArguments(args: string[]): ImportCopilotArguments {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  const bucketNames: Record<string, Record<string, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = /^--(out|migration|region|account|bucket)$/.exec(args[i])?.[1];
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
    if (flag === 'account') {
      Object.assign(accounts, accountArgument(value));
    } else if (flag === 'bucket') {
      const [environment, logicalId, name] = bucketArgument(value);
      bucketNames[environment] = { ...bucketNames[environment], [logicalId]: name };
    } else {
      flags[flag] = value;
    }
  }
  if (positional.length !== 1) {
    throw new Error(IMPORT_COPILOT_USAGE);
  }
  const copilotDir = resolve(positional[0]);
  return { copilotDir, out: flags.out ?? '.projenrc.ts', migration: flags.migration ?? 'MIGRATION.md', region: flags.region, accounts, bucketNames };
}

/** `<environment>=<12-digit account id>` */
function accountArgument(value: string): Record<string, string> {
  const account = /^([^=]+)=(\d{12})$/.exec(value);
  if (account === null) {
    throw new Error(`--account ${value}: expected <environment>=<12-digit account id>`);
  }
  return { [account[1]]: account[2] };
}

/** `<environment>:<logical id>=<bucket name>` */
function bucketArgument(value: string): [string, string, string] {
  const bucket = /^([^:=]+):([^:=]+)=([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/.exec(value);
  if (bucket === null) {
    throw new Error(`--bucket ${value}: expected <environment>:<addon bucket logical id>=<bucket name>, the name as S3 spells it`);
  }
  return [bucket[1], bucket[2], bucket[3]];
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
  const result = importCopilot({ copilotDir: parsed.copilotDir, region: parsed.region, accounts: parsed.accounts, bucketNames: parsed.bucketNames });
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
