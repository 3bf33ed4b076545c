import { BlueGreenDeployment } from './blue-green-deployment';
import type { ServiceStack } from './service-stack';
import { applyTaskDefinitionOwnership } from './task-definition-ownership';
import type { DeploymentConfig } from '../contract/deployment-config';
import { NETWORK_OUTPUTS } from '../core/stack-outputs';

/**
 * Prepares a service stack for the configured deployments: every ECS service ignores what the
 * pipeline owns and, with the blue-green strategy, gets a CodeDeploy deployment group, a second
 * target group and a test listener.
 *
 * @returns the blue/green resources, with the blue-green strategy
 */
export function configureServiceDeployment(stack: ServiceStack, deployment: DeploymentConfig): BlueGreenDeployment | undefined {
  for (const service of Object.values(stack.ecsServices)) {
    applyTaskDefinitionOwnership(service, deployment);
  }
  if (deployment.blueGreen === undefined) {
    return undefined;
  }
  return new BlueGreenDeployment(stack, 'blue_green', {
    aws: stack.aws,
    namePrefix: stack.namePrefix,
    config: deployment.blueGreen,
    environment: stack.environment.deployment,
    loadBalancerConfig: stack.environment.loadBalancer,
    ingress: stack.ingress,
    services: stack.services,
    vpcId: stack.networkOutputs.string(NETWORK_OUTPUTS.vpcId),
    deploymentAlarms: Object.fromEntries(Object.keys(stack.services).map((name) => [name, stack.monitoring?.deploymentAlarms(name) ?? []])),
  });
}
