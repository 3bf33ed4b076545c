import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { App, TerraformLocal, TerraformStack } from 'cdktf';
import { toModuleFiles, TerraformJson, ModuleFiles } from './module-json';
import type { ModuleVariable } from './variables';

/** A module's locals: name → Terraform expression (with `${}`). */
export type ModuleLocals = Record<string, string>;

/** A fresh app to build one module's stack in. */
export function moduleApp(): App {
  return new App({ skipValidation: true });
}

/**
 * Declares what every module adds to its stack: the region and partition of the caller's provider
 * (read by `data.aws_region.current` and `data.aws_partition.current`, which make no AWS calls) and
 * the module's locals.
 */
export function addModuleBasics(stack: TerraformStack, locals: ModuleLocals): void {
  new DataAwsRegion(stack, 'module_region').overrideLogicalId('current');
  new DataAwsPartition(stack, 'module_partition').overrideLogicalId('current');
  for (const [name, expression] of Object.entries(locals)) {
    new TerraformLocal(stack, `module_local_${name}`, expression).overrideLogicalId(name);
  }
}

/** Synthesizes a module's stack and turns it into the module's files. */
export function moduleFiles(stack: TerraformStack, variables: ModuleVariable[]): ModuleFiles {
  return toModuleFiles(stack.toTerraform() as TerraformJson, variables);
}
