import type { ServiceOptions, WorkerOptions } from '../../options';
import { fitName } from '../../platform/contract/naming';
import { WORKLOAD_NAME_LIMITS, WORKLOAD_TEXT_RULES } from '../../platform/contract/workload-rules';
import type { TopicConfig } from '../../platform/contract/workloads';
import type { EnvironmentContext } from '../context';

/** A publisher as the options list it: its option path, its name and the topics it publishes. */
interface Publisher {
  readonly path: string;
  readonly name: string;
  readonly publishes?: string[];
}

/**
 * The topics of the services' and workers' `publishes`: names unique in the environment, each an
 * SNS topic `<project>-<env>-<topic>` whose ARN the publisher reads from `<TOPIC>_TOPIC_ARN`.
 */
export function resolveTopics(ctx: EnvironmentContext, services: ServiceOptions[], workers: WorkerOptions[]): TopicConfig[] {
  const publishers: Publisher[] = [
    ...services.map((service, index) => ({ path: `services[${index}]`, name: service.name ?? ctx.project, publishes: service.publishes })),
    ...workers.map((worker, index) => ({ path: `workers[${index}]`, name: worker.name, publishes: worker.publishes })),
  ];
  const topics = new Map<string, TopicConfig>();
  for (const publisher of publishers) {
    (publisher.publishes ?? []).forEach((topic, index) => {
      const path = `${publisher.path}.publishes[${index}]`;
      if (!ctx.problems.checkText(path, topic, WORKLOAD_TEXT_RULES.topicName)) {
        return;
      }
      const owner = topics.get(topic);
      if (!ctx.problems.check(owner === undefined, path, topic, `is published by ${owner?.publisher} too; a topic has one publisher`)) {
        return;
      }
      topics.set(topic, {
        name: topic,
        topicName: fitName([ctx.project, ctx.env.name, topic], WORKLOAD_NAME_LIMITS.topic),
        publisher: publisher.name,
        variable: `${topic.toUpperCase().replace(/-/g, '_')}_TOPIC_ARN`,
      });
    });
  }
  return [...topics.values()];
}
