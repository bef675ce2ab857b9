// The messages of the raw Kafka baselines: the same synthetic population the
// ingest scenario sends through the adapters, turned into exactly the Kafka
// messages an adapter publishes for it (the canonical record as JSON, stamped
// with its source and an event id; topic per record type; key = subject id;
// the same four headers) — so the raw clients move the same bytes.
import { randomUUID } from 'node:crypto';
import { topicFor } from '#spean/bus';
import { generatePopulation, type PopulationBatch } from '#spean/population';

export interface RawMessage {
  /** Without the namespace: each baseline prefixes its own. */
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export interface RawMessages {
  messages: RawMessage[];
  /** Bytes of the values. */
  bytes: number;
  topics: string[];
}

/** The first `limit` records of the population of `citizens` (seed `seed`), as messages. */
export function canonicalMessages(citizens: number, seed: number, limit: number): RawMessages {
  const messages: RawMessage[] = [];
  const topics = new Set<string>();
  let bytes = 0;
  for (const batch of generatePopulation({ citizens, seed, batchSize: 500 })) {
    for (const [source, records] of Object.entries(batch) as Array<
      [keyof PopulationBatch, PopulationBatch[keyof PopulationBatch]]
    >) {
      for (const record of records) {
        if (messages.length >= limit) return { messages, bytes, topics: [...topics] };
        const eventId = randomUUID();
        const value = Buffer.from(JSON.stringify({ ...record, source, eventId }));
        const topic = topicFor(record.recordType);
        topics.add(topic);
        bytes += value.length;
        messages.push({
          topic,
          key: record.subjectId,
          value,
          headers: {
            'record-type': record.recordType,
            'schema-version': String(record.schemaVersion),
            'event-id': eventId,
            source,
          },
        });
      }
    }
  }
  return { messages, bytes, topics: [...topics] };
}

/**
 * Chunks as the product's Kafka bus sends them: at most 500 messages and
 * about 512 KB per produce request (the broker refuses batches over ~1 MB).
 */
export function chunksOf<T extends { value: Buffer }>(messages: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let size = 0;
  for (const message of messages) {
    if (chunk.length > 0 && (chunk.length >= 500 || size + message.value.length > 512 * 1024)) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(message);
    size += message.value.length;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export interface RawKafkaResult {
  messages: number;
  bytes: number;
  /** From the first send to the last acknowledgement. */
  produceSeconds: number;
  /** From subscribing until the first message arrived (joining the group, finding offsets). */
  joinSeconds: number;
  /** From the first message received to the last. */
  consumeSeconds: number;
}

/** Runs `send` over the chunks with `concurrency` requests in flight. */
export async function sendAll<T>(
  chunks: readonly T[],
  concurrency: number,
  send: (chunk: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, chunks.length) }, async () => {
      while (next < chunks.length) await send(chunks[next++]!);
    }),
  );
}
