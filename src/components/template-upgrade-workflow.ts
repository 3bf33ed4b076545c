import { Component } from 'projen';
import { GitHub, GithubWorkflow } from 'projen/lib/github';
import { JobPermission } from 'projen/lib/github/workflows-model';
import { installSteps, projenTaskStep, TerraformJobSetup } from './deploy-steps';
import type { EnvironmentRole } from './environment-roles';
import { planJobSetupSteps, planSteps, scheduledWorkflow } from './fleet-steps';
import { PINNED_ACTIONS } from './pinned-actions';
import type { TemplateUpgradeConfig } from '../platform/contract/fleet-config';

/** Options of {@link TemplateUpgradeWorkflow}. */
export interface TemplateUpgradeWorkflowOptions extends TerraformJobSetup {
  readonly upgrade: TemplateUpgradeConfig;
  /** The environments to plan (those with a plan role). */
  readonly environments: EnvironmentRole[];
}

/** Where the jobs keep the upgrade's files (diff, patch, plans). */
const FLEET_DIR = '$RUNNER_TEMP/fleet';
/** Token of the pull request job: a repository secret when set (pull requests it opens then run the checks), else the job's. */
export const UPGRADE_TOKEN = '${{ secrets.TEMPLATE_UPGRADE_TOKEN || github.token }}';

/**
 * `.github/workflows/template-upgrade.yml`: on a schedule (or by hand, optionally with the package
 * versions to move to), job `upgrade` installs the newest project type and projen, runs
 * `npx projen`, and plans every environment with its read-only role; job `pull-request` (which
 * alone may write, and runs none of the upgraded code) commits the patch and opens or updates one
 * pull request with the diff summary and the plans, labelled when a plan destroys something.
 */
export class TemplateUpgradeWorkflow extends Component {
  public readonly workflow: GithubWorkflow;

  constructor(github: GitHub, options: TemplateUpgradeWorkflowOptions) {
    super(github.project);
    this.workflow = scheduledWorkflow(github, 'template-upgrade', options.upgrade.schedule, {
      inputs: {
        packages: { description: `npm specs to install instead of the latest releases of ${options.upgrade.packages.join(', ')}`, required: false, type: 'string' },
      },
    });
    this.workflow.addJob('upgrade', {
      name: 'Upgrade and plan',
      runsOn: ['ubuntu-latest'],
      permissions: { contents: JobPermission.READ, idToken: JobPermission.WRITE },
      timeoutMinutes: 60,
      steps: [
        ...planJobSetupSteps(options),
        {
          name: 'Upgrade the template',
          env: { PACKAGES: '${{ inputs.packages }}' },
          run: `npx projen fleet:upgrade --out "${FLEET_DIR}" \${PACKAGES:+--packages "$PACKAGES"}`,
        },
        ...options.environments.flatMap((env) => planSteps(env, FLEET_DIR)),
        {
          name: 'Keep the upgrade for the pull request',
          if: '!cancelled()',
          uses: PINNED_ACTIONS.uploadArtifact.uses,
          with: { 'name': 'template-upgrade', 'path': '${{ runner.temp }}/fleet', 'retention-days': 5, 'include-hidden-files': true },
        },
      ],
    });
    this.workflow.addJob('pull-request', {
      name: 'Open or update the pull request',
      runsOn: ['ubuntu-latest'],
      needs: ['upgrade'],
      permissions: { contents: JobPermission.WRITE, pullRequests: JobPermission.WRITE },
      timeoutMinutes: 15,
      steps: [
        { name: 'Check out', uses: PINNED_ACTIONS.checkout.uses, with: { token: UPGRADE_TOKEN } },
        ...installSteps(options.nodeVersion),
        { name: 'Download the upgrade', uses: PINNED_ACTIONS.downloadArtifact.uses, with: { name: 'template-upgrade', path: '${{ runner.temp }}/fleet' } },
        { ...projenTaskStep('Open or update the pull request', 'fleet:pull-request', ['--dir', `"${FLEET_DIR}"`]), env: { GH_TOKEN: UPGRADE_TOKEN } },
      ],
    });
  }
}
