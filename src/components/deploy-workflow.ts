import { Component } from 'projen';
import { GitHub, GithubWorkflow } from 'projen/lib/github';
import { Job, JobPermission } from 'projen/lib/github/workflows-model';
import { environmentJobSteps, projenTaskStep, TerraformJobSetup } from './deploy-steps';
import { deployRoles, EnvironmentRole } from './environment-roles';
import type { EnvironmentConfig } from '../platform/contract/config';
import type { DeploymentConfig } from '../platform/contract/deployment-config';

/** Options of {@link DeployWorkflow}. */
export interface DeployWorkflowOptions extends TerraformJobSetup {
  /** The resolved deployment configuration. */
  readonly deployment: DeploymentConfig;
  /** The resolved environments, in deployment order. */
  readonly environments: EnvironmentConfig[];
}

/** Id of the deploy job of an environment. */
export function deployJobId(environment: string): string {
  return `deploy-${environment}`;
}

/** Id of the manual plan job of an environment. */
export function planJobId(environment: string): string {
  return `plan-${environment}`;
}

/**
 * `.github/workflows/deploy.yml`: deploys every environment that has a deploy role, in order, on
 * each push to the release branch, and deploys or plans one environment on a manual run.
 *
 * Each environment's job runs in the GitHub Environment of the same name (where reviewers can be
 * required) and in a concurrency group that queues deployments instead of cancelling a running
 * one. It assumes the deploy role through OIDC and runs `npx projen deploy:<env>`, the command a
 * laptop runs: apply, push the image tagged with the commit, roll out, wait.
 */
export class DeployWorkflow extends Component {
  /** The workflow. */
  public readonly workflow: GithubWorkflow;

  constructor(github: GitHub, options: DeployWorkflowOptions) {
    super(github.project);
    const { deployment } = options;
    const deployed = deployRoles(options.environments);

    this.workflow = github.addWorkflow('deploy');
    // Jobs ask for more where they need it.
    this.workflow.file?.addOverride('permissions', { contents: 'read' });
    this.workflow.on({
      push: { branches: [deployment.releaseBranch] },
      workflowDispatch: {
        inputs: {
          environment: { description: 'Environment to deploy or plan', required: true, type: 'choice', options: deployed.map((role) => role.environment.name) },
          action: { description: 'Deploy the environment, or only plan its stacks', required: true, type: 'choice', options: ['deploy', 'plan'], default: 'deploy' },
        },
      },
    });

    let previous: string | undefined;
    for (const role of deployed) {
      this.workflow.addJob(deployJobId(role.environment.name), this.deployJob(role, options, previous));
      this.workflow.addJob(planJobId(role.environment.name), this.planJob(role, options));
      previous = deployJobId(role.environment.name);
    }
  }

  private deployJob({ environment: env, roleArn }: EnvironmentRole, options: DeployWorkflowOptions, previous: string | undefined): Job {
    const branch = `refs/heads/${options.deployment.releaseBranch}`;
    const onPush = env.deployment.requireApproval
      ? 'false'
      : `github.event_name == 'push'${previous ? ` && needs.${previous}.result == 'success'` : ''}`;
    const onDispatch = `github.event_name == 'workflow_dispatch' && github.ref == '${branch}' && inputs.action == 'deploy' && inputs.environment == '${env.name}'`;
    return {
      name: `Deploy ${env.name}`,
      // The image is built for the services' architecture, on a runner of that architecture.
      runsOn: [env.deployment.imageArchitecture === 'ARM64' ? 'ubuntu-24.04-arm' : 'ubuntu-latest'],
      ...(previous ? { needs: [previous] } : {}),
      if: `!cancelled() && ((${onPush}) || (${onDispatch}))`,
      environment: { name: env.name },
      concurrency: { 'group': `deploy-${env.name}`, 'cancel-in-progress': false },
      permissions: { contents: JobPermission.READ, idToken: JobPermission.WRITE },
      timeoutMinutes: 90,
      steps: [
        ...environmentJobSteps(env.region, roleArn, options),
        projenTaskStep(`Deploy ${env.name}`, `deploy:${env.name}`),
      ],
    };
  }

  private planJob({ environment: env, roleArn: deployRoleArn }: EnvironmentRole, options: DeployWorkflowOptions): Job {
    // Without a plan role the deploy role plans, which only trusts the GitHub Environment.
    const planRoleArn = env.deployment.planRoleArn;
    const roleArn = planRoleArn ?? deployRoleArn;
    return {
      name: `Plan ${env.name}`,
      runsOn: ['ubuntu-latest'],
      if: `github.event_name == 'workflow_dispatch' && inputs.action == 'plan' && inputs.environment == '${env.name}'`,
      ...(planRoleArn === undefined ? { environment: { name: env.name } } : {}),
      permissions: { contents: JobPermission.READ, idToken: JobPermission.WRITE },
      timeoutMinutes: 30,
      steps: [
        ...environmentJobSteps(env.region, roleArn, options),
        projenTaskStep(`Plan ${env.name}`, `plan:${env.name}`),
      ],
    };
  }
}
