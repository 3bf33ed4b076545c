import { Component } from 'projen';
import { GitHub, GithubWorkflow } from 'projen/lib/github';
import { Job, JobPermission, JobStep } from 'projen/lib/github/workflows-model';
import { appSpecPath } from './appspec-files';
import {
  applyStacksStep,
  buildImageSteps,
  pipelineDeploySteps,
  planEnvironmentSteps,
  pushImageSteps,
  terraformJobSteps,
  verifyRolloutStep,
} from './deploy-steps';
import type { DeploymentConfig, EnvironmentDeploymentConfig } from '../platform/deployment-config';

/** Options of {@link DeployWorkflow}. */
export interface DeployWorkflowOptions {
  /** The resolved deployment configuration. */
  readonly deployment: DeploymentConfig;
  /** Terraform CLI version to install. */
  readonly terraformVersion: string;
  /** Steps that set up Node.js and install the dependencies. */
  readonly setupSteps: JobStep[];
}

/** Id of the job that builds the image once. */
export const BUILD_IMAGE_JOB = 'build-image';

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
 * one. It assumes the deploy role through OIDC, applies the network and cluster stacks (they
 * create the ECR repositories), pushes the image built once (tagged with the commit SHA), applies
 * the service stack, deploys the new task definition when the pipeline owns it, and checks that
 * the rollout reached steady state.
 */
export class DeployWorkflow extends Component {
  /** The workflow. */
  public readonly workflow: GithubWorkflow;

  constructor(github: GitHub, options: DeployWorkflowOptions) {
    super(github.project);
    const { deployment } = options;
    const deployed = deployment.environments.filter((env) => env.deployRoleArn !== undefined);
    const buildsImage = deployed.some((env) => env.services.some((service) => service.imageRepositoryName !== undefined));

    this.workflow = github.addWorkflow('deploy');
    // Jobs ask for more where they need it.
    this.workflow.file?.addOverride('permissions', { contents: 'read' });
    this.workflow.on({
      push: { branches: [deployment.releaseBranch] },
      workflowDispatch: {
        inputs: {
          environment: { description: 'Environment to deploy or plan', required: true, type: 'choice', options: deployed.map((env) => env.name) },
          action: { description: 'Deploy the environment, or only plan its stacks', required: true, type: 'choice', options: ['deploy', 'plan'], default: 'deploy' },
        },
      },
    });

    if (buildsImage) {
      const arm = deployed[0].imageArchitecture === 'ARM64';
      this.workflow.addJob(BUILD_IMAGE_JOB, {
        name: 'Build the image',
        runsOn: [arm ? 'ubuntu-24.04-arm' : 'ubuntu-latest'],
        permissions: { contents: JobPermission.READ },
        if: "github.event_name == 'push' || inputs.action == 'deploy'",
        timeoutMinutes: 30,
        steps: buildImageSteps(arm ? 'linux/arm64' : 'linux/amd64'),
      });
    }

    let previous: string | undefined;
    for (const env of deployed) {
      this.workflow.addJob(deployJobId(env.name), this.deployJob(env, options, buildsImage, previous));
      this.workflow.addJob(planJobId(env.name), this.planJob(env, options));
      previous = deployJobId(env.name);
    }
  }

  private deployJob(env: EnvironmentDeploymentConfig, options: DeployWorkflowOptions, buildsImage: boolean, previous: string | undefined): Job {
    const { deployment } = options;
    const branch = `refs/heads/${deployment.releaseBranch}`;
    const onPush = env.requireApproval
      ? 'false'
      : `github.event_name == 'push'${previous ? ` && needs.${previous}.result == 'success'` : ''}`;
    const onDispatch = `github.event_name == 'workflow_dispatch' && github.ref == '${branch}' && inputs.action == 'deploy' && inputs.environment == '${env.name}'`;
    const conditions = ['!cancelled()', ...(buildsImage ? [`needs.${BUILD_IMAGE_JOB}.result == 'success'`] : []), `((${onPush}) || (${onDispatch}))`];
    const ownImages = env.services.filter((service) => service.imageRepositoryName !== undefined);
    const pipelineOwned = deployment.taskDefinitionOwner === 'pipeline';
    const blueGreen = deployment.strategy === 'blue-green';

    return {
      name: `Deploy ${env.name}`,
      runsOn: ['ubuntu-latest'],
      needs: [...(buildsImage ? [BUILD_IMAGE_JOB] : []), ...(previous ? [previous] : [])],
      if: conditions.join(' && '),
      environment: { name: env.name },
      concurrency: { 'group': `deploy-${env.name}`, 'cancel-in-progress': false },
      permissions: { contents: JobPermission.READ, idToken: JobPermission.WRITE },
      timeoutMinutes: 90,
      steps: [
        ...terraformJobSteps(env.region, env.deployRoleArn!, options),
        applyStacksStep(env.name, ['network', 'cluster'], false),
        ...(ownImages.length > 0 ? pushImageSteps(env.name) : []),
        applyStacksStep(env.name, ['service'], true),
        ...(pipelineOwned
          ? ownImages.flatMap((service) => pipelineDeploySteps(env, service, blueGreen ? appSpecPath(service.name) : undefined))
          : []),
        ...env.services.map((service) => verifyRolloutStep(env, service, blueGreen)),
      ],
    };
  }

  private planJob(env: EnvironmentDeploymentConfig, options: DeployWorkflowOptions): Job {
    // Without a plan role the deploy role plans, which only trusts the GitHub Environment.
    const roleArn = env.planRoleArn ?? env.deployRoleArn!;
    return {
      name: `Plan ${env.name}`,
      runsOn: ['ubuntu-latest'],
      if: `github.event_name == 'workflow_dispatch' && inputs.action == 'plan' && inputs.environment == '${env.name}'`,
      ...(env.planRoleArn === undefined ? { environment: { name: env.name } } : {}),
      permissions: { contents: JobPermission.READ, idToken: JobPermission.WRITE },
      timeoutMinutes: 30,
      steps: planEnvironmentSteps(env.name, env.region, roleArn, options),
    };
  }
}
