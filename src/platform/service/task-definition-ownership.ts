import type { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import type { DeploymentConfig } from '../contract/deployment-config';

/** Service attributes Terraform leaves alone, whoever deploys: autoscaling owns the desired count. */
const ALWAYS_IGNORED = ['desired_count'];

/**
 * The `aws_ecs_service` attributes Terraform must not reset, so that Terraform and the pipeline
 * never fight over revisions:
 * - Terraform owns the task definition: only the desired count (autoscaling owns it);
 * - the pipeline owns it: also `task_definition`, which every deployment moves to a new revision;
 * - blue/green: also `load_balancer`, which CodeDeploy switches between the two target groups.
 */
export function ignoredServiceAttributes(deployment: Pick<DeploymentConfig, 'strategy' | 'taskDefinitionOwner'>): string[] {
  return [
    ...ALWAYS_IGNORED,
    ...(deployment.taskDefinitionOwner === 'pipeline' ? ['task_definition'] : []),
    ...(deployment.strategy === 'blue-green' ? ['load_balancer'] : []),
  ];
}

/**
 * Hands the ECS service's task definition (and, for blue/green, its deployments) to whoever the
 * configuration says owns them: sets `lifecycle.ignore_changes` and, for blue/green, the
 * CODE_DEPLOY deployment controller, which replaces ECS's own circuit breaker.
 */
export function applyTaskDefinitionOwnership(service: EcsService, deployment: Pick<DeploymentConfig, 'strategy' | 'taskDefinitionOwner'>): void {
  service.lifecycle = { ...service.lifecycle, ignoreChanges: ignoredServiceAttributes(deployment) };
  if (deployment.strategy === 'blue-green') {
    service.putDeploymentController({ type: 'CODE_DEPLOY' });
    // ECS rejects a circuit breaker on services that CodeDeploy deploys; CodeDeploy rolls back instead.
    service.resetDeploymentCircuitBreaker();
    // ECS deployment alarms apply to the ECS controller only; the deployment group watches them instead.
    service.resetAlarms();
  }
}
