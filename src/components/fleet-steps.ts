import { GitHub, GithubWorkflow } from 'projen/lib/github';
import { JobStep, WorkflowDispatchOptions } from 'projen/lib/github/workflows-model';
import { awsCredentialsStep, checkoutStep, installSteps, projenTaskStep, TerraformJobSetup } from './deploy-steps';
import type { EnvironmentRole } from './environment-roles';
import { setupTerraformStep } from './terraform-ci';

/**
 * Plans one environment with its read-only role into `dir` (Markdown table and JSON report). A
 * failed plan does not stop the job: the pull request or issue says so.
 */
export function planSteps({ environment: env, roleArn }: EnvironmentRole, dir: string, extraArgs: string[] = []): JobStep[] {
  return [
    { ...awsCredentialsStep(roleArn, env.region), name: `Assume the plan role of ${env.name} (OIDC)` },
    {
      ...projenTaskStep(`Plan ${env.name}`, `plan:${env.name}`, [...extraArgs, '--markdown', `"${dir}/plan-${env.name}.md"`, '--json', `"${dir}/plan-${env.name}.json"`]),
      continueOnError: true,
    },
  ];
}

/**
 * A workflow of the fleet: on a schedule and by hand, read-only unless a job asks for more, one
 * run at a time (a second waits).
 */
export function scheduledWorkflow(github: GitHub, name: string, cron: string, dispatch: WorkflowDispatchOptions = {}): GithubWorkflow {
  const workflow = github.addWorkflow(name);
  workflow.file?.addOverride('permissions', { contents: 'read' });
  workflow.file?.addOverride('concurrency', { 'group': name, 'cancel-in-progress': false });
  workflow.on({ schedule: [{ cron }], workflowDispatch: dispatch });
  return workflow;
}

/** The first steps of a job that plans: checkout, install, Terraform. */
export function planJobSetupSteps(setup: TerraformJobSetup): JobStep[] {
  return [checkoutStep(), ...installSteps(setup.nodeVersion), setupTerraformStep(setup.terraformVersion)];
}
