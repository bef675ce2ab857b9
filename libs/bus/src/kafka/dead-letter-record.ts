// How a dead letter sits on a group's dead-letter topic: the original key,
// value and headers untouched (so a steward can re-publish it as it was), plus
// headers saying where it came from, when it failed and why. Reading maps the
// record back into the port's DeadLetter shape.
import type { ConsumedMessage, DeadLetter, DeadLetterVerdict } from '../event-bus.port.js';

export const DEAD_LETTER_HEADERS = {
  reason: 'spean-dlq-reason',
  topic: 'spean-dlq-topic',
  partition: 'spean-dlq-partition',
  offset: 'spean-dlq-offset',
  failedAt: 'spean-dlq-failed-at',
} as const;

const OURS = new Set<string>(Object.values(DEAD_LETTER_HEADERS));

export interface DeadLetterRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export function toDeadLetterRecord(verdict: DeadLetterVerdict, failedAt: Date): DeadLetterRecord {
  const { message, reason } = verdict;
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.reason]: reason,
      [DEAD_LETTER_HEADERS.topic]: message.topic,
      [DEAD_LETTER_HEADERS.partition]: String(message.partition),
      [DEAD_LETTER_HEADERS.offset]: message.offset,
      [DEAD_LETTER_HEADERS.failedAt]: failedAt.toISOString(),
    },
  };
}

/**
 * A record without our headers (written to the topic by other tooling) still
 * maps: its origin is unknown (-1) and its failure time is when it was written.
 */
export function fromDeadLetterRecord(
  group: string,
  record: Omit<ConsumedMessage, 'topic' | 'partition' | 'offset'>,
): DeadLetter {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers)) {
    if (!OURS.has(name)) headers[name] = value;
  }
  const own = record.headers;
  const failedAt = new Date(own[DEAD_LETTER_HEADERS.failedAt] ?? Number.NaN);
  const partition = Number(own[DEAD_LETTER_HEADERS.partition] ?? -1);
  return {
    group,
    topic: own[DEAD_LETTER_HEADERS.topic] ?? '',
    partition: Number.isInteger(partition) ? partition : -1,
    offset: own[DEAD_LETTER_HEADERS.offset] ?? '-1',
    key: record.key,
    value: record.value,
    headers,
    reason: own[DEAD_LETTER_HEADERS.reason] ?? '',
    failedAt: Number.isNaN(failedAt.getTime()) ? record.timestamp : failedAt,
  };
}
