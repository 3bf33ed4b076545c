import { readManifest } from '../testing/manifest';

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
