import { readManifest } from './testing/manifest';

/** Usage of the stack-order command. */
export const STACK_ORDER_USAGE = 'usage: node lib/platform/stack-order.js <cdktf output dir> <environment> [<stack kind>...]';

/**
 * The stacks of one environment in deployment order, read from the dependencies cdktf recorded in
 * `manifest.json`: every stack after the stacks it depends on.
 *
 * @param outdir the cdktf output directory
 * @param environment environment name; its stacks are named `<environment>-<kind>`
 * @param kinds only these kinds of stacks (e.g. `network`, `cluster`); all when empty
 * @throws when a requested kind has no stack, or the manifest's dependencies are broken
 */
export function environmentStacksInOrder(outdir: string, environment: string, kinds: string[] = []): string[] {
  const names = readManifest(outdir).map((stack) => stack.name).filter((name) => name.startsWith(`${environment}-`));
  const missing = kinds.filter((kind) => !names.includes(`${environment}-${kind}`));
  if (missing.length > 0) {
    throw new Error(`${outdir}/manifest.json has no stack ${missing.map((kind) => `${environment}-${kind}`).join(', ')}`);
  }
  return kinds.length === 0 ? names : names.filter((name) => kinds.includes(name.slice(environment.length + 1)));
}

/** Prints the stack names, one per line; returns the exit code. */
export function main(args: string[], print: (line: string) => void = console.log, fail: (line: string) => void = console.error): number {
  const [outdir, environment, ...kinds] = args;
  if (outdir === undefined || environment === undefined) {
    fail(STACK_ORDER_USAGE);
    return 2;
  }
  try {
    environmentStacksInOrder(outdir, environment, kinds).forEach((name) => print(name));
    return 0;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
