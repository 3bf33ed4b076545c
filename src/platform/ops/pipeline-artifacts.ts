import { writeFileSync } from 'fs';
import { join } from 'path';
import type { OperationsContext } from './environment';
import { appSpec } from './pipeline-deployment';
import { describeTaskDefinition, registrationOf } from './task-definitions';
import type { ServiceDeploymentTarget } from '../contract/deployment-config';
import { BUILD_OUTPUT_FILES, IMAGE_PLACEHOLDER, TASK_DEFINITION_PLACEHOLDER } from '../delivery/buildspec';

/**
 * Writes the files CodePipeline's deploy action reads from a build's output, in `dir`:
 * rolling: `imagedefinitions.json` (`[{ name, imageUri }]`); blue/green: `imageDetail.json`, a task
 * definition template made from the latest revision with the image left for CodePipeline to fill
 * in, and the AppSpec with the task definition placeholder.
 *
 * @returns the written file names
 */
export async function writePipelineArtifacts(context: OperationsContext, service: ServiceDeploymentTarget, imageUri: string, dir = '.'): Promise<string[]> {
  if (context.deployment.strategy === 'rolling') {
    writeFileSync(join(dir, BUILD_OUTPUT_FILES.imageDefinitions), JSON.stringify([{ name: service.name, imageUri }]));
    return [BUILD_OUTPUT_FILES.imageDefinitions];
  }
  const latest = await describeTaskDefinition(context, service.taskDefinitionFamily);
  const containers = (latest.containerDefinitions ?? [])
    .map((container) => (container.name === service.name ? { ...container, image: IMAGE_PLACEHOLDER } : container));
  const template = { ...registrationOf(latest), containerDefinitions: containers };
  writeFileSync(join(dir, BUILD_OUTPUT_FILES.imageDetail), JSON.stringify({ ImageURI: imageUri }));
  writeFileSync(join(dir, BUILD_OUTPUT_FILES.taskDefinition), JSON.stringify(template, undefined, 2));
  writeFileSync(join(dir, BUILD_OUTPUT_FILES.appSpec), appSpec(service, TASK_DEFINITION_PLACEHOLDER));
  return [BUILD_OUTPUT_FILES.imageDetail, BUILD_OUTPUT_FILES.taskDefinition, BUILD_OUTPUT_FILES.appSpec];
}
