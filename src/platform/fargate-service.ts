import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { AwsContext } from './aws-context';
import type { ServiceConfig } from './config';
import { containerDefinitionsJson, SCRATCH_VOLUME } from './container-definition';
import { ServiceAutoscaling } from './service-autoscaling';
import { TaskRoles } from './task-roles';

/** Properties of {@link FargateService}. */
export interface FargateServiceProps {
  /** Provider, partition, region and account of the stack. */
  readonly aws: AwsContext;
  /** Prefix of resource names, `<project>-<env>`. */
  readonly namePrefix: string;
  /** The service. */
  readonly service: ServiceConfig;
  /** Full image reference to run. */
  readonly image: string;
  /** ARN of the service's ECR repository, when the image comes from one of ours. */
  readonly imageRepositoryArn?: string;
  /** ARN of the cluster. */
  readonly clusterArn: string;
  /** Name of the cluster. */
  readonly clusterName: string;
  /** Name of the log group the containers write to. */
  readonly logGroupName: string;
  /** ARN of that log group. */
  readonly logGroupArn: string;
  /** VPC of the tasks. */
  readonly vpcId: string;
  /** Private subnets the tasks run in. */
  readonly subnetIds: string[];
  /** The service's target group. */
  readonly targetGroup: LbTargetGroup;
  /** Security group of the load balancer: the only source admitted to the tasks. */
  readonly loadBalancerSecurityGroup: SecurityGroup;
  /** Listeners and rules that must exist before the target group can take tasks. */
  readonly routing: ITerraformDependable[];
}

/**
 * One service on Fargate: its security group, roles, task definition, ECS service and
 * autoscaling. Tasks run in private subnets without public IPs and accept traffic only from the
 * load balancer.
 */
export class FargateService extends Construct {
  /** Security group of the tasks. */
  public readonly securityGroup: SecurityGroup;
  /** Execution and task roles. */
  public readonly roles: TaskRoles;
  /** The task definition. */
  public readonly taskDefinition: EcsTaskDefinition;
  /** The ECS service. */
  public readonly ecsService: EcsService;
  /** Target tracking on CPU and memory. */
  public readonly autoscaling: ServiceAutoscaling;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const { service } = props;
    const name = `${props.namePrefix}-${service.name}`;
    const port = service.containerPort;

    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: `${name}-tasks`,
      description: `Tasks of ${name}: reachable from the load balancer only`,
      vpcId: props.vpcId,
      tags: { Name: `${name}-tasks` },
    });
    new VpcSecurityGroupIngressRule(this, 'ingress_from_load_balancer', {
      securityGroupId: this.securityGroup.id,
      description: `Container port ${port} from the load balancer`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      referencedSecurityGroupId: props.loadBalancerSecurityGroup.id,
    });
    new VpcSecurityGroupEgressRule(this, 'egress_https', {
      securityGroupId: this.securityGroup.id,
      description: 'HTTPS to AWS APIs (ECR image pulls, CloudWatch Logs) and other HTTPS endpoints, through the NAT gateway',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });
    new VpcSecurityGroupEgressRule(this, 'load_balancer_egress_to_tasks', {
      securityGroupId: props.loadBalancerSecurityGroup.id,
      description: `To the ${service.name} tasks on container port ${port}`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      referencedSecurityGroupId: this.securityGroup.id,
    });

    this.roles = new TaskRoles(this, 'roles', {
      aws: props.aws,
      namePrefix: name,
      imageRepositoryArn: props.imageRepositoryArn,
      logGroupArn: props.logGroupArn,
    });

    this.taskDefinition = new EcsTaskDefinition(this, 'task_definition', {
      family: name,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(service.cpu),
      memory: String(service.memoryMiB),
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: service.cpuArchitecture },
      executionRoleArn: this.roles.executionRole.arn,
      taskRoleArn: this.roles.taskRole.arn,
      volume: [{ name: SCRATCH_VOLUME }],
      containerDefinitions: containerDefinitionsJson({
        service,
        image: props.image,
        logGroupName: props.logGroupName,
        region: props.aws.region,
      }),
    });

    this.ecsService = new EcsService(this, 'service', {
      name: service.name,
      cluster: props.clusterArn,
      taskDefinition: this.taskDefinition.arn,
      desiredCount: service.desiredCount,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
      networkConfiguration: {
        subnets: props.subnetIds,
        securityGroups: [this.securityGroup.id],
        assignPublicIp: false,
      },
      loadBalancer: [{ targetGroupArn: props.targetGroup.arn, containerName: service.name, containerPort: port }],
      deploymentCircuitBreaker: { enable: true, rollback: true },
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
      propagateTags: 'SERVICE',
      enableEcsManagedTags: true,
      waitForSteadyState: true,
      // Autoscaling owns the desired count after the first deployment.
      lifecycle: { ignoreChanges: ['desired_count'] },
      // A target group takes tasks only once a listener routes to it, and tasks can start only
      // once the execution role may pull the image and write logs.
      dependsOn: [...props.routing, this.roles.executionRolePolicy],
    });

    this.autoscaling = new ServiceAutoscaling(this, 'autoscaling', {
      clusterName: props.clusterName,
      serviceName: this.ecsService.name,
      config: service.autoscaling,
    });
  }
}
