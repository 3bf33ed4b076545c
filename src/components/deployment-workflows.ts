import { Component } from 'projen';
import { GitHub } from 'projen/lib/github';
import { NodeProject } from 'projen/lib/javascript';
import { TypeScriptProject } from 'projen/lib/typescript';
import { ActionPinComments } from './action-pin-comments';
import { DeployWorkflow } from './deploy-workflow';
import { deployRoles, planRoles } from './environment-roles';
import { FleetWorkflows } from './fleet-workflows';
import { TerraformPlanWorkflow } from './terraform-plan-workflow';
import type { PlatformConfig } from '../platform/contract/config';

/** Options of {@link DeploymentWorkflows}. */
export interface DeploymentWorkflowsOptions {
  /** The resolved configuration: its deployment settings and environments. */
  readonly config: PlatformConfig;
  /** Terraform CLI version the workflows install. */
  readonly terraformVersion: string;
  /** Node.js version of the workflows. */
  readonly nodeVersion: string;
}

/**
 * The CI and deploy workflows of the deployment configuration: the pull request plan (when an
 * environment has a plan role), the GitHub Actions deploy workflow (when an environment has a
 * deploy role and GitHub Actions deploys), and SHA pins with version comments for every action.
 */
export class DeploymentWorkflows extends Component {
  /** The pull request plan workflow, when generated. */
  public readonly plan?: TerraformPlanWorkflow;
  /** The deploy workflow, when generated. */
  public readonly deploy?: DeployWorkflow;

  constructor(project: NodeProject, options: DeploymentWorkflowsOptions) {
    super(project);
    const github = GitHub.of(project);
    if (github === undefined || !github.workflowsEnabled) {
      return;
    }
    const { deployment, environments } = options.config;
    const common = { deployment, environments, terraformVersion: options.terraformVersion, nodeVersion: options.nodeVersion };
    if (planRoles(environments).length > 0) {
      this.plan = new TerraformPlanWorkflow(github, common);
    }
    if (deployment.pipeline === 'github-actions' && deployRoles(environments).length > 0) {
      this.deploy = new DeployWorkflow(github, common);
    }
    if (options.config.fleet !== undefined && project instanceof TypeScriptProject) {
      new FleetWorkflows(project, github, { ...common, fleet: options.config.fleet });
    }
    // Last, so that it runs after every workflow file above has been written.
    new ActionPinComments(project);
  }
}
