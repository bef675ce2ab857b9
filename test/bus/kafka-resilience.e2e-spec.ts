// The Kafka transport under the faults of a real deployment, on a broker of
// this file's own (it is killed and restarted here): every app creating the
// same topics at once on a fresh broker, and the broker dying mid-ingest.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KafkaEventBus } from '../../libs/bus/src/kafka/index.js';
import type { OutgoingMessage } from '../../libs/bus/src/event-bus.port.js';
import { startOwnBroker, type OwnBroker } from './own-broker.js';

let broker: OwnBroker;
const opened: KafkaEventBus[] = [];

function openBus(): KafkaEventBus {
  const bus = new KafkaEventBus({
    brokers: broker.brokers,
    clientId: `resilience-${randomUUID().slice(0, 6)}`,
    partitions: 3,
  });
  opened.push(bus);
  return bus;
}

beforeAll(async () => {
  broker = await startOwnBroker();
}, 120_000);
afterAll(async () => {
  await Promise.all(opened.map((bus) => bus.close()));
  await broker?.stop();
}, 60_000);

describe('topic creation', () => {
  it('lets many processes ensure the same topics at once on a fresh broker', async () => {
    // Six apps and their subscriptions racing, as `npm start` does on a new cluster.
    const buses = Array.from({ length: 8 }, () => openBus());
    await Promise.all(buses.map((bus) => bus.connect()));
    const failures: string[] = [];
    for (let round = 0; round < 6; round++) {
      const topics = Array.from({ length: 6 }, (_, i) => `fresh-${round}-${i}-${randomUUID()}`);
      const outcomes = await Promise.allSettled(
        buses.map((bus, b) => bus.ensureTopics(b % 2 === 0 ? topics : [...topics].reverse())),
      );
      for (const outcome of outcomes)
        if (outcome.status === 'rejected') failures.push(String(outcome.reason));
    }
    expect(failures).toEqual([]);
  });
});

export function message(topic: string, key: string, seq: number): OutgoingMessage {
  return { topic, key, value: Buffer.from(JSON.stringify({ seq })) };
}
