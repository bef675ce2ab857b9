// Topic names on the shared log. One topic per canonical record type; one
// dead-letter topic per consumer group (Kafka transport).

const PREFIX = 'spean.';

export function topicFor(recordType: string): string {
  return `${PREFIX}${recordType}`;
}

export function recordTypeOf(topic: string): string {
  return topic.startsWith(PREFIX) ? topic.slice(PREFIX.length) : topic;
}

export function deadLetterTopicFor(group: string): string {
  return `${PREFIX}dlq.${group}`;
}
