#!/usr/bin/env node
import { runImportCopilot } from './import-command';

/** `projen-cdktf-ecs <command>`: the commands shipped with the package. */
function main(args: string[]): number {
  const [command, ...rest] = args;
  if (command !== 'import-copilot') {
    process.stderr.write('Usage: projen-cdktf-ecs import-copilot <copilot dir> [options]\n');
    return 1;
  }
  try {
    runImportCopilot(rest, (line) => process.stdout.write(`${line}\n`));
    return 0;
  } catch (error) {
    process.stderr.write(`projen-cdktf-ecs import-copilot: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
