import { readFileSync } from 'fs';
import { join, resolve } from 'path';

/** One synthesized stack, as listed in `manifest.json`. */
export interface SynthesizedStack {
  /** Stack name, e.g. `dev-network`. */
  readonly name: string;
  /** Absolute path of the stack's working directory, where Terraform runs. */
  readonly dir: string;
  /** Absolute path of the stack's `cdk.tf.json`. */
  readonly file: string;
  /** Names of the stacks that must be deployed first. */
  readonly dependencies: string[];
}

interface ManifestFile {
  readonly stacks: Record<string, {
    readonly name: string;
    readonly workingDirectory: string;
    readonly synthesizedStackPath: string;
    readonly dependencies: string[];
  }>;
}

/**
 * Reads the stacks of a cdktf output directory in deployment order: every stack after the stacks
 * it depends on. Stacks free to go in either order keep the order of `preferredOrder` (by name),
 * then alphabetical order.
 *
 * @throws when a dependency is missing from the manifest or the dependencies form a cycle
 */
export function readManifest(outdir: string, preferredOrder: string[] = []): SynthesizedStack[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf-8')) as ManifestFile;
  const stacks = Object.values(manifest.stacks).map((entry): SynthesizedStack => ({
    name: entry.name,
    dir: resolve(outdir, entry.workingDirectory),
    file: resolve(outdir, entry.synthesizedStackPath),
    // Dependencies are construct paths; stacks sit at the root of the app, so a path is a name.
    dependencies: entry.dependencies.map((path) => path.split('/').pop() ?? path),
  }));
  const rank = (name: string) => {
    const index = preferredOrder.indexOf(name);
    return index === -1 ? preferredOrder.length : index;
  };
  const pending = [...stacks].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  const known = new Set(stacks.map((stack) => stack.name));
  for (const stack of stacks) {
    const missing = stack.dependencies.filter((dependency) => !known.has(dependency));
    if (missing.length > 0) {
      throw new Error(`Stack ${stack.name} depends on ${missing.join(', ')}, which ${outdir}/manifest.json does not list`);
    }
  }

  const ordered: SynthesizedStack[] = [];
  const placed = new Set<string>();
  while (pending.length > 0) {
    const next = pending.findIndex((stack) => stack.dependencies.every((dependency) => placed.has(dependency)));
    if (next === -1) {
      throw new Error(`The stacks ${pending.map((stack) => stack.name).join(', ')} depend on each other in a cycle`);
    }
    const [stack] = pending.splice(next, 1);
    ordered.push(stack);
    placed.add(stack.name);
  }
  return ordered;
}
