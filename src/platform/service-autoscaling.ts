import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { Construct } from 'constructs';
import type { AutoscalingConfig } from './config';

/** Properties of {@link ServiceAutoscaling}. */
export interface ServiceAutoscalingProps {
  /** Name of the cluster running the service. */
  readonly clusterName: string;
  /** Name of the ECS service; pass the resource attribute so the target waits for the service. */
  readonly serviceName: string;
  /** Capacity bounds and targets. */
  readonly config: AutoscalingConfig;
}

/**
 * Target tracking of an ECS service's desired count on average CPU and memory utilization.
 * The service scales out when either metric is above its target and in when both are below.
 */
export class ServiceAutoscaling extends Construct {
  /** The scalable target (capacity bounds). */
  public readonly target: AppautoscalingTarget;
  /** Policy tracking average CPU utilization. */
  public readonly cpuPolicy: AppautoscalingPolicy;
  /** Policy tracking average memory utilization. */
  public readonly memoryPolicy: AppautoscalingPolicy;

  constructor(scope: Construct, id: string, props: ServiceAutoscalingProps) {
    super(scope, id);
    const { config } = props;
    this.target = new AppautoscalingTarget(this, 'target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.clusterName}/${props.serviceName}`,
      minCapacity: config.minCapacity,
      maxCapacity: config.maxCapacity,
    });
    const trackingPolicy = (policyId: string, metric: string, targetValue: number) =>
      new AppautoscalingPolicy(this, policyId, {
        name: `${props.serviceName}-${policyId.replace(/_/g, '-')}`,
        policyType: 'TargetTrackingScaling',
        serviceNamespace: this.target.serviceNamespace,
        scalableDimension: this.target.scalableDimension,
        resourceId: this.target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue,
          scaleInCooldown: config.scaleInCooldownSeconds,
          scaleOutCooldown: config.scaleOutCooldownSeconds,
          predefinedMetricSpecification: { predefinedMetricType: metric },
        },
      });
    this.cpuPolicy = trackingPolicy('cpu_tracking', 'ECSServiceAverageCPUUtilization', config.targetCpuUtilization);
    this.memoryPolicy = trackingPolicy('memory_tracking', 'ECSServiceAverageMemoryUtilization', config.targetMemoryUtilization);
  }
}
