// Topic names on the shared log: one topic per canonical record type.

const PREFIX = 'spean.';

export function topicFor(recordType: string): string {
  return `${PREFIX}${recordType}`;
}

export function recordTypeOf(topic: string): string {
  return topic.startsWith(PREFIX) ? topic.slice(PREFIX.length) : topic;
}
