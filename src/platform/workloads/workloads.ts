import { Construct } from 'constructs';
import { Messaging } from './messaging';
import { QueueWorker, WorkloadPlacement } from './queue-worker';
import { ScheduledJob } from './scheduled-job';
import type { WorkloadsConfig, WorkloadTaskConfig } from '../contract/workloads';
import type { AwsContext } from '../core/aws-context';
import type { ResolvedAttachment } from '../data/workload-attachment';
import type { AlarmActions } from '../observability/alarm-actions';
import type { ClusterResources, ContainerService } from '../service/container-service';

/** Properties of {@link Workloads}. */
export interface WorkloadsProps {
  readonly aws: AwsContext;
  readonly config: WorkloadsConfig;
  /** The messaging key and topics, created before the services that publish to them. */
  readonly messaging: Messaging;
  /** The services, by name: publishers get their grants here. */
  readonly services: Record<string, ContainerService>;
  readonly cluster: ClusterResources;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly logRetentionDays: number;
  /** The services' Service Connect peer security group, when the cluster has Service Connect. */
  readonly peerSecurityGroupId?: string;
  /** The image reference (and ECR repository) of a worker or job. */
  readonly imageOf: (task: WorkloadTaskConfig) => Pick<WorkloadPlacement, 'image' | 'imageRepositoryArn'>;
  /** What the data resources attached to a worker or job give it. */
  readonly attachmentOf: (task: WorkloadTaskConfig) => ResolvedAttachment;
  /** Where the workers' and jobs' alarms notify. @default - nowhere */
  readonly alarmActions?: AlarmActions;
}

/** The queue workers and scheduled jobs of an environment, and the publish grants of every publisher. */
export class Workloads extends Construct {
  /** Workers by name. */
  public readonly workers: Record<string, QueueWorker>;
  /** Jobs by name. */
  public readonly jobs: Record<string, ScheduledJob>;

  constructor(scope: Construct, id: string, props: WorkloadsProps) {
    super(scope, id);
    const { config, messaging } = props;
    const placement = (task: WorkloadTaskConfig): WorkloadPlacement => ({
      aws: props.aws,
      cluster: props.cluster,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      ...props.imageOf(task),
      additionalEnvironment: messaging.environmentOf(task.name),
      attachment: props.attachmentOf(task),
      ...(props.alarmActions ? { alarmActions: props.alarmActions } : {}),
    });
    this.workers = Object.fromEntries(config.workers.map((worker) => [worker.name, new QueueWorker(this, `worker_${worker.name}`, {
      ...placement(worker),
      ...(props.peerSecurityGroupId !== undefined ? { peerSecurityGroupId: props.peerSecurityGroupId } : {}),
      worker,
      queue: {
        kmsKeyArn: worker.queue.kmsKeyArn ?? messaging.key.arn,
        subscriptions: worker.subscriptions.map((subscription) => ({ config: subscription, topic: messaging.topics[subscription.topic] })),
      },
    })]));
    this.jobs = Object.fromEntries(config.jobs.map((job) => [job.name, new ScheduledJob(this, `job_${job.name}`, {
      ...placement(job),
      job,
      kmsKeyArn: messaging.key.arn,
      logRetentionDays: props.logRetentionDays,
    })]));
    const publishers = [...new Set(config.topics.map((topic) => topic.publisher))];
    for (const publisher of publishers) {
      const roles = props.services[publisher]?.roles ?? this.workers[publisher]?.roles;
      if (roles === undefined) {
        throw new Error(`The topics of ${publisher} have no publisher: no service or worker has that name`);
      }
      messaging.grantPublish(this, publisher, roles);
    }
  }
}
