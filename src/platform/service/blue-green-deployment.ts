import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { CodedeployApp } from '@cdktf/provider-aws/lib/codedeploy-app';
import { CodedeployDeploymentGroup } from '@cdktf/provider-aws/lib/codedeploy-deployment-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import type { ContainerService } from './container-service';
import type { PublicLoadBalancer } from './load-balancer';
import type { LoadBalancerConfig } from '../contract/config';
import type { BlueGreenConfig, EnvironmentDeploymentConfig, ServiceDeploymentTarget } from '../contract/deployment-config';
import { policyDocument, serviceTrustPolicy } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Target 5xx responses per minute that stop a deployment and roll it back. */
const ROLLBACK_5XX_PER_MINUTE = 10;

/** Properties of {@link BlueGreenDeployment}. */
export interface BlueGreenDeploymentProps {
  /** Provider, partition, region and account of the stack. */
  readonly aws: AwsContext;
  /** Prefix of resource names, `<project>-<env>`. */
  readonly namePrefix: string;
  /** Blue/green settings. */
  readonly config: BlueGreenConfig;
  /** Names of the environment's deployment targets. */
  readonly environment: EnvironmentDeploymentConfig;
  /** Load balancer settings (certificate, allowed CIDRs, TLS policy). */
  readonly loadBalancerConfig: LoadBalancerConfig;
  /** The environment's load balancer, whose target groups become the blue ones. */
  readonly ingress: PublicLoadBalancer;
  /** The services, by service name. */
  readonly services: Record<string, ContainerService>;
  /** VPC of the target groups. */
  readonly vpcId: string;
  /** The services' own deployment alarms (5xx rate, response time, unhealthy hosts), by service name; they stop and roll back a deployment too. */
  readonly deploymentAlarms?: Record<string, CloudwatchMetricAlarm[]>;
}

/** What blue/green adds for one service. */
export interface BlueGreenService {
  /** The second target group, which receives the new tasks. */
  readonly greenTargetGroup: LbTargetGroup;
  /** Listener through which the new tasks are tested before traffic shifts. */
  readonly testListener: LbListener;
  /** Alarms on target 5xx responses of both target groups; each stops and rolls back a deployment. */
  readonly alarms: CloudwatchMetricAlarm[];
  /** The CodeDeploy deployment group. */
  readonly deploymentGroup: CodedeployDeploymentGroup;
}

/**
 * Blue/green deployments with AWS CodeDeploy: per service a second (green) target group, a test
 * listener, alarms and a deployment group that shifts production traffic once the new tasks are
 * healthy, rolls back on failure or alarm, and terminates the old tasks after a wait.
 *
 * CodeDeploy moves the listeners between the target groups, so Terraform ignores their actions.
 */
export class BlueGreenDeployment extends Construct {
  /** The CodeDeploy application of the environment. */
  public readonly application: CodedeployApp;
  /** The role CodeDeploy acts with. */
  public readonly role: IamRole;
  /** Its permissions. */
  public readonly rolePolicy: IamRolePolicy;
  /** Per service, by service name. */
  public readonly services: Record<string, BlueGreenService>;

  private readonly props: BlueGreenDeploymentProps;
  private readonly productionListener: LbListener;

  constructor(scope: Construct, id: string, props: BlueGreenDeploymentProps) {
    super(scope, id);
    const { ingress, environment } = props;
    this.props = props;
    this.productionListener = ingress.httpsListener ?? ingress.httpListener;

    this.application = new CodedeployApp(this, 'application', {
      name: environment.codeDeployApplicationName,
      computePlatform: 'ECS',
    });
    this.role = new IamRole(this, 'role', {
      name: environment.roleNames.codeDeploy,
      description: `CodeDeploy blue/green deployments of ${props.namePrefix}`,
      assumeRolePolicy: serviceTrustPolicy(`codedeploy.${props.aws.dnsSuffix}`, props.aws.accountId),
    });
    this.services = Object.fromEntries(environment.services.map((target, index) => [target.name, this.addService(target, index)]));

    // CodeDeploy switches the production listener and the path rules between blue and green.
    this.productionListener.lifecycle = { ...this.productionListener.lifecycle, ignoreChanges: ['default_action'] };
    for (const rule of Object.values(ingress.listenerRules)) {
      rule.lifecycle = { ...rule.lifecycle, ignoreChanges: ['action'] };
    }

    const listeners = [
      this.productionListener.arn,
      ...Object.values(ingress.listenerRules).map((rule) => rule.arn),
      ...Object.values(this.services).map((service) => service.testListener.arn),
    ];
    this.rolePolicy = new IamRolePolicy(this, 'role_policy', {
      role: this.role.id,
      name: 'blue-green-deployments',
      policy: codeDeployPolicy(props, listeners),
    });
  }

  /** The green target group, test listener, alarms and deployment group of one service. */
  private addService(target: ServiceDeploymentTarget, index: number): BlueGreenService {
    const blue = this.props.ingress.targetGroups[target.name];
    const greenTargetGroup = new LbTargetGroup(this, `green_target_group_${target.name}`, {
      name: target.greenTargetGroupName,
      targetType: 'ip',
      protocol: 'HTTP',
      port: target.containerPort,
      vpcId: this.props.vpcId,
      deregistrationDelay: blue.deregistrationDelayInput,
      healthCheck: blue.healthCheckInput,
    });
    const testListener = this.testListener(target, this.props.config.testListenerPort + index, greenTargetGroup);
    const alarms = [blue, greenTargetGroup].map((targetGroup, i) => this.rollbackAlarm(target, i === 0 ? 'blue' : 'green', targetGroup));
    const deploymentGroup = this.deploymentGroup(target, { blue, green: greenTargetGroup, testListener, alarms });
    return { greenTargetGroup, testListener, alarms, deploymentGroup };
  }

  /**
   * The test listener of one service on its own port, forwarding to the green target group. It serves
   * tasks nobody approved yet, so only the configured ranges reach it (by default the VPC's), not the
   * load balancer's public client ranges.
   */
  private testListener(target: ServiceDeploymentTarget, port: number, greenTargetGroup: LbTargetGroup): LbListener {
    const { ingress, loadBalancerConfig, environment } = this.props;
    const certificateArn = ingress.httpsListener?.certificateArn;
    const secure = certificateArn !== undefined;
    (environment.testListenerAllowedCidrs ?? []).forEach((cidr, i) => new VpcSecurityGroupIngressRule(this, `test_ingress_${target.name}_${i}`, {
      securityGroupId: ingress.securityGroup.id,
      description: `Blue/green test listener of ${target.name} from ${cidr}`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      // The resolver admits only IPv4 ranges.
      cidrIpv4: cidr,
    }));
    return new LbListener(this, `test_listener_${target.name}`, {
      loadBalancerArn: ingress.loadBalancer.arn,
      port,
      protocol: secure ? 'HTTPS' : 'HTTP',
      ...(secure ? { sslPolicy: loadBalancerConfig.sslPolicy, certificateArn } : {}),
      defaultAction: [{ type: 'forward', targetGroupArn: greenTargetGroup.arn }],
      lifecycle: { ignoreChanges: ['default_action'] },
    });
  }

  /** An alarm on the target 5xx responses of one of a service's target groups, which stops and rolls back a deployment. */
  private rollbackAlarm(target: ServiceDeploymentTarget, color: 'blue' | 'green', targetGroup: LbTargetGroup): CloudwatchMetricAlarm {
    return new CloudwatchMetricAlarm(this, `target_5xx_${target.name}_${color}`, {
      alarmName: `${this.props.namePrefix}-${target.name}-${color}-5xx`,
      alarmDescription: `Target 5xx responses of ${target.name}; stops and rolls back a blue/green deployment`,
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_Target_5XX_Count',
      dimensions: { LoadBalancer: this.props.ingress.loadBalancer.arnSuffix, TargetGroup: targetGroup.arnSuffix },
      statistic: 'Sum',
      period: 60,
      evaluationPeriods: 1,
      threshold: ROLLBACK_5XX_PER_MINUTE,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'notBreaching',
    });
  }

  /** The CodeDeploy deployment group of one service: shifts production traffic once green is healthy, rolls back on failure or alarm. */
  private deploymentGroup(target: ServiceDeploymentTarget, parts: DeploymentGroupParts): CodedeployDeploymentGroup {
    const { config, environment } = this.props;
    return new CodedeployDeploymentGroup(this, `deployment_group_${target.name}`, {
      appName: this.application.name,
      deploymentGroupName: target.codeDeployDeploymentGroupName,
      serviceRoleArn: this.role.arn,
      deploymentConfigName: config.deploymentConfigName,
      deploymentStyle: { deploymentOption: 'WITH_TRAFFIC_CONTROL', deploymentType: 'BLUE_GREEN' },
      blueGreenDeploymentConfig: {
        deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: config.terminationWaitMinutes },
      },
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] },
      alarmConfiguration: {
        enabled: true,
        alarms: [...parts.alarms, ...this.props.deploymentAlarms?.[target.name] ?? []].map((alarm) => alarm.alarmName),
      },
      ecsService: { clusterName: environment.clusterName, serviceName: this.props.services[target.name].ecsService.name },
      loadBalancerInfo: {
        targetGroupPairInfo: {
          prodTrafficRoute: { listenerArns: [this.productionListener.arn] },
          testTrafficRoute: { listenerArns: [parts.testListener.arn] },
          targetGroup: [{ name: parts.blue.name }, { name: parts.green.name }],
        },
      },
    });
  }
}

/** The resources of one service a deployment group ties together. */
interface DeploymentGroupParts {
  readonly blue: LbTargetGroup;
  readonly green: LbTargetGroup;
  readonly testListener: LbListener;
  readonly alarms: CloudwatchMetricAlarm[];
}

/** What CodeDeploy needs: the services' task sets, the listeners it switches, descriptions, and passing the task roles. */
function codeDeployPolicy(props: BlueGreenDeploymentProps, listeners: string[]): string {
  const { environment } = props;
  const services = Object.values(props.services);
  return policyDocument([
    {
      Sid: 'ManageTaskSets',
      Effect: 'Allow',
      Action: ['ecs:DescribeServices', 'ecs:CreateTaskSet', 'ecs:UpdateServicePrimaryTaskSet', 'ecs:DeleteTaskSet'],
      Resource: environment.services.flatMap((target) => [
        props.aws.arn('ecs', `service/${environment.clusterName}/${target.ecsServiceName}`),
        props.aws.arn('ecs', `task-set/${environment.clusterName}/${target.ecsServiceName}/*`),
      ]),
    },
    {
      Sid: 'ShiftTraffic',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:ModifyListener', 'elasticloadbalancing:ModifyRule'],
      Resource: listeners,
    },
    {
      Sid: 'Describe',
      Effect: 'Allow',
      Action: [
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeRules',
        'elasticloadbalancing:DescribeTargetHealth',
        'cloudwatch:DescribeAlarms',
      ],
      Resource: '*',
    },
    {
      Sid: 'PassTaskRoles',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: services.flatMap((service) => [service.roles.executionRole.arn, service.roles.taskRole.arn]),
      Condition: { StringEquals: { 'iam:PassedToService': `ecs-tasks.${props.aws.dnsSuffix}` } },
    },
  ]);
}
