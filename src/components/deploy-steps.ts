import { JobStep } from 'projen/lib/github/workflows-model';
import { PINNED_ACTIONS } from './pinned-actions';
import { setupTerraformStep } from './terraform-ci';

/** Checks the repository out without leaving the token in the git configuration. */
export function checkoutStep(): JobStep {
  return { name: 'Check out', uses: PINNED_ACTIONS.checkout.uses, with: { 'persist-credentials': false } };
}

/** Assumes an IAM role through GitHub's OIDC token; the job needs `id-token: write`. */
export function awsCredentialsStep(roleArn: string, region: string): JobStep {
  return {
    name: 'Assume the AWS role (OIDC)',
    uses: PINNED_ACTIONS.configureAwsCredentials.uses,
    with: {
      'role-to-assume': roleArn,
      'aws-region': region,
      'role-session-name': 'github-${{ github.run_id }}-${{ github.run_attempt }}',
    },
  };
}

/**
 * Installs Node.js and the locked dependencies without running their install scripts: these jobs
 * hold an OIDC token that can assume an AWS role, and no package needs a script to deploy.
 */
export function installSteps(nodeVersion: string): JobStep[] {
  return [
    { name: 'Set up Node.js', uses: PINNED_ACTIONS.setupNode.uses, with: { 'node-version': nodeVersion } },
    { name: 'Install dependencies (without install scripts)', run: 'npm ci --ignore-scripts' },
  ];
}

/** Runs a projen task: the same command a laptop runs. */
export function projenTaskStep(name: string, task: string, args: string[] = []): JobStep {
  return { name, run: ['npx projen', task, ...args].join(' ') };
}

/** What a job that runs Terraform installs. */
export interface TerraformJobSetup {
  /** Node.js version of the workflows. */
  readonly nodeVersion: string;
  /** Terraform CLI version to install. */
  readonly terraformVersion: string;
}

/**
 * The first steps of every job that works on an environment: checkout, install, Terraform,
 * credentials of `roleArn`.
 */
export function environmentJobSteps(region: string, roleArn: string, setup: TerraformJobSetup): JobStep[] {
  return [
    checkoutStep(),
    ...installSteps(setup.nodeVersion),
    setupTerraformStep(setup.terraformVersion),
    awsCredentialsStep(roleArn, region),
  ];
}
