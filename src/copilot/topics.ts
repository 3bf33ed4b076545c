import type { Draft } from './draft';
import { isMap, Manifest } from './manifest';

/** `publish.topics` of a service or worker: the names of the topics it publishes, as our topic names. */
export function mapPublishedTopics(manifest: Manifest, target: Draft): void {
  const topics = manifest.peek('publish.topics');
  if (!Array.isArray(topics)) {
    return;
  }
  const names = topics.filter(isMap).filter((topic) => typeof topic.name === 'string' && Object.keys(topic).every((key) => key === 'name'));
  if (names.length === topics.length) {
    manifest.take('publish.topics');
    target.publishes = names.map((topic) => topicName(String(topic.name)));
  } else {
    manifest.report('publish.topics', 'has FIFO or other topic settings; publishes takes standard topics by name');
  }
}

/** A Copilot topic name (letters, digits, `-`, `_`) as ours: lowercase words joined by hyphens. */
export function topicName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}
