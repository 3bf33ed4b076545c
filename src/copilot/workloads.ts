import { Draft, ProjectDraft, stringMap } from './draft';
import { durationSeconds, isMap, Manifest, YamlValue } from './manifest';
import { copilotSchedule } from './schedule';
import { commandList, compact, mapSecrets, mapTaskSize } from './service';
import { mapPublishedTopics, topicName } from './topics';

/** Why a workload's own image build is reported: workers and jobs run an image built for a service, or a published one. */
const OWN_BUILD = 'is the workload\'s own image; workers and jobs run the image of a service built here (`imageOf`, '
  + 'default the first) with their `command`, or a published `image`: build this Dockerfile into that image or publish it';

/** Maps a Worker Service manifest onto `workers[]`: its queue, subscriptions, scaling and task. */
export function mapWorker(manifest: Manifest, draft: ProjectDraft): Draft {
  const worker = mapWorkloadTask(manifest, draft);
  const subscribes = mapSubscriptions(manifest);
  const tries = manifest.take('subscribe.queue.dead_letter.tries');
  Object.assign(worker, compact({
    ...mapWorkerCount(manifest),
    subscribes: subscribes.length > 0 ? subscribes : undefined,
    maxReceiveCount: typeof tries === 'number' ? tries : undefined,
  }));
  return worker;
}

/** Maps a Scheduled Job manifest onto `jobs[]`: its schedule (as an AWS expression), timeout, retries and task. */
export function mapJob(manifest: Manifest, draft: ProjectDraft): Draft {
  const job = mapWorkloadTask(manifest, draft);
  const schedule = copilotSchedule(manifest.peek('on.schedule'));
  if (schedule !== undefined) {
    manifest.take('on.schedule');
    job.schedule = schedule;
  } else {
    // Kept as written: resolving the options then refuses it, so `npx projen` fails until it is rewritten.
    job.schedule = manifest.peek('on.schedule') ?? '';
    manifest.report('on.schedule', 'is not a schedule EventBridge Scheduler can run; write jobs[].schedule as "cron(...)" or "rate(...)"');
  }
  const timeout = durationSeconds(manifest.take('timeout'));
  const retries = manifest.take('retries');
  return Object.assign(job, compact({ timeoutSeconds: timeout, retryAttempts: typeof retries === 'number' ? retries : undefined }));
}

/** What workers and jobs share: name, image, size, variables, secrets, command. */
function mapWorkloadTask(manifest: Manifest, draft: ProjectDraft): Draft {
  const task: Draft = { name: String(manifest.take('name')) };
  manifest.take('type');
  const location = manifest.take('image.location');
  if (typeof location === 'string') {
    task.image = location;
  }
  manifest.report('image.build', OWN_BUILD);
  mapTaskSize(manifest, task);
  const variables = manifest.peek('variables');
  if (isMap(variables)) {
    const plain = Object.entries(variables).filter(([, value]) => !isMap(value));
    plain.forEach(([key]) => manifest.take(`variables.${key}`));
    task.environment = stringMap(Object.fromEntries(plain));
  }
  // No serviceOverrides for workloads: secrets named with placeholders are reported.
  mapSecrets(manifest, task, draft, false);
  const command = commandList(manifest.take('command'));
  if (command !== undefined) {
    task.command = command;
  }
  const readonlyFs = manifest.take('storage.readonly_fs');
  if (typeof readonlyFs === 'boolean') {
    task.readonlyRootFilesystem = readonlyFs;
  }
  mapPublishedTopics(manifest, task);
  manifest.explainRest('environments', 'sets the workload per environment; workers and jobs have no per-environment settings');
  return task;
}

/** `subscribe.topics`: one subscription of the worker's queue per topic (topic queues of their own are reported). */
function mapSubscriptions(manifest: Manifest): Draft[] {
  const topics = manifest.peek('subscribe.topics');
  if (!Array.isArray(topics)) {
    return [];
  }
  manifest.take('subscribe.topics');
  return topics.flatMap((topic: YamlValue, index) => {
    if (!isMap(topic) || typeof topic.name !== 'string') {
      manifest.reportValue(`subscribe.topics[${index}]`, topic, 'is not a topic; expected a name');
      return [];
    }
    // The publisher (`service`) needs no saying: our topic names are project-wide.
    Object.entries(topic).filter(([key]) => !['name', 'service', 'filter_policy'].includes(key))
      .forEach(([key, value]) => manifest.reportValue(`subscribe.topics[${index}].${key}`, value, 'has no equivalent option; the worker has one queue for all its topics'));
    return [compact({ topic: topicName(topic.name), filterPolicy: isMap(topic.filter_policy) ? topic.filter_policy : undefined })];
  });
}

/** `count` of a worker: a fixed count or a range, and the queue delay its scaling keeps. */
function mapWorkerCount(manifest: Manifest): Draft {
  const count = manifest.peek('count');
  if (typeof count === 'number') {
    manifest.take('count');
    return { minCapacity: count, maxCapacity: Math.max(count, 1) };
  }
  const range = manifest.take('count.range');
  const bounds = typeof range === 'string' ? /^(\d+)-(\d+)$/.exec(range)?.slice(1).map(Number)
    : isMap(range) ? [range.min, range.max].map(Number) : undefined;
  return compact({
    minCapacity: bounds?.[0],
    maxCapacity: bounds?.[1],
    acceptableLatencySeconds: wholeSeconds(manifest.take('count.queue_delay.acceptable_latency')),
    processingTimeSeconds: wholeSeconds(manifest.take('count.queue_delay.msg_processing_time')),
  });
}

/** A Copilot duration in whole seconds, rounded up (`250ms` is 1). */
function wholeSeconds(value: YamlValue | undefined): number | undefined {
  const millis = typeof value === 'string' ? /^(\d+)ms$/.exec(value.trim()) : null;
  return millis ? Math.max(1, Math.ceil(Number(millis[1]) / 1000)) : durationSeconds(value);
}
