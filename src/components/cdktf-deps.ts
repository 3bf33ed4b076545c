import { Component } from 'projen';
import { DependencyType } from 'projen/lib/dependencies';
import { NodeProject } from 'projen/lib/javascript';

/**
 * Versions of the CDK for Terraform packages, pinned together: provider bindings 20.1.0 are
 * generated from hashicorp/aws 5.100.0 for cdktf 0.21.0; constructs satisfies both cdktf and projen.
 */
export const CDKTF_VERSIONS = {
  cdktf: '0.21.0',
  providerAws: '20.1.0',
  terraformProviderAws: '5.100.0',
  constructs: '10.8.1',
} as const;

/**
 * Adds cdktf, the AWS provider bindings and constructs as exactly pinned runtime dependencies.
 * The cdktf CLI is not needed: the app synthesizes with node and plain `terraform` deploys.
 */
export class CdktfDeps extends Component {
  constructor(project: NodeProject) {
    super(project);
    // projen adds constructs as a build dependency of TypeScript projects; the stacks need it at runtime.
    project.deps.removeDependency('constructs', DependencyType.BUILD);
    project.addDeps(
      `cdktf@${CDKTF_VERSIONS.cdktf}`,
      `@cdktf/provider-aws@${CDKTF_VERSIONS.providerAws}`,
      `constructs@${CDKTF_VERSIONS.constructs}`,
    );
  }
}
