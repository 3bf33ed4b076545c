import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { WorkQueue, WorkQueueProps } from './work-queue';
import { policyDocument } from '../contract/policies';
import type { WorkerConfig } from '../contract/workloads';
import type { AwsContext } from '../core/aws-context';
import { NO_ATTACHMENT, ResolvedAttachment } from '../data/workload-attachment';
import type { AlarmActions } from '../observability/alarm-actions';
import { workloadContainerDefinitionsJson } from '../service/container-definition';
import type { ClusterResources } from '../service/container-service';
import { capacityProviderStrategy, createTaskRoles, createTaskSecurityGroup, rollingServiceSettings, taskDefinitionSettings, withAttachment } from '../service/task-pieces';
import type { TaskRoles } from '../service/task-roles';

/** Where a workload's task runs and which image it runs. */
export interface WorkloadPlacement {
  readonly aws: AwsContext;
  readonly cluster: ClusterResources;
  readonly vpcId: string;
  readonly subnetIds: string[];
  /** Full image reference. */
  readonly image: string;
  /** ECR repository of the image, when it is one of ours. */
  readonly imageRepositoryArn?: string;
  /** Variables the platform adds (topic ARNs). */
  readonly additionalEnvironment: Record<string, string>;
  /** The security group the services admit to their Service Connect ports, when the cluster has Service Connect. */
  readonly peerSecurityGroupId?: string;
  /** What the attached data resources give the task: variables, secrets, permissions, security groups. @default - nothing attached */
  readonly attachment?: ResolvedAttachment;
  /** Where the worker's and job's alarms notify. @default - nowhere */
  readonly alarmActions?: AlarmActions;
}

/** Properties of {@link QueueWorker}. */
export interface QueueWorkerProps extends WorkloadPlacement {
  readonly worker: WorkerConfig;
  /** The queue's key and subscriptions. */
  readonly queue: Pick<WorkQueueProps, 'kmsKeyArn' | 'subscriptions'>;
}

/**
 * A queue worker: an ECS service without load balancer or inbound rule (a Service Connect client
 * when the cluster has Service Connect), consuming its own queue
 * (URL in `QUEUE_URL`), scaled by target tracking on backlog per task: visible messages divided by
 * running tasks, kept at `acceptableLatency / processingTime`. With no task running the backlog
 * itself is the metric, so a worker scaled to zero starts on the first message.
 */
export class QueueWorker extends Construct {
  public readonly workQueue: WorkQueue;
  public readonly securityGroup: SecurityGroup;
  public readonly roles: TaskRoles;
  public readonly taskDefinition: EcsTaskDefinition;
  public readonly ecsService: EcsService;
  public readonly scalingTarget: AppautoscalingTarget;
  public readonly scalingPolicy: AppautoscalingPolicy;

  constructor(scope: Construct, id: string, props: QueueWorkerProps) {
    super(scope, id);
    const { cluster } = props;
    const attachment = props.attachment ?? NO_ATTACHMENT;
    const worker = withAttachment(props.worker, attachment);
    this.workQueue = new WorkQueue(this, 'queue', { aws: props.aws, config: worker.queue, ...props.queue, alarmActions: props.alarmActions });
    this.securityGroup = createTaskSecurityGroup(this, {
      name: worker.securityGroupName,
      description: `Tasks of ${worker.family}: no inbound traffic (a queue worker)`,
      vpcId: props.vpcId,
    });
    this.roles = createTaskRoles(this, props.aws, worker, cluster, props.imageRepositoryArn, attachment);
    this.grantConsume(props.aws, props.queue.kmsKeyArn);
    this.taskDefinition = new EcsTaskDefinition(this, 'task_definition', taskDefinitionSettings(worker.family, worker, this.roles,
      workloadContainerDefinitionsJson({
        task: worker,
        image: props.image,
        logGroupName: cluster.logGroupName,
        region: props.aws.region,
        additionalEnvironment: { ...props.additionalEnvironment, QUEUE_URL: this.workQueue.queue.url },
      })));
    this.ecsService = new EcsService(this, 'service', {
      name: worker.name,
      cluster: cluster.clusterArn,
      taskDefinition: this.taskDefinition.arn,
      desiredCount: worker.desiredCount,
      capacityProviderStrategy: capacityProviderStrategy(worker, cluster),
      networkConfiguration: {
        subnets: props.subnetIds,
        securityGroups: [
          this.securityGroup.id,
          ...(props.peerSecurityGroupId !== undefined ? [props.peerSecurityGroupId] : []),
          ...attachment.securityGroupIds,
        ],
        assignPublicIp: false,
      },
      // A Service Connect client: the worker calls the services at `http://<service>:<port>`.
      ...(cluster.serviceConnectNamespaceArn !== undefined
        ? { serviceConnectConfiguration: { enabled: true, namespace: cluster.serviceConnectNamespaceArn } }
        : {}),
      ...rollingServiceSettings(cluster),
      dependsOn: [this.roles.executionRolePolicy],
    });
    this.scalingTarget = new AppautoscalingTarget(this, 'scaling_target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${cluster.clusterName}/${this.ecsService.name}`,
      minCapacity: worker.scaling.minCapacity,
      maxCapacity: worker.scaling.maxCapacity,
    });
    this.scalingPolicy = this.backlogPolicy(worker, cluster.clusterName);
  }

  /** Receive, delete and extend the visibility of the worker's own messages; decrypt them through SQS only. */
  private grantConsume(aws: AwsContext, kmsKeyArn: string): void {
    new IamRolePolicy(this, 'consume_policy', {
      name: 'consume-queue',
      role: this.roles.taskRole.id,
      policy: policyDocument([
        {
          Sid: 'ConsumeOwnQueue',
          Effect: 'Allow',
          Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
          Resource: this.workQueue.queue.arn,
        },
        {
          Sid: 'DecryptMessages',
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: kmsKeyArn,
          Condition: { StringEquals: { 'kms:ViaService': `sqs.${aws.region}.${aws.dnsSuffix}` } },
        },
      ]),
    });
  }

  /** Target tracking on `visible messages / running tasks` (the backlog itself when no task runs). */
  private backlogPolicy(worker: WorkerConfig, clusterName: string): AppautoscalingPolicy {
    const { scaling } = worker;
    return new AppautoscalingPolicy(this, 'backlog_tracking', {
      name: `${worker.family}-backlog-per-task`,
      policyType: 'TargetTrackingScaling',
      serviceNamespace: this.scalingTarget.serviceNamespace,
      scalableDimension: this.scalingTarget.scalableDimension,
      resourceId: this.scalingTarget.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: scaling.backlogPerTaskTarget,
        scaleInCooldown: scaling.scaleInCooldownSeconds,
        scaleOutCooldown: scaling.scaleOutCooldownSeconds,
        customizedMetricSpecification: {
          metrics: [
            {
              id: 'visible',
              returnData: false,
              metricStat: {
                stat: 'Sum',
                metric: { namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: [{ name: 'QueueName', value: this.workQueue.queue.name }] },
              },
            },
            {
              id: 'running',
              returnData: false,
              metricStat: {
                stat: 'Average',
                metric: {
                  namespace: 'ECS/ContainerInsights',
                  metricName: 'RunningTaskCount',
                  dimensions: [{ name: 'ClusterName', value: clusterName }, { name: 'ServiceName', value: this.ecsService.name }],
                },
              },
            },
            { id: 'backlog_per_task', label: 'Visible messages per running task', expression: 'IF(FILL(running, 0) > 0, visible / FILL(running, 0), visible)', returnData: true },
          ],
        },
      },
    });
  }
}
