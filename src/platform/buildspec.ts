import type { EnvironmentDeploymentConfig } from './deployment-config';

/** Directory of the sample container app, the image's build context. */
export const APP_DIRECTORY = 'app';

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

/** Environment variables CodeBuild passes to the build. */
export const BUILD_VARIABLES = {
  registry: 'ECR_REGISTRY',
  repositoryUrl: 'REPOSITORY_URL',
  repositoryName: 'REPOSITORY_NAME',
  platform: 'IMAGE_PLATFORM',
  family: 'TASK_DEFINITION_FAMILY',
} as const;

/**
 * The CodeBuild buildspec of one service's pipeline: log in to ECR, build `app/` once, push it
 * tagged with the commit (skipped when that immutable tag exists already: a retried build), then
 * write the files the deploy action needs.
 *
 * @param strategy rolling: `imagedefinitions.json`; blue-green: `imageDetail.json`, a task
 * definition template made from the latest registered revision, and `appspec.yaml`
 * @param service the service deployed by the pipeline
 */
export function buildspec(strategy: 'rolling' | 'blue-green', service: EnvironmentDeploymentConfig['services'][number]): string {
  const v = BUILD_VARIABLES;
  const image = `"$${v.repositoryUrl}:$IMAGE_TAG"`;
  const artifacts = strategy === 'rolling'
    ? [
      `printf '[{"name":"%s","imageUri":"%s"}]' "${service.name}" ${image} > ${BUILD_OUTPUT_FILES.imageDefinitions}`,
    ]
    : [
      `printf '{"ImageURI":"%s"}' ${image} > ${BUILD_OUTPUT_FILES.imageDetail}`,
      // The template is the latest revision, with the image left for CodePipeline to fill in.
      `aws ecs describe-task-definition --task-definition "$${v.family}" --query taskDefinition --output json | jq --arg image '${IMAGE_PLACEHOLDER}' '(.containerDefinitions[] | select(.name == "${service.name}") | .image) = $image | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities, .registeredAt, .registeredBy, .deregisteredAt)' > ${BUILD_OUTPUT_FILES.taskDefinition}`,
      `printf 'version: 0.0\\nResources:\\n  - TargetService:\\n      Type: AWS::ECS::Service\\n      Properties:\\n        TaskDefinition: "${TASK_DEFINITION_PLACEHOLDER}"\\n        LoadBalancerInfo:\\n          ContainerName: "${service.containerName}"\\n          ContainerPort: ${service.containerPort}\\n' > ${BUILD_OUTPUT_FILES.appSpec}`,
    ];
  const files = strategy === 'rolling'
    ? [BUILD_OUTPUT_FILES.imageDefinitions]
    : [BUILD_OUTPUT_FILES.imageDetail, BUILD_OUTPUT_FILES.taskDefinition, BUILD_OUTPUT_FILES.appSpec];
  const document = {
    version: '0.2',
    env: { shell: 'bash' },
    phases: {
      pre_build: {
        commands: [
          'IMAGE_TAG="$CODEBUILD_RESOLVED_SOURCE_VERSION"',
          `aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "$${v.registry}"`,
        ],
      },
      build: {
        'on-failure': 'ABORT',
        'commands': [
          `if aws ecr describe-images --repository-name "$${v.repositoryName}" --image-ids imageTag="$IMAGE_TAG" > /dev/null 2>&1; then echo "image $IMAGE_TAG exists already"; else docker build --platform "$${v.platform}" --tag ${image} ${APP_DIRECTORY} && docker push ${image}; fi`,
        ],
      },
      post_build: { commands: artifacts },
    },
    artifacts: { files },
  };
  return JSON.stringify(document, undefined, 2);
}
