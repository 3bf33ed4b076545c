import type { EnvironmentDeploymentConfig } from '../contract/deployment-config';

/** Names of the CodeBuild output files the deploy actions read. */
export const BUILD_OUTPUT_FILES = {
  /** Rolling: `[{ name, imageUri }]` per container, read by the ECS deploy action. */
  imageDefinitions: 'imagedefinitions.json',
  /** Blue/green: `{ ImageURI }`, substituted for `<IMAGE1_NAME>` in the task definition template. */
  imageDetail: 'imageDetail.json',
  /** Blue/green: the task definition template. */
  taskDefinition: 'taskdef.json',
  /** Blue/green: the CodeDeploy AppSpec template. */
  appSpec: 'appspec.yaml',
} as const;

/** Placeholder CodePipeline replaces with the image of `imageDetail.json`. */
export const IMAGE_PLACEHOLDER = '<IMAGE1_NAME>';
/** Placeholder CodePipeline replaces with the registered task definition ARN. */
export const TASK_DEFINITION_PLACEHOLDER = '<TASK_DEFINITION>';

/** Node.js major version CodeBuild installs for the operations commands. */
export const BUILD_NODE_VERSION = '22';

/**
 * The CodeBuild buildspec of one service's pipeline: install the locked dependencies without
 * their install scripts, then run the `push-image:<env>` task, the command a laptop runs, which
 * builds `app/`, pushes it tagged with the commit (skipped when that immutable tag exists: a
 * retried build) and writes the files the deploy action reads.
 *
 * @param strategy rolling: `imagedefinitions.json`; blue-green: `imageDetail.json`, a task
 * definition template made from the latest registered revision, and `appspec.yaml`
 * @param environment the environment the pipeline deploys
 * @param service the service deployed by the pipeline
 */
export function buildspec(strategy: 'rolling' | 'blue-green', environment: string, service: EnvironmentDeploymentConfig['services'][number]): string {
  const files = strategy === 'rolling'
    ? [BUILD_OUTPUT_FILES.imageDefinitions]
    : [BUILD_OUTPUT_FILES.imageDetail, BUILD_OUTPUT_FILES.taskDefinition, BUILD_OUTPUT_FILES.appSpec];
  const command = `npx projen push-image:${environment} --service ${service.name} --pipeline-artifacts`;
  return opsBuildspec(command, { artifacts: { files } });
}

/** Variables of the site publishing builds: the bucket and the distribution (the service stack's outputs). */
export const SITE_VARIABLES = { bucket: 'SITE_BUCKET', distributionId: 'SITE_DISTRIBUTION_ID' } as const;

/** The CodeBuild buildspec publishing the static site: `publish-site:<env>`, the command `deploy` runs. */
export function sitePublishingBuildspec(environment: string): string {
  return opsBuildspec(`npx projen publish-site:${environment} --bucket "$${SITE_VARIABLES.bucket}" --distribution-id "$${SITE_VARIABLES.distributionId}"`);
}

/** The variable of the release project's builds naming the service whose release task runs. */
export const RELEASE_SERVICE_VARIABLE = 'RELEASE_SERVICE';

/**
 * The CodeBuild buildspec of the release tasks of an environment's pipeline: install the locked
 * dependencies, then run `release-task:<env>` for the service the pipeline action names, the
 * command a laptop runs, which registers a revision with the pushed image (tagged with the commit)
 * and runs the release task on it; its failure fails the action before the deploy stage.
 */
export function releaseBuildspec(environment: string): string {
  return opsBuildspec(`npx projen release-task:${environment} --service "$${RELEASE_SERVICE_VARIABLE}"`);
}

/** A buildspec installing the locked dependencies, then running one operations command. */
function opsBuildspec(command: string, more: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '0.2',
    env: { shell: 'bash' },
    phases: {
      install: {
        'runtime-versions': { nodejs: BUILD_NODE_VERSION },
        'commands': ['npm ci --ignore-scripts'],
      },
      build: {
        'on-failure': 'ABORT',
        'commands': [command],
      },
    },
    ...more,
  }, undefined, 2);
}
