import { AppautoscalingPolicy, AppautoscalingPolicyConfig } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import type { AutoscalingConfig } from '../contract/config';

/** Properties of {@link ServiceAutoscaling}. */
export interface ServiceAutoscalingProps {
  /** Name of the cluster running the service. */
  readonly clusterName: string;
  /** Name of the ECS service; pass the resource attribute so the target waits for the service. */
  readonly serviceName: string;
  /** Capacity bounds, mode and targets. */
  readonly config: AutoscalingConfig;
  /**
   * `<load balancer arn suffix>/<target group arn suffix>`: needed to track requests per task.
   * @default - no request-count tracking
   */
  readonly requestCountResourceLabel?: string;
}

/**
 * Scales an ECS service's desired count between its bounds: by target tracking on average CPU,
 * memory and, when configured, load balancer requests per task (out when any metric is above its
 * target, in when all are below); or by steps driven by two CloudWatch alarms on average CPU.
 */
export class ServiceAutoscaling extends Construct {
  /** The scalable target (capacity bounds). */
  public readonly target: AppautoscalingTarget;
  /** The scaling policies, by short name (`cpu`, `memory`, `requests`, `step_out`, `step_in`). */
  public readonly policies: Record<string, AppautoscalingPolicy>;
  /** The CPU alarms of step scaling (`high`, `low`). */
  public readonly alarms: Record<string, CloudwatchMetricAlarm>;

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
    this.policies = {};
    this.alarms = {};
    if (config.mode === 'step') {
      this.addStepScaling(props);
    } else {
      this.addTargetTracking(props);
    }
  }

  private policy(id: string, props: ServiceAutoscalingProps, settings: Omit<AppautoscalingPolicyConfig, 'name' | 'serviceNamespace' | 'scalableDimension' | 'resourceId'>): AppautoscalingPolicy {
    const policy = new AppautoscalingPolicy(this, id, {
      name: `${props.serviceName}-${id.replace(/_/g, '-')}`,
      serviceNamespace: this.target.serviceNamespace,
      scalableDimension: this.target.scalableDimension,
      resourceId: this.target.resourceId,
      ...settings,
    });
    this.policies[id.replace(/_tracking$/, '')] = policy;
    return policy;
  }

  private addTargetTracking(props: ServiceAutoscalingProps): void {
    const { config } = props;
    const track = (id: string, metric: string, targetValue: number, resourceLabel?: string) =>
      this.policy(id, props, {
        policyType: 'TargetTrackingScaling',
        targetTrackingScalingPolicyConfiguration: {
          targetValue,
          scaleInCooldown: config.scaleInCooldownSeconds,
          scaleOutCooldown: config.scaleOutCooldownSeconds,
          predefinedMetricSpecification: { predefinedMetricType: metric, ...(resourceLabel ? { resourceLabel } : {}) },
        },
      });
    track('cpu_tracking', 'ECSServiceAverageCPUUtilization', config.targetCpuUtilization);
    track('memory_tracking', 'ECSServiceAverageMemoryUtilization', config.targetMemoryUtilization);
    if (config.targetRequestsPerTask !== undefined && props.requestCountResourceLabel !== undefined) {
      track('requests_tracking', 'ALBRequestCountPerTarget', config.targetRequestsPerTask, props.requestCountResourceLabel);
    }
  }

  private addStepScaling(props: ServiceAutoscalingProps): void {
    const { config } = props;
    const step = (id: string, adjustment: number, cooldown: number, bound: 'lower' | 'upper') =>
      this.policy(id, props, {
        policyType: 'StepScaling',
        stepScalingPolicyConfiguration: {
          adjustmentType: 'ChangeInCapacity',
          cooldown,
          metricAggregationType: 'Average',
          // Relative to the alarm threshold: any breach above (scale out) or below (scale in).
          stepAdjustment: [bound === 'lower'
            ? { metricIntervalLowerBound: '0', scalingAdjustment: adjustment }
            : { metricIntervalUpperBound: '0', scalingAdjustment: adjustment }],
        },
      });
    const scaleOut = step('step_out', config.step.scaleOutStep, config.scaleOutCooldownSeconds, 'lower');
    const scaleIn = step('step_in', -config.step.scaleInStep, config.scaleInCooldownSeconds, 'upper');
    const alarm = (
      id: string,
      comparisonOperator: string,
      threshold: number,
      evaluationPeriods: number,
      action: AppautoscalingPolicy,
      description: string,
    ) =>
      this.alarms[id] = new CloudwatchMetricAlarm(this, `cpu_${id}`, {
        alarmName: `${props.serviceName}-cpu-${id}`,
        alarmDescription: description,
        namespace: 'AWS/ECS',
        metricName: 'CPUUtilization',
        dimensions: { ClusterName: props.clusterName, ServiceName: props.serviceName },
        statistic: 'Average',
        period: 60,
        evaluationPeriods,
        comparisonOperator,
        threshold,
        alarmActions: [action.arn],
      });
    alarm('high', 'GreaterThanOrEqualToThreshold', config.step.scaleOutCpuThreshold, 2, scaleOut,
      `Adds ${config.step.scaleOutStep} task(s) when average CPU stays at or above ${config.step.scaleOutCpuThreshold}%`);
    // Scale in only after a sustained quiet period, to avoid flapping.
    alarm('low', 'LessThanOrEqualToThreshold', config.step.scaleInCpuThreshold, 5, scaleIn,
      `Removes ${config.step.scaleInStep} task(s) when average CPU stays at or below ${config.step.scaleInCpuThreshold}%`);
  }
}
