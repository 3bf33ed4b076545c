import { JobStep } from 'projen/lib/github/workflows-model';
import { PINNED_ACTIONS } from './pinned-actions';

/**
 * The step that installs a pinned Terraform CLI before the build, whose tests validate and plan
 * every stack with the real AWS provider.
 */
export function setupTerraformStep(terraformVersion: string): JobStep {
  return {
    name: `Set up Terraform ${terraformVersion} (hashicorp/setup-terraform ${PINNED_ACTIONS.setupTerraform.version})`,
    uses: PINNED_ACTIONS.setupTerraform.uses,
    with: {
      terraform_version: terraformVersion,
      terraform_wrapper: false,
    },
  };
}
