// BENCH ONLY. The raw @platformatic/kafka baseline: the same messages the
// adapters publish, produced with the client settings the product's Kafka bus
// uses (idempotent, acks=all, Java's partitioner, ≤ 500 messages / 512 KB per
// request, several requests in flight), then read back by a fresh consumer
// group from the earliest offset. No validation, no database, no HTTP: what
// the client and the broker alone can move on this machine.
import {
  Admin,
  Consumer,
  MessagesStreamModes,
  ProduceAcks,
  Producer,
  compatibilityPartitioner,
  stringDeserializer,
  stringSerializer,
} from '@platformatic/kafka';
import { chunksOf, sendAll, type RawKafkaResult, type RawMessages } from './kafka-messages.ts';

export interface RawKafkaOptions {
  brokers: string;
  /** Prefix of the topics and the group: nothing else on the broker is touched. */
  namespace: string;
  partitions: number;
  /** Produce requests in flight at once. */
  concurrency: number;
}

export async function platformaticProduceConsume(
  input: RawMessages,
  options: RawKafkaOptions,
): Promise<RawKafkaResult> {
  const bootstrapBrokers = options.brokers.split(',');
  const topicOf = (topic: string): string => `${options.namespace}.${topic}`;
  const topics = input.topics.map(topicOf);
  const admin = new Admin({ clientId: `${options.namespace}-admin`, bootstrapBrokers });
  try {
    await admin.createTopics({ topics, partitions: options.partitions, replicas: -1 });
  } finally {
    await admin.close();
  }

  const producer = new Producer<string, Buffer, string, string>({
    clientId: `${options.namespace}-producer`,
    bootstrapBrokers,
    idempotent: true,
    acks: ProduceAcks.ALL,
    partitioner: compatibilityPartitioner,
    serializers: {
      key: stringSerializer,
      headerKey: stringSerializer,
      headerValue: stringSerializer,
    },
    autocreateTopics: false,
  });
  let produceSeconds: number;
  try {
    const chunks = chunksOf(input.messages);
    // One request outside the clock: metadata and the producer id.
    await producer.send({ messages: chunks[0]!.map((m) => ({ ...m, topic: topicOf(m.topic) })) });
    const started = performance.now();
    await sendAll(chunks.slice(1), options.concurrency, (chunk) =>
      producer.send({ messages: chunk.map((m) => ({ ...m, topic: topicOf(m.topic) })) }),
    );
    produceSeconds = (performance.now() - started) / 1000;
    // The clock covered all but the first chunk: scale to the whole set.
    produceSeconds *= input.messages.length / (input.messages.length - chunks[0]!.length || 1);
  } finally {
    await producer.close();
  }

  const consumer = new Consumer<string, Buffer, string, string>({
    clientId: `${options.namespace}-consumer`,
    groupId: `${options.namespace}-group`,
    bootstrapBrokers,
    autocommit: false,
    deserializers: {
      key: stringDeserializer,
      headerKey: stringDeserializer,
      headerValue: stringDeserializer,
    },
    maxWaitTime: 500,
  });
  try {
    const subscribed = performance.now();
    const stream = await consumer.consume({
      topics,
      mode: MessagesStreamModes.EARLIEST,
      autocommit: false,
    });
    const { joinSeconds, consumeSeconds } = await new Promise<{
      joinSeconds: number;
      consumeSeconds: number;
    }>((resolve, reject) => {
      let received = 0;
      let first = 0;
      stream.on('data', () => {
        if (received === 0) first = performance.now();
        received++;
        if (received === input.messages.length) {
          resolve({
            joinSeconds: (first - subscribed) / 1000,
            consumeSeconds: (performance.now() - first) / 1000,
          });
        }
      });
      stream.on('error', reject);
    });
    await stream.close();
    return {
      messages: input.messages.length,
      bytes: input.bytes,
      produceSeconds,
      joinSeconds,
      consumeSeconds,
    };
  } finally {
    await consumer.close(true);
  }
}
