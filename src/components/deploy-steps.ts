import { JobStep } from 'projen/lib/github/workflows-model';
import { PINNED_ACTIONS } from './pinned-actions';
import { setupTerraformStep } from './terraform-ci';
import type { EnvironmentDeploymentConfig, ServiceDeploymentTarget } from '../platform/deployment-config';

/** Where `cdktf synth` writes the stacks in the service repository. */
export const CDKTF_OUTDIR = 'cdktf.out';
/** The compiled stack-order command of the platform sources. */
export const STACK_ORDER_COMMAND = 'node lib/platform/stack-order.js';
/** Name of the artifact holding the image built from `app/`. */
export const IMAGE_ARTIFACT = 'app-image';
/** Local name of the image built from `app/`, tagged with the commit SHA. */
export const LOCAL_IMAGE = 'app';
/** Step id of the ECR login, whose `registry` output names the registry. */
export const ECR_LOGIN_STEP_ID = 'ecr';

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

/** Compiles the app, which synthesizes every stack into `cdktf.out/`. */
export function synthStep(): JobStep {
  return { name: 'Compile and synthesize the stacks', run: 'npx projen compile' };
}

/**
 * Applies stacks of one environment with plain Terraform, in the order of the dependencies in
 * `cdktf.out/manifest.json`.
 *
 * @param kinds the kinds of stack to apply (`network`, `cluster`, `service`)
 * @param imageTag pass the commit SHA as `image_tag` (stacks that declare it)
 */
export function applyStacksStep(environment: string, kinds: string[], imageTag: boolean): JobStep {
  return {
    name: `Apply the ${kinds.join(' and ')} stack${kinds.length > 1 ? 's' : ''}`,
    env: { ENVIRONMENT: environment },
    run: [
      'set -euo pipefail',
      `for stack in $(${STACK_ORDER_COMMAND} ${CDKTF_OUTDIR} "$ENVIRONMENT" ${kinds.join(' ')}); do`,
      `  dir="${CDKTF_OUTDIR}/stacks/$stack"`,
      '  terraform -chdir="$dir" init -input=false',
      ...(imageTag
        ? ['  vars=()', '  if grep -q \'"image_tag"\' "$dir/cdk.tf.json"; then vars=(-var "image_tag=$GITHUB_SHA"); fi',
          '  terraform -chdir="$dir" apply -input=false -auto-approve -lock-timeout=5m "${vars[@]}"']
        : ['  terraform -chdir="$dir" apply -input=false -auto-approve -lock-timeout=5m']),
      'done',
    ].join('\n'),
  };
}

/**
 * Plans every stack of an environment (without taking the state lock), writes the result as
 * Markdown to `$RUNNER_TEMP/plan-<environment>.md` and to the job summary, and fails when a plan
 * fails.
 */
export function planStacksStep(environment: string): JobStep {
  return {
    name: 'Plan every stack',
    env: { ENVIRONMENT: environment },
    run: [
      'set -euo pipefail',
      'report="$RUNNER_TEMP/plan-$ENVIRONMENT.md"',
      'echo "### Terraform plan of $ENVIRONMENT" > "$report"',
      'failed=0',
      `for stack in $(${STACK_ORDER_COMMAND} ${CDKTF_OUTDIR} "$ENVIRONMENT"); do`,
      `  dir="${CDKTF_OUTDIR}/stacks/$stack"`,
      '  vars=()',
      '  if grep -q \'"image_tag"\' "$dir/cdk.tf.json"; then vars=(-var "image_tag=$GITHUB_SHA"); fi',
      '  status=0',
      '  { terraform -chdir="$dir" init -input=false -no-color && terraform -chdir="$dir" plan -input=false -lock=false -no-color -detailed-exitcode -out=tfplan "${vars[@]}"; } > "$RUNNER_TEMP/$stack.log" 2>&1 || status=$?',
      '  case "$status" in',
      '    0) echo "- **$stack**: no changes" >> "$report" ;;',
      '    2) { echo "<details><summary><b>$stack</b>: $(grep -E "^Plan:" "$RUNNER_TEMP/$stack.log" || echo changes)</summary>"; echo; echo \'```\'; terraform -chdir="$dir" show -no-color tfplan | tail -c 20000; echo \'```\'; echo "</details>"; } >> "$report" ;;',
      '    *) failed=1; { echo "<details><summary><b>$stack</b>: plan failed</summary>"; echo; echo \'```\'; tail -c 10000 "$RUNNER_TEMP/$stack.log"; echo \'```\'; echo "</details>"; } >> "$report" ;;',
      '  esac',
      'done',
      'cat "$report" >> "$GITHUB_STEP_SUMMARY"',
      'exit "$failed"',
    ].join('\n'),
  };
}

/** What a job that runs Terraform installs. */
export interface TerraformJobSetup {
  /** Steps that install the project (projen's workflow setup). */
  readonly setupSteps: JobStep[];
  /** Terraform CLI version to install. */
  readonly terraformVersion: string;
}

/**
 * The first steps of every job that runs Terraform against an environment: checkout, install,
 * Terraform, credentials of `roleArn`, synth.
 */
export function terraformJobSteps(region: string, roleArn: string, setup: TerraformJobSetup): JobStep[] {
  return [
    checkoutStep(),
    ...setup.setupSteps,
    setupTerraformStep(setup.terraformVersion),
    awsCredentialsStep(roleArn, region),
    synthStep(),
  ];
}

/** The steps of a job that plans every stack of an environment with the role `roleArn`. */
export function planEnvironmentSteps(environment: string, region: string, roleArn: string, setup: TerraformJobSetup): JobStep[] {
  return [...terraformJobSteps(region, roleArn, setup), planStacksStep(environment)];
}

/** Builds `app/` once and saves it for the deploy jobs. */
export function buildImageSteps(platform: 'linux/amd64' | 'linux/arm64'): JobStep[] {
  return [
    checkoutStep(),
    {
      name: 'Build the image',
      env: { IMAGE_PLATFORM: platform },
      run: [
        'set -euo pipefail',
        `docker build --platform "$IMAGE_PLATFORM" --tag "${LOCAL_IMAGE}:$GITHUB_SHA" app`,
        'mkdir -p "$RUNNER_TEMP/image"',
        `docker save --output "$RUNNER_TEMP/image/image.tar" "${LOCAL_IMAGE}:$GITHUB_SHA"`,
      ].join('\n'),
    },
    {
      name: 'Keep the image for the deploy jobs',
      uses: PINNED_ACTIONS.uploadArtifact.uses,
      with: { 'name': IMAGE_ARTIFACT, 'path': '${{ runner.temp }}/image/image.tar', 'retention-days': 1, 'if-no-files-found': 'error' },
    },
  ];
}

/**
 * Loads the image built once and pushes it, tagged with the commit SHA, to the ECR repository of
 * every service of the environment (read from the cluster stack's outputs). Tags are immutable:
 * a tag pushed already (a re-run) is left as it is.
 */
export function pushImageSteps(environment: string): JobStep[] {
  return [
    {
      name: 'Download the image',
      uses: PINNED_ACTIONS.downloadArtifact.uses,
      with: { name: IMAGE_ARTIFACT, path: '${{ runner.temp }}/image' },
    },
    { name: 'Log in to Amazon ECR', id: ECR_LOGIN_STEP_ID, uses: PINNED_ACTIONS.amazonEcrLogin.uses },
    {
      name: 'Push the image tagged with the commit SHA',
      env: { ENVIRONMENT: environment },
      run: [
        'set -euo pipefail',
        'docker load --input "$RUNNER_TEMP/image/image.tar"',
        `urls=$(terraform -chdir="${CDKTF_OUTDIR}/stacks/$ENVIRONMENT-cluster" output -json ecr_repository_urls)`,
        'for url in $(jq -r \'.[]\' <<< "$urls"); do',
        '  if aws ecr describe-images --repository-name "${url#*/}" --image-ids imageTag="$GITHUB_SHA" > /dev/null 2>&1; then',
        '    echo "$url:$GITHUB_SHA exists already"',
        '    continue',
        '  fi',
        `  docker tag "${LOCAL_IMAGE}:$GITHUB_SHA" "$url:$GITHUB_SHA"`,
        '  docker push "$url:$GITHUB_SHA"',
        'done',
      ].join('\n'),
    },
  ];
}

/**
 * Registers a new revision of a service's task definition (the latest one with the new image) and
 * deploys it: a rolling ECS deployment, or a CodeDeploy blue/green deployment. The action waits
 * until the deployment completed and fails when it was rolled back.
 */
export function pipelineDeploySteps(environment: EnvironmentDeploymentConfig, service: ServiceDeploymentTarget, appSpecPath?: string): JobStep[] {
  const renderId = `render_${service.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return [
    {
      name: `Render the task definition of ${service.name}`,
      id: renderId,
      uses: PINNED_ACTIONS.renderTaskDefinition.uses,
      with: {
        'task-definition-family': service.taskDefinitionFamily,
        'container-name': service.name,
        'image': `\${{ steps.${ECR_LOGIN_STEP_ID}.outputs.registry }}/${service.imageRepositoryName}:\${{ github.sha }}`,
      },
    },
    {
      name: `Deploy ${service.name}`,
      uses: PINNED_ACTIONS.deployTaskDefinition.uses,
      with: {
        'task-definition': `\${{ steps.${renderId}.outputs.task-definition }}`,
        'cluster': environment.clusterName,
        'service': service.ecsServiceName,
        'wait-for-service-stability': true,
        'wait-for-minutes': 30,
        ...(appSpecPath !== undefined
          ? {
            'codedeploy-appspec': appSpecPath,
            'codedeploy-application': environment.codeDeployApplicationName,
            'codedeploy-deployment-group': service.codeDeployDeploymentGroupName,
          }
          : {}),
      },
    },
  ];
}

/**
 * Fails unless the service really runs the latest revision of its task definition family: the
 * primary deployment completed (rolling; a circuit-breaker rollback leaves the old revision
 * primary) or the primary task set is steady (blue/green).
 */
export function verifyRolloutStep(environment: EnvironmentDeploymentConfig, service: ServiceDeploymentTarget, blueGreen: boolean): JobStep {
  const query = blueGreen
    ? 'services[0].taskSets[?status==`PRIMARY`] | [0].[stabilityStatus,taskDefinition]'
    : 'services[0].deployments[?status==`PRIMARY`] | [0].[rolloutState,taskDefinition]';
  return {
    name: `Check that ${service.name} reached steady state`,
    env: {
      CLUSTER: environment.clusterName,
      SERVICE: service.ecsServiceName,
      FAMILY: service.taskDefinitionFamily,
      EXPECTED_STATE: blueGreen ? 'STEADY_STATE' : 'COMPLETED',
    },
    run: [
      'set -euo pipefail',
      'expected=$(aws ecs describe-task-definition --task-definition "$FAMILY" --query taskDefinition.taskDefinitionArn --output text)',
      'aws ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"',
      `read -r state running <<< "$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" --query '${query}' --output text)"`,
      'if [ "$state" != "$EXPECTED_STATE" ] || [ "$running" != "$expected" ]; then',
      '  echo "::error::$SERVICE runs $running ($state), not $expected: the deployment was rolled back or did not finish"',
      '  exit 1',
      'fi',
      'echo "$SERVICE runs $expected ($state)"',
    ].join('\n'),
  };
}
