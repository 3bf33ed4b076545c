import { CreateDeploymentCommand, GetDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { OperationsContext } from './environment';
import { OperationError } from './errors';
import { releasingServices, runReleaseTask } from './release-tasks';
import { describeService } from './rollout';
import { registerRevisionWithImage } from './task-definitions';
import type { ServiceDeploymentTarget } from '../contract/deployment-config';

/** CodeDeploy deployment states that end a deployment. */
const FINAL_STATES = new Set(['Succeeded', 'Failed', 'Stopped']);

/**
 * Deploys `image` to a service whose task definition the pipeline owns: registers a revision from
 * the latest one with the new image, runs the service's release task on it (a failure stops here),
 * then updates the service (rolling) or starts a CodeDeploy
 * blue/green deployment and waits for it to end.
 */
export async function deployRevision(
  context: OperationsContext,
  service: ServiceDeploymentTarget,
  image: string,
  pollSeconds = 15,
): Promise<string> {
  const revision = await registerRevisionWithImage(context, service.taskDefinitionFamily, service.name, image);
  await releaseRevision(context, service, revision);
  if (context.deployment.strategy === 'blue-green') {
    await codeDeploy(context, service, revision, pollSeconds);
  } else {
    const request = { cluster: context.target.clusterName, service: service.ecsServiceName, taskDefinition: revision };
    await context.aws.ecs.send(new UpdateServiceCommand(request));
  }
  return revision;
}

/** The CodeDeploy AppSpec of an ECS blue/green deployment to `revision`. */
export function appSpec(service: ServiceDeploymentTarget, revision: string): string {
  return JSON.stringify({
    version: 0.0,
    Resources: [{
      TargetService: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: revision,
          LoadBalancerInfo: { ContainerName: service.containerName, ContainerPort: service.containerPort },
        },
      },
    }],
  });
}

async function codeDeploy(context: OperationsContext, service: ServiceDeploymentTarget, revision: string, pollSeconds: number): Promise<void> {
  const created = await context.aws.codeDeploy.send(new CreateDeploymentCommand({
    applicationName: context.target.codeDeployApplicationName,
    deploymentGroupName: service.codeDeployDeploymentGroupName,
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(service, revision) } },
    description: `${revision.split('/').pop()} by the deploy command`,
  }));
  const id = created.deploymentId;
  if (id === undefined) {
    throw new OperationError(`CodeDeploy started no deployment of ${service.name}`);
  }
  context.output.line(`  CodeDeploy deployment ${id}`);
  for (;;) {
    const info = (await context.aws.codeDeploy.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo;
    const status = info?.status ?? 'Unknown';
    if (FINAL_STATES.has(status)) {
      if (status !== 'Succeeded') {
        throw new OperationError(`${service.name}: CodeDeploy deployment ${id} ${status.toLowerCase()}: ${info?.errorInformation?.message ?? 'no reason given'}`);
      }
      return;
    }
    await context.sleep(pollSeconds * 1000);
  }
}

/** Runs the service's release task, if it has one, on a registered revision the service does not run yet. */
export async function releaseRevision(context: OperationsContext, service: ServiceDeploymentTarget, revision: string): Promise<void> {
  const releasing = releasingServices(context).find((candidate) => candidate.target.name === service.name);
  if (releasing !== undefined) {
    // The service exists: its stack was applied before any revision is deployed.
    await runReleaseTask(context, releasing, revision, await describeService(context, service));
  }
}
