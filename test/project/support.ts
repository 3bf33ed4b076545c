import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Testing } from 'projen';
import { EcsServiceProject, EcsServiceProjectOptions } from '../../src';
import type { PlatformConfig } from '../../src/platform/contract/config';
import { InvalidOptionsError } from '../../src/resolve/problems';
import { PlatformOptions, resolvePlatformConfig } from '../../src/resolve/resolve';

/** Options every test starts from; `overrides` replace them key by key. */
export function projectOptions(overrides: Partial<EcsServiceProjectOptions> = {}): EcsServiceProjectOptions {
  return {
    name: 'orders',
    defaultReleaseBranch: 'main',
    outdir: mkdtempSync(join(tmpdir(), 'ecs-service-project-')),
    ...overrides,
  };
}

/** Creates a project and synthesizes it in memory: file path → content (JSON files parsed). */
export function synthProject(overrides: Partial<EcsServiceProjectOptions> = {}): Record<string, any> {
  return Testing.synth(new EcsServiceProject(projectOptions(overrides)));
}

/** The platform configuration written into `src/config.generated.ts`. */
export function generatedConfig(files: Record<string, any>): PlatformConfig {
  const source: string = files['src/config.generated.ts'];
  const json = source.slice(source.indexOf('= {') + 2, source.lastIndexOf('};') + 1);
  return JSON.parse(json);
}

/** The problem lines reported for the options of project `orders`, or [] when they are valid. */
export function problemsOf(options: Partial<PlatformOptions>): string[] {
  try {
    resolvePlatformConfig({ name: 'orders', ...options });
    return [];
  } catch (error) {
    if (error instanceof InvalidOptionsError) return error.problems;
    throw error;
  }
}
