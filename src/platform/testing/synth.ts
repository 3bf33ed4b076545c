import { App } from 'cdktf';
import type { PlatformConfig } from '../contract/config';
import { createPlatform } from '../platform';
import { readManifest, SynthesizedStack } from './manifest';

/**
 * Synthesizes every stack of the configuration into `outdir`, as `src/main.ts` does without
 * escape hatches.
 *
 * @returns the stacks in deployment order
 */
export function synthPlatform(config: PlatformConfig, outdir: string): SynthesizedStack[] {
  const app = new App({ outdir });
  createPlatform(app, config);
  app.synth();
  return readManifest(outdir, app.node.children.map((child) => child.node.id));
}
