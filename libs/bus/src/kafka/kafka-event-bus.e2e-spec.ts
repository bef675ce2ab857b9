// What the shared contract suite cannot see because it is Kafka's alone: the
// offsets handed to handlers under failures, members of one group sharing
// partitions, produce requests split under the broker's size limit, and dead
// letters committed past with no copy on the broker. Runs against KAFKA_BROKERS (the kafka project's
// global setup starts a broker when it is unset).
import { randomUUID } from 'node:crypto';
import { Admin } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConsumedMessage, EventBus, OutgoingMessage } from '../event-bus.port.js';
import { partitionFor } from '../partitioner.js';
import { waitFor } from '../testing/bus-contract.js';
import { KafkaEventBus } from './kafka-event-bus.js';

// The kafka project's global setup hands the broker over in the environment.
// eslint-disable-next-line no-restricted-syntax
const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);

describe('KafkaEventBus on a real broker', () => {
  const opened: EventBus[] = [];
  const open = async (): Promise<KafkaEventBus> => {
    const bus = new KafkaEventBus({
      brokers,
      clientId: `spec-${randomUUID().slice(0, 6)}`,
      partitions: 4,
    });
    opened.push(bus);
    await bus.connect();
    return bus;
  };
  let bus: KafkaEventBus;

  beforeAll(async () => {
    expect(brokers.length).toBeGreaterThan(0);
    bus = await open();
  });
  afterAll(async () => {
    await Promise.all(opened.map((each) => each.close()));
  });

  it('hands every partition over gap-free and in offset order while handlers keep failing', async () => {
    const topic = unique('flaky');
    await bus.ensureTopics([topic]);
    await bus.publish(range(0, 400).map((seq) => message(topic, `k${seq % 7}`, seq)));

    const applied = new Map<number, bigint[]>();
    let calls = 0;
    const subscription = await bus.subscribe(
      { group: unique('g'), topics: [topic], maxBatchSize: 25 },
      async (batch) => {
        calls++;
        expect(batch.length).toBeLessThanOrEqual(25);
        if (calls % 3 === 0) throw new Error('transient');
        for (const m of batch) {
          const offsets = applied.get(m.partition) ?? [];
          offsets.push(BigInt(m.offset));
          applied.set(m.partition, offsets);
        }
      },
    );
    await waitFor(() => [...applied.values()].reduce((n, offsets) => n + offsets.length, 0) >= 400);
    await subscription.close();

    // Each successful batch starts where the previous one ended: nothing
    // skipped past a failure, nothing reordered, nothing applied twice.
    for (const offsets of applied.values()) {
      expect(offsets).toEqual(offsets.map((_, i) => offsets[0]! + BigInt(i)));
      expect(offsets[0]).toBe(0n);
    }
  });

  it('hands several partitions to one handler call', async () => {
    const topic = unique('wide');
    await bus.ensureTopics([topic]);
    await bus.publish(range(0, 40).map((seq) => message(topic, `k${seq}`, seq)));
    let received = 0;
    let widest = 0;
    const subscription = await bus.subscribe(
      { group: unique('g'), topics: [topic], maxBatchSize: 100 },
      async (batch) => {
        received += batch.length;
        widest = Math.max(widest, new Set(batch.map((m) => m.partition)).size);
      },
    );
    await waitFor(() => received >= 40);
    await subscription.close();
    expect(widest).toBeGreaterThan(1);
  });

  it('holds back only the partition whose batch keeps failing', async () => {
    const topic = unique('poison');
    await bus.ensureTopics([topic]);
    const keys = range(0, 40).map((n) => `k${n}`);
    const stuck = partitionFor('k0', 4);
    await bus.publish(keys.map((key, seq) => message(topic, key, seq)));

    const received = new Set<string>();
    let healed = false;
    let failures = 0;
    const subscription = await bus.subscribe(
      { group: unique('g'), topics: [topic], maxBatchSize: 100 },
      async (batch) => {
        if (batch.some((m) => m.key === 'k0') && !healed) {
          failures++;
          throw new Error('not yet');
        }
        for (const m of batch) received.add(m.key);
      },
    );
    // Every other partition is applied while k0's keeps failing.
    const others = keys.filter((key) => partitionFor(key, 4) !== stuck);
    await waitFor(() => others.every((key) => received.has(key)));
    expect(failures).toBeGreaterThan(0);
    expect(received.has('k0')).toBe(false);
    healed = true;
    await waitFor(() => received.size === keys.length);
    await subscription.close();
  });

  it('splits a group between two members and loses nothing when one leaves', async () => {
    const topic = unique('shared');
    const group = unique('g');
    await bus.ensureTopics([topic]);
    const other = await open();
    const seen: ConsumedMessage[] = [];
    const slow = async (batch: ConsumedMessage[]): Promise<void> => {
      seen.push(...batch);
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const first = await bus.subscribe({ group, topics: [topic], maxBatchSize: 5 }, slow);
    const second = await other.subscribe({ group, topics: [topic], maxBatchSize: 5 }, slow);
    await bus.publish(range(0, 200).map((seq) => message(topic, `k${seq % 10}`, seq)));
    await waitFor(() => seen.length >= 60);
    await second.close();
    await waitFor(() => seqs(seen).length >= 200);
    await first.close();
    expect(seqs(seen)).toEqual(range(0, 200));
  });

  it('publishes more than one produce request can carry, in order', async () => {
    const topic = unique('big');
    await bus.ensureTopics([topic]);
    const payload = 'x'.repeat(2_000);
    await bus.publish(range(0, 3_000).map((seq) => message(topic, `k${seq % 3}`, seq, payload)));
    const received: ConsumedMessage[] = [];
    const subscription = await bus.subscribe(
      { group: unique('g'), topics: [topic] },
      async (batch) => {
        received.push(...batch);
      },
    );
    await waitFor(() => received.length >= 3_000);
    await subscription.close();
    // The same partition the embedded transport (and a Java producer) would pick.
    for (const m of received.slice(0, 50)) expect(m.partition).toBe(partitionFor(m.key, 4));
    for (const key of ['k0', 'k1', 'k2']) {
      const order = received.filter((m) => m.key === key).map((m) => body(m).seq);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order).toHaveLength(1_000);
    }
  });

  it('commits dead letters past like applied messages, and keeps no copy of them on the broker', async () => {
    const topic = unique('dlq');
    const group = unique('g');
    await bus.ensureTopics([topic]);
    await bus.publish(range(0, 6).map((seq) => message(topic, 'ស្ពាន-key', seq)));
    const applied: number[] = [];
    const subscription = await bus.subscribe({ group, topics: [topic] }, async (batch) => {
      applied.push(...batch.map((m) => body(m).seq).filter((seq) => seq % 2 === 0));
      return {
        deadLetters: batch
          .filter((m) => body(m).seq % 2 === 1)
          .map((m) => ({ message: m, reason: `odd ${body(m).seq}` })),
      };
    });
    await waitFor(async () => (await bus.lag(group, [topic])) === 0);
    await subscription.close();
    expect(applied).toEqual([0, 2, 4]);
    const admin = new Admin({ clientId: unique('admin'), bootstrapBrokers: brokers });
    try {
      expect((await admin.listTopics()).filter((name) => name.includes(`dlq.${group}`))).toEqual(
        [],
      );
    } finally {
      await admin.close();
    }
  });

  it('waits for the batch in hand on close and commits it', async () => {
    const topic = unique('close');
    const group = unique('g');
    await bus.ensureTopics([topic]);
    await bus.publish([message(topic, 'k', 1)]);
    let started = false;
    let finished = false;
    const subscription = await bus.subscribe({ group, topics: [topic] }, async () => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
      finished = true;
    });
    await waitFor(() => started);
    await subscription.close();
    expect(finished).toBe(true);

    const again: ConsumedMessage[] = [];
    const next = await bus.subscribe({ group, topics: [topic] }, async (batch) => {
      again.push(...batch);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await next.close();
    expect(again).toEqual([]);
  });

  it('closes promptly while a batch is waiting out its back-off', async () => {
    const topic = unique('stuck');
    await bus.ensureTopics([topic]);
    await bus.publish([message(topic, 'k', 1)]);
    let attempts = 0;
    const subscription = await bus.subscribe({ group: unique('g'), topics: [topic] }, async () => {
      attempts++;
      throw new Error('never applies');
    });
    await waitFor(() => attempts >= 4);
    const started = Date.now();
    await subscription.close();
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('sends calls made while one is in flight together, in call order, and fails only the call the broker refuses', async () => {
    const topic = unique('together');
    await bus.ensureTopics([topic]);
    const tooLarge = { ...message(topic, 'k', -1), value: Buffer.alloc(3 * 1024 * 1024, 'x') };
    const calls = range(0, 40).map((seq) =>
      seq === 20 ? bus.publish([tooLarge]) : bus.publish([message(topic, 'k', seq)]),
    );
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      range(0, 40).map((seq) => (seq === 20 ? 'rejected' : 'fulfilled')),
    );
    const received: ConsumedMessage[] = [];
    const subscription = await bus.subscribe(
      { group: unique('g'), topics: [topic] },
      async (batch) => {
        received.push(...batch);
      },
    );
    await waitFor(() => seqs(received).length >= 39);
    await subscription.close();
    // One key, one partition: each call's message at least once (a refused shared send is
    // sent again call by call), and each first seen in the calls' order.
    expect(seqs(received)).toEqual(range(0, 40).filter((seq) => seq !== 20));
    const order = received.map((m) => body(m).seq);
    const firsts = order.filter((seq, i) => order.indexOf(seq) === i);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('fails every call of a shared send at once when the broker cannot be reached', async () => {
    const nowhere = new KafkaEventBus({ brokers: ['127.0.0.1:1'], clientId: 'nowhere-publish' });
    opened.push(nowhere);
    const started = Date.now();
    // The first call goes alone; the other four wait for it and then go together.
    const outcomes = await Promise.allSettled(
      range(0, 5).map((seq) => nowhere.publish([message('nowhere', 'k', seq)])),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(range(0, 5).map(() => 'rejected'));
    // Two sends' retries (about 11 s each here), not one more per call (over a minute).
    expect(Date.now() - started).toBeLessThan(40_000);
  }, 60_000);

  it('fails a publish to a missing topic instead of retrying forever, then publishes again', async () => {
    const missing = unique('missing');
    await expect(bus.publish([message(missing, 'k', 1)])).rejects.toThrow(/publishing 1 message/);
    const topic = unique('after');
    await bus.ensureTopics([topic]);
    await bus.publish([message(topic, 'k', 1)]);
  });

  it('reports health', async () => {
    expect(await bus.isHealthy()).toBe(true);
    const nowhere = new KafkaEventBus({ brokers: ['127.0.0.1:1'], clientId: 'nowhere' });
    const started = Date.now();
    expect(await nowhere.isHealthy()).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    await nowhere.close();
  });
});

function unique(prefix: string): string {
  return `kafka-spec-${prefix}-${randomUUID().slice(0, 8)}`;
}

function message(topic: string, key: string, seq: number, padding = ''): OutgoingMessage {
  return {
    topic,
    key,
    value: Buffer.from(JSON.stringify({ seq, padding })),
    headers: { trace: `seq-${seq}` },
  };
}

function body(message: ConsumedMessage): { seq: number } {
  return JSON.parse(message.value.toString('utf8')) as { seq: number };
}

function seqs(messages: ConsumedMessage[]): number[] {
  return [...new Set(messages.map((m) => body(m).seq))].sort((a, b) => a - b);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
