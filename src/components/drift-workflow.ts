import { Component } from 'projen';
import { GitHub, GithubWorkflow } from 'projen/lib/github';
import { JobPermission } from 'projen/lib/github/workflows-model';
import { checkoutStep, installSteps, projenTaskStep, TerraformJobSetup } from './deploy-steps';
import type { EnvironmentRole } from './environment-roles';
import { planJobSetupSteps, planSteps, scheduledWorkflow } from './fleet-steps';
import { PINNED_ACTIONS } from './pinned-actions';
import type { DriftDetectionConfig } from '../platform/contract/fleet-config';

/** Options of {@link DriftWorkflow}. */
export interface DriftWorkflowOptions extends TerraformJobSetup {
  readonly drift: DriftDetectionConfig;
  /** The environments to plan (those with a plan role). */
  readonly environments: EnvironmentRole[];
}

const PLANS_DIR = '$RUNNER_TEMP/drift';
/** Id of the job that keeps the issues. */
export const DRIFT_ISSUES_JOB = 'issues';

/**
 * `.github/workflows/drift.yml`: on a schedule (or by hand), one job per environment plans every
 * stack with the read-only plan role (`-detailed-exitcode`); then job `issues` opens or updates one
 * issue per environment that drifted, listing the resources, and closes it once nothing drifts.
 */
export class DriftWorkflow extends Component {
  public readonly workflow: GithubWorkflow;

  constructor(github: GitHub, options: DriftWorkflowOptions) {
    super(github.project);
    this.workflow = scheduledWorkflow(github, 'drift', options.drift.schedule);
    for (const role of options.environments) {
      const env = role.environment;
      this.workflow.addJob(`plan-${env.name}`, {
        name: `Plan ${env.name}`,
        runsOn: ['ubuntu-latest'],
        permissions: { contents: JobPermission.READ, idToken: JobPermission.WRITE },
        timeoutMinutes: 30,
        steps: [
          ...planJobSetupSteps(options),
          ...planSteps(role, PLANS_DIR, ['--detailed-exitcode']),
          {
            name: 'Keep the plan report',
            if: '!cancelled()',
            uses: PINNED_ACTIONS.uploadArtifact.uses,
            with: { 'name': `drift-${env.name}`, 'path': '${{ runner.temp }}/drift', 'retention-days': 5, 'if-no-files-found': 'ignore' },
          },
        ],
      });
    }
    this.workflow.addJob(DRIFT_ISSUES_JOB, {
      name: 'Open, update or close the drift issues',
      runsOn: ['ubuntu-latest'],
      needs: options.environments.map(({ environment: env }) => `plan-${env.name}`),
      if: '!cancelled()',
      permissions: { contents: JobPermission.READ, issues: JobPermission.WRITE },
      timeoutMinutes: 15,
      steps: [
        checkoutStep(),
        ...installSteps(options.nodeVersion),
        { name: 'Download the plan reports', uses: PINNED_ACTIONS.downloadArtifact.uses, with: { 'pattern': 'drift-*', 'merge-multiple': true, 'path': '${{ runner.temp }}/drift' } },
        {
          ...projenTaskStep('Keep one issue per drifted environment', 'drift:issues', ['--dir', `"${PLANS_DIR}"`, '--run-url', '"$RUN_URL"']),
          env: { GH_TOKEN: '${{ github.token }}', RUN_URL: '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}' },
        },
      ],
    });
  }
}
