// BENCH ONLY — kafkajs is a devDependency for this baseline and nothing in
// apps/, libs/ or tools/ may import it. The same messages as the
// @platformatic/kafka baseline, produced with kafkajs's equivalent settings
// (idempotent, acks=-1, its Java-compatible partitioner, the same chunks and
// requests in flight — kafkajs keeps one request in flight per broker when
// idempotent, as its documentation requires), then read back by a fresh
// consumer group from the beginning.
import kafkajs from 'kafkajs';
import { chunksOf, sendAll, type RawKafkaResult, type RawMessages } from './kafka-messages.ts';
import type { RawKafkaOptions } from './kafka-platformatic.ts';

const { Kafka, Partitioners, logLevel } = kafkajs;

export async function kafkajsProduceConsume(
  input: RawMessages,
  options: RawKafkaOptions,
): Promise<RawKafkaResult> {
  const kafka = new Kafka({
    clientId: `${options.namespace}-kafkajs`,
    brokers: options.brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const topicOf = (topic: string): string => `${options.namespace}.${topic}`;
  const topics = input.topics.map(topicOf);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: options.partitions })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const send = (chunk: RawMessages['messages']): Promise<unknown> => {
    const byTopic = new Map<
      string,
      Array<{ key: string; value: Buffer; headers: Record<string, string> }>
    >();
    for (const m of chunk) {
      const topic = topicOf(m.topic);
      let list = byTopic.get(topic);
      if (!list) byTopic.set(topic, (list = []));
      list.push({ key: m.key, value: m.value, headers: m.headers });
    }
    return producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  };
  let produceSeconds: number;
  try {
    const chunks = chunksOf(input.messages);
    // One request outside the clock: metadata and the producer id.
    await send(chunks[0]!);
    const started = performance.now();
    await sendAll(chunks.slice(1), options.concurrency, send);
    produceSeconds = (performance.now() - started) / 1000;
    // The clock covered all but the first chunk: scale to the whole set.
    produceSeconds *= input.messages.length / (input.messages.length - chunks[0]!.length || 1);
  } finally {
    await producer.disconnect();
  }

  const consumer = kafka.consumer({ groupId: `${options.namespace}-group`, maxWaitTimeInMs: 500 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    const subscribed = performance.now();
    const { joinSeconds, consumeSeconds } = await new Promise<{
      joinSeconds: number;
      consumeSeconds: number;
    }>((resolve, reject) => {
      let received = 0;
      let first = 0;
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            if (received === 0 && batch.messages.length > 0) first = performance.now();
            received += batch.messages.length;
            if (received >= input.messages.length) {
              resolve({
                joinSeconds: (first - subscribed) / 1000,
                consumeSeconds: (performance.now() - first) / 1000,
              });
            }
          },
        })
        .catch(reject);
    });
    return {
      messages: input.messages.length,
      bytes: input.bytes,
      produceSeconds,
      joinSeconds,
      consumeSeconds,
    };
  } finally {
    await consumer.disconnect();
  }
}
