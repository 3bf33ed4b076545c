import { EcsService, EcsServiceConfig } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { containerDefinitionsJson } from './container-definition';
import { ServiceAutoscaling } from './service-autoscaling';
import { capacityProviderStrategy, createTaskRoles, createTaskSecurityGroup, rollingServiceSettings, taskDefinitionSettings, withAttachment } from './task-pieces';
import type { TaskRoles } from './task-roles';
import type { ServiceConfig } from '../contract/config';
import { trafficContainer, trafficPort } from '../contract/containers';
import type { AwsContext } from '../core/aws-context';
import { capacityProviderStrategyBlocks, ServiceModuleInputs } from '../core/module-inputs';
import { NO_ATTACHMENT, ResolvedAttachment } from '../data/workload-attachment';

/** How a service is reached from the load balancer. */
export interface LoadBalancerAttachment {
  /** The service's target group. */
  readonly targetGroup: LbTargetGroup;
  /** Security group of the load balancer: admitted to the traffic port. */
  readonly securityGroup: SecurityGroup;
  /** Listeners and rules that must exist before the target group can take tasks. */
  readonly routing: ITerraformDependable[];
  /** `<load balancer arn suffix>/<target group arn suffix>`, for request-count scaling. */
  readonly requestCountResourceLabel: string;
}

/** What the cluster stack shares with every service. */
export interface ClusterResources {
  readonly clusterArn: string;
  readonly clusterName: string;
  /** Log group the containers write to, and its ARN. */
  readonly logGroupName: string;
  readonly logGroupArn: string;
  /** The cluster's KMS key (ECS Exec sessions, secrets encrypted with it). */
  readonly kmsKeyArn: string;
  /** Audit log group of ECS Exec, when allowed. */
  readonly execLogGroupArn?: string;
  /** Service Connect namespace, when enabled. */
  readonly serviceConnectNamespaceArn?: string;
  /** Name of the EC2 capacity provider, when the cluster has one. */
  readonly ec2CapacityProviderName?: string;
}

/** Properties of {@link ContainerService}. */
export interface ContainerServiceProps {
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
  /** What the cluster provides. */
  readonly cluster: ClusterResources;
  /** VPC of the tasks. */
  readonly vpcId: string;
  /** Private subnets the tasks run in. */
  readonly subnetIds: string[];
  /** The load balancer in front of the service; unset for a service reached through Service Connect only. */
  readonly loadBalancer?: LoadBalancerAttachment;
  /** Security group every task of the environment carries, the source Service Connect traffic comes from. */
  readonly peerSecurityGroup?: SecurityGroup;
  /** Set by the Terraform module generator only: what the module decides at plan time. @default - the configuration decides */
  readonly moduleInputs?: Pick<ServiceModuleInputs, 'capacityProviderStrategy' | 'environmentVariables'>;
  /** Variables the platform adds to the application container (e.g. the ARNs of the topics it publishes to). */
  readonly additionalEnvironment?: Record<string, string>;
  /** What the attached data resources give the service: variables, secrets, permissions, security groups. */
  readonly attachment?: ResolvedAttachment;
  /** Dual-stack subnets: HTTPS out over IPv6 too (tasks get IPv6 addresses where ECS' dualStackIPv6 account setting is on). */
  readonly ipv6Egress?: boolean;
}

/**
 * One ECS service (on Fargate, Fargate Spot or the cluster's EC2 capacity): its security group,
 * roles, task definition, service and autoscaling. Tasks run in private subnets without public IPs
 * and accept traffic only from the load balancer (and, with Service Connect, from the other services).
 */
export class ContainerService extends Construct {
  /** Security group of the tasks. */
  public readonly securityGroup: SecurityGroup;
  /** Execution and task roles. */
  public readonly roles: TaskRoles;
  /** The task definition. */
  public readonly taskDefinition: EcsTaskDefinition;
  /** The ECS service. */
  public readonly ecsService: EcsService;
  /** Scaling of the desired count. */
  public readonly autoscaling: ServiceAutoscaling;

  constructor(scope: Construct, id: string, props: ContainerServiceProps) {
    super(scope, id);
    const attachment = props.attachment ?? NO_ATTACHMENT;
    const service = withAttachment(props.service, attachment);
    props = { ...props, service };
    const { cluster } = props;
    const name = `${props.namePrefix}-${service.name}`;

    this.securityGroup = createTaskSecurityGroup(this, {
      name: `${name}-tasks`,
      description: `Tasks of ${name}: reachable from the load balancer${service.serviceConnect ? ' and the other services' : ''} only`,
      vpcId: props.vpcId,
    });
    if (props.ipv6Egress) {
      new VpcSecurityGroupEgressRule(this, 'egress_https_ipv6', {
        securityGroupId: this.securityGroup.id,
        description: 'HTTPS over IPv6, through the egress-only internet gateway',
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIpv6: '::/0',
      });
    }
    if (props.loadBalancer) {
      this.admitLoadBalancer(props.loadBalancer, service);
    }
    if (service.serviceConnect && props.peerSecurityGroup) {
      this.admitPeers(props.peerSecurityGroup, service);
    }

    this.roles = createTaskRoles(this, props.aws, service, cluster, props.imageRepositoryArn, attachment);

    this.taskDefinition = this.createTaskDefinition(props, name);
    this.ecsService = new EcsService(this, 'service', this.serviceConfig(props));

    this.autoscaling = new ServiceAutoscaling(this, 'autoscaling', {
      clusterName: cluster.clusterName,
      serviceName: this.ecsService.name,
      config: service.autoscaling,
      ...(props.loadBalancer ? { requestCountResourceLabel: props.loadBalancer.requestCountResourceLabel } : {}),
    });
  }

  /** The task definition: the containers of the service, its roles and its size. */
  private createTaskDefinition(props: ContainerServiceProps, name: string): EcsTaskDefinition {
    const { service, cluster } = props;
    return new EcsTaskDefinition(this, 'task_definition', taskDefinitionSettings(name, service, this.roles, containerDefinitionsJson({
      service,
      image: props.image,
      logGroupName: cluster.logGroupName,
      region: props.aws.region,
      additionalEnvironment: props.additionalEnvironment ?? {},
      ...(props.moduleInputs ? { environmentExpression: props.moduleInputs.environmentVariables } : {}),
    })));
  }

  /** The ECS service: where its tasks run, how it deploys, and what it waits for. */
  private serviceConfig(props: ContainerServiceProps): EcsServiceConfig {
    const { service, cluster } = props;
    return {
      name: service.name,
      cluster: cluster.clusterArn,
      taskDefinition: this.taskDefinition.arn,
      desiredCount: service.desiredCount,
      capacityProviderStrategy: props.moduleInputs
        ? capacityProviderStrategyBlocks(props.moduleInputs.capacityProviderStrategy)
        : capacityProviderStrategy(service, cluster),
      ...(service.compatibility === 'EC2' ? {
        // Spread over zones first for availability, then pack instances by memory to save cost.
        orderedPlacementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      } : {}),
      networkConfiguration: {
        subnets: props.subnetIds,
        securityGroups: [
          this.securityGroup.id,
          ...(props.peerSecurityGroup ? [props.peerSecurityGroup.id] : []),
          ...(props.attachment?.securityGroupIds ?? []),
        ],
        assignPublicIp: false,
      },
      ...(props.loadBalancer ? {
        loadBalancer: [{
          targetGroupArn: props.loadBalancer.targetGroup.arn,
          containerName: trafficContainer(service),
          containerPort: trafficPort(service),
        }],
        healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
      } : {}),
      ...(cluster.serviceConnectNamespaceArn
        ? { serviceConnectConfiguration: this.serviceConnect(service, cluster.serviceConnectNamespaceArn) }
        : {}),
      ...rollingServiceSettings(cluster),
      // A target group takes tasks only once a listener routes to it, and tasks can start only
      // once the execution role may pull the image and write logs.
      dependsOn: [...(props.loadBalancer?.routing ?? []), this.roles.executionRolePolicy],
    };
  }

  private admitLoadBalancer(loadBalancer: LoadBalancerAttachment, service: ServiceConfig): void {
    const port = trafficPort(service);
    new VpcSecurityGroupIngressRule(this, 'ingress_from_load_balancer', {
      securityGroupId: this.securityGroup.id,
      description: `Port ${port} from the load balancer`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      referencedSecurityGroupId: loadBalancer.securityGroup.id,
    });
    new VpcSecurityGroupEgressRule(this, 'load_balancer_egress_to_tasks', {
      securityGroupId: loadBalancer.securityGroup.id,
      description: `To the ${service.name} tasks on port ${port}`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      referencedSecurityGroupId: this.securityGroup.id,
    });
  }

  private admitPeers(peers: SecurityGroup, service: ServiceConfig): void {
    const port = service.containerPort;
    new VpcSecurityGroupIngressRule(this, 'ingress_from_services', {
      securityGroupId: this.securityGroup.id,
      description: `Port ${port} from the other services (Service Connect)`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      referencedSecurityGroupId: peers.id,
    });
    new VpcSecurityGroupEgressRule(this, 'services_egress_to_tasks', {
      securityGroupId: peers.id,
      description: `To the ${service.name} tasks on port ${port} (Service Connect)`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      referencedSecurityGroupId: this.securityGroup.id,
    });
  }

  /** Every service of a namespace is a client; exposed services also serve `<name>:<port>`. */
  private serviceConnect(service: ServiceConfig, namespaceArn: string): EcsServiceConfig['serviceConnectConfiguration'] {
    return {
      enabled: true,
      namespace: namespaceArn,
      ...(service.serviceConnect ? {
        service: [{
          portName: service.name,
          discoveryName: service.name,
          clientAlias: { port: service.containerPort, dnsName: service.name },
        }],
      } : {}),
    };
  }
}
