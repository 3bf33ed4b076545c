import type { EcsServiceCapacityProviderStrategy, EcsServiceConfig } from '@cdktf/provider-aws/lib/ecs-service';
import type { EcsTaskDefinitionConfig } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import { SCRATCH_VOLUME } from './container-definition';
import type { ClusterResources } from './container-service';
import { TaskRoles } from './task-roles';
import type { CapacityProviderStrategyConfig, SecretConfig } from '../contract/config';
import type { AwsContext } from '../core/aws-context';
import { NO_ATTACHMENT, ResolvedAttachment } from '../data/workload-attachment';

/**
 * The pieces every ECS task of the platform is made of (services, workers and jobs): they are
 * created in the caller's scope under fixed ids, so extracting them changed no logical id.
 */

/** What a task needs from its configuration, whatever runs it. */
export interface TaskSettings {
  readonly name: string;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly cpuArchitecture: 'X86_64' | 'ARM64';
  readonly compatibility: 'FARGATE' | 'EC2';
  readonly capacityProviderStrategy: CapacityProviderStrategyConfig[];
  readonly secrets: SecretConfig[];
  readonly secretsKmsKeyArn?: string;
  readonly executionRoleName: string;
  readonly taskRoleName: string;
}

/** The tasks' security group (id `security_group`) with HTTPS egress only (id `egress_https`). */
export function createTaskSecurityGroup(scope: Construct, props: { name: string; description: string; vpcId: string }): SecurityGroup {
  const securityGroup = new SecurityGroup(scope, 'security_group', {
    name: props.name,
    description: props.description,
    vpcId: props.vpcId,
    tags: { Name: props.name },
  });
  new VpcSecurityGroupEgressRule(scope, 'egress_https', {
    securityGroupId: securityGroup.id,
    description: 'HTTPS to AWS APIs (ECR image pulls, CloudWatch Logs, secrets) and other HTTPS endpoints, through the NAT gateway or VPC endpoints',
    ipProtocol: 'tcp',
    fromPort: 443,
    toPort: 443,
    cidrIpv4: '0.0.0.0/0',
  });
  return securityGroup;
}

/** The execution and task roles (id `roles`): the image, secrets and log group of the task only; ECS Exec when allowed. */
export function createTaskRoles(
  scope: Construct,
  aws: AwsContext,
  task: TaskSettings,
  cluster: ClusterResources,
  imageRepositoryArn?: string,
  attachment: ResolvedAttachment = NO_ATTACHMENT,
): TaskRoles {
  return new TaskRoles(scope, 'roles', {
    aws,
    names: { execution: task.executionRoleName, task: task.taskRoleName },
    imageRepositoryArn,
    logGroupArn: cluster.logGroupArn,
    secrets: task.secrets,
    secretKeyArns: [cluster.kmsKeyArn, ...(task.secretsKmsKeyArn ? [task.secretsKmsKeyArn] : []), ...attachment.secretKeyArns],
    dataStatements: attachment.taskStatements,
    ...(cluster.execLogGroupArn !== undefined
      ? { execute: { kmsKeyArn: cluster.kmsKeyArn, logGroupArn: cluster.execLogGroupArn } }
      : {}),
  });
}

/** The task definition's settings: its family, size, platform, roles and the writable `/tmp` volume. */
export function taskDefinitionSettings(family: string, task: TaskSettings, roles: TaskRoles, containerDefinitions: string): EcsTaskDefinitionConfig {
  return {
    family,
    requiresCompatibilities: [task.compatibility],
    networkMode: 'awsvpc',
    cpu: String(task.cpu),
    memory: String(task.memoryMiB),
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: task.cpuArchitecture },
    executionRoleArn: roles.executionRole.arn,
    taskRoleArn: roles.taskRole.arn,
    volume: [{ name: SCRATCH_VOLUME }],
    containerDefinitions,
  };
}

/** The capacity provider strategy of a task, with `EC2` replaced by the cluster's EC2 capacity provider. */
export function capacityProviderStrategy(task: Pick<TaskSettings, 'name' | 'capacityProviderStrategy'>, cluster: ClusterResources): EcsServiceCapacityProviderStrategy[] {
  const providerName = (provider: string): string => {
    if (provider !== 'EC2') {
      return provider;
    }
    if (cluster.ec2CapacityProviderName === undefined) {
      throw new Error(`${task.name} runs on EC2 capacity, but the cluster has no EC2 capacity provider`);
    }
    return cluster.ec2CapacityProviderName;
  };
  return task.capacityProviderStrategy.map((item) => ({
    capacityProvider: providerName(item.capacityProvider),
    base: item.base,
    weight: item.weight,
  }));
}

/**
 * How every ECS service of the platform rolls out: circuit breaker with rollback, 100/200 rolling
 * deployments, tags propagated, Terraform waiting for a steady state, ECS Exec as the cluster allows,
 * and the desired count left to scaling after the first deployment.
 */
export function rollingServiceSettings(cluster: ClusterResources): Pick<EcsServiceConfig,
'deploymentCircuitBreaker' | 'deploymentMinimumHealthyPercent' | 'deploymentMaximumPercent' | 'enableExecuteCommand'
| 'propagateTags' | 'enableEcsManagedTags' | 'waitForSteadyState' | 'lifecycle'> {
  return {
    deploymentCircuitBreaker: { enable: true, rollback: true },
    deploymentMinimumHealthyPercent: 100,
    deploymentMaximumPercent: 200,
    enableExecuteCommand: cluster.execLogGroupArn !== undefined,
    propagateTags: 'SERVICE',
    enableEcsManagedTags: true,
    waitForSteadyState: true,
    // Scaling owns the desired count after the first deployment.
    lifecycle: { ignoreChanges: ['desired_count'] },
  };
}

/** The task with the variables and secrets of its attached data resources added. */
export function withAttachment<T extends Pick<TaskSettings, 'secrets'> & { readonly environment: Record<string, string> }>(task: T, attachment: ResolvedAttachment): T {
  return {
    ...task,
    environment: { ...task.environment, ...attachment.environment },
    secrets: [...task.secrets, ...attachment.secrets],
  };
}
