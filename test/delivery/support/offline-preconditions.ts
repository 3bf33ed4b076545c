import { spawnSync } from 'child_process';
import { resolveProviderSource } from '../../../src/platform/testing/terraform-environment';

/**
 * Fails (never skips) when the offline Terraform checks cannot run here: no `terraform` on PATH
 * or no hashicorp/aws provider in a filesystem mirror or CLI configuration.
 */
export function assertOfflineTerraformAvailable(): void {
  const version = spawnSync('terraform', ['version'], { encoding: 'utf-8' });
  if (version.error || version.status !== 0) {
    throw new Error(`These tests run the real Terraform, which is not on PATH (${version.error?.message ?? version.stderr}). Install Terraform 1.11.`);
  }
  if (resolveProviderSource().kind === 'registry') {
    throw new Error('These tests need the hashicorp/aws provider offline: put it in a filesystem mirror (TF_PROVIDER_MIRROR or /opt/tf-plugins)');
  }
}
