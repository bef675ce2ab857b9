// The behaviour every event-bus transport must show, written once and run
// unchanged against the embedded (Postgres) transport and against Kafka.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  BatchHandler,
  ConsumedMessage,
  EventBus,
  OutgoingMessage,
} from '../event-bus.port.js';

/** How the cases reach the bus under test: the shared one, or another they open (closed at the end). */
interface ContractBus {
  bus: EventBus;
  open(): Promise<EventBus>;
}

export function describeBusContract(name: string, makeBus: () => Promise<EventBus>): void {
  describe(`event bus contract: ${name}`, () => {
    const opened: EventBus[] = [];
    let shared: EventBus;
    const contract: ContractBus = {
      get bus() {
        return shared;
      },
      async open() {
        const bus = await makeBus();
        opened.push(bus);
        return bus;
      },
    };

    beforeAll(async () => {
      shared = await contract.open();
    });
    afterAll(async () => {
      await Promise.all(opened.map((each) => each.close()));
    });

    orderCases(contract);
    resumeCases(contract);
    fanOutAndLagCases(contract);
    wakeUpCases(contract);
  });
}

/** Order by key, and a failed batch delivered again with nothing committed past it. */
function orderCases(contract: ContractBus): void {
  it('delivers every message of a key in the order it was published', async () => {
    const topic = unique('order');
    await contract.bus.ensureTopics([topic]);
    const keys = Array.from({ length: 12 }, (_, i) => `key-${i}`);
    const published: OutgoingMessage[] = [];
    for (let seq = 0; seq < 25; seq++) {
      for (const key of keys) published.push(message(topic, key, { seq }));
    }
    // Several publish calls, so ordering holds across calls as well as within one.
    for (let i = 0; i < published.length; i += 50)
      await contract.bus.publish(published.slice(i, i + 50));

    const received = collector();
    const subscription = await contract.bus.subscribe(
      { group: unique('g'), topics: [topic] },
      received.handler,
    );
    await waitFor(() => received.messages.length >= published.length);
    await subscription.close();

    expect(received.messages).toHaveLength(published.length);
    for (const key of keys) {
      const seqs = received.messages.filter((m) => m.key === key).map((m) => body(m).seq);
      expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i));
      const partitions = new Set(
        received.messages.filter((m) => m.key === key).map((m) => m.partition),
      );
      expect(partitions.size).toBe(1);
    }
  });

  it('redelivers a batch whose handler failed, and commits nothing past it', async () => {
    const topic = unique('retry');
    await contract.bus.ensureTopics([topic]);
    await contract.bus.publish([1, 2, 3, 4, 5].map((seq) => message(topic, 'one-key', { seq })));

    const applied: number[] = [];
    let failuresLeft = 2;
    const subscription = await contract.bus.subscribe(
      { group: unique('g'), topics: [topic] },
      async (batch) => {
        for (const m of batch) {
          if (body(m).seq === 3 && failuresLeft > 0) {
            failuresLeft--;
            throw new Error('database briefly unavailable');
          }
          // An idempotent effect: applying a message twice changes nothing.
          if (!applied.includes(body(m).seq)) applied.push(body(m).seq);
        }
      },
    );
    await waitFor(() => applied.length === 5);
    await subscription.close();
    expect(applied).toEqual([1, 2, 3, 4, 5]);
    expect(failuresLeft).toBe(0);
  });
}

/** A group resumes from its commits, and goes on past a dead letter. */
function resumeCases(contract: ContractBus): void {
  it('resumes a group from its committed offsets after a restart', async () => {
    const topic = unique('resume');
    const group = unique('g');
    await contract.bus.ensureTopics([topic]);
    await contract.bus.publish(range(0, 30).map((seq) => message(topic, `k${seq % 4}`, { seq })));

    const first = collector();
    const before = await contract.bus.subscribe({ group, topics: [topic] }, first.handler);
    await waitFor(() => first.messages.length >= 30);
    await before.close();

    const restarted = await contract.open();
    await restarted.publish(range(30, 50).map((seq) => message(topic, `k${seq % 4}`, { seq })));
    const second = collector();
    const after = await restarted.subscribe({ group, topics: [topic] }, second.handler);
    await waitFor(() => second.messages.length >= 20);
    await settle();
    await after.close();

    expect(seqsOf(first.messages)).toEqual(range(0, 30));
    expect(seqsOf(second.messages)).toEqual(range(30, 50));
  });

  it('commits past a message the handler sets aside as a dead letter, and goes on', async () => {
    const topic = unique('poison');
    const group = unique('g');
    await contract.bus.ensureTopics([topic]);
    const poison = Buffer.from('{"this is not": valid json');
    await contract.bus.publish([
      message(topic, 'k', { seq: 1 }),
      { topic, key: 'k', value: poison, headers: { 'record-type': 'person' } },
      message(topic, 'k', { seq: 3 }),
    ]);

    const applied: number[] = [];
    const subscription = await contract.bus.subscribe({ group, topics: [topic] }, async (batch) => {
      const deadLetters = [];
      for (const m of batch) {
        try {
          applied.push(body(m).seq);
        } catch {
          deadLetters.push({ message: m, reason: 'payload is not valid JSON' });
        }
      }
      return { deadLetters };
    });
    await waitFor(() => applied.length === 2);
    await subscription.close();
    expect(applied).toEqual([1, 3]);

    // Committed past: the group, back again, does not get the dead letter a second time.
    await waitFor(async () => (await contract.bus.lag(group, [topic])) === 0);
    await contract.bus.publish([message(topic, 'k', { seq: 4 })]);
    const again: number[] = [];
    const resumed = await contract.bus.subscribe({ group, topics: [topic] }, async (batch) => {
      again.push(...batch.map((m) => body(m).seq));
    });
    await waitFor(() => again.length > 0);
    await resumed.close();
    expect(again).toEqual([4]);
  });
}

/** Every group sees the whole log, and how far behind a group is. */
function fanOutAndLagCases(contract: ContractBus): void {
  it('gives every consumer group the whole log', async () => {
    const topic = unique('fanout');
    await contract.bus.ensureTopics([topic]);
    await contract.bus.publish(range(0, 8).map((seq) => message(topic, `k${seq}`, { seq })));
    const a = collector();
    const b = collector();
    const subA = await contract.bus.subscribe({ group: unique('a'), topics: [topic] }, a.handler);
    const subB = await contract.bus.subscribe({ group: unique('b'), topics: [topic] }, b.handler);
    await waitFor(() => a.messages.length >= 8 && b.messages.length >= 8);
    await Promise.all([subA.close(), subB.close()]);
    expect(seqsOf(a.messages)).toEqual(range(0, 8));
    expect(seqsOf(b.messages)).toEqual(range(0, 8));
  });

  it('counts the messages a group has not committed yet', async () => {
    const topic = unique('lag');
    const other = unique('lag-other');
    const group = unique('g');
    await contract.bus.ensureTopics([topic, other]);
    expect(await contract.bus.lag(group, [topic])).toBe(0);
    await contract.bus.publish(range(0, 7).map((seq) => message(topic, `k${seq % 3}`, { seq })));
    await contract.bus.publish([message(other, 'k', { seq: 0 })]);
    // A group that never consumed is behind by the whole log.
    expect(await contract.bus.lag(group, [topic])).toBe(7);
    expect(await contract.bus.lag(group, [topic, other])).toBe(8);
    expect(await contract.bus.lag(group, [unique('missing')])).toBe(0);

    const received = collector();
    const subscription = await contract.bus.subscribe({ group, topics: [topic] }, received.handler);
    await waitFor(async () => (await contract.bus.lag(group, [topic])) === 0);
    await subscription.close();
    expect(received.messages).toHaveLength(7);

    await contract.bus.publish(range(7, 10).map((seq) => message(topic, `k${seq % 3}`, { seq })));
    expect(await contract.bus.lag(group, [topic])).toBe(3);
    expect(await contract.bus.lag(group, [topic, other])).toBe(4);
    // Another group's progress is its own.
    expect(await contract.bus.lag(unique('g'), [topic])).toBe(10);
  });

  it('tells when the oldest message a group has not committed was published', async () => {
    const topic = unique('lag-age');
    const group = unique('g');
    await contract.bus.ensureTopics([topic]);
    expect(await contract.bus.consumerLag(group, [topic])).toEqual({
      messages: 0,
      oldestUnconsumedAt: null,
    });
    // Whole milliseconds: Kafka keeps them, PostgreSQL microseconds.
    const firstSent = Math.floor(Date.now());
    await contract.bus.publish(range(0, 4).map((seq) => message(topic, `k${seq}`, { seq })));
    const firstKept = Date.now();
    const behind = await contract.bus.consumerLag(group, [topic]);
    expect(behind.messages).toBe(4);
    expect(behind.oldestUnconsumedAt!.getTime()).toBeGreaterThanOrEqual(firstSent - 1);
    expect(behind.oldestUnconsumedAt!.getTime()).toBeLessThanOrEqual(firstKept);

    const received = collector();
    const subscription = await contract.bus.subscribe({ group, topics: [topic] }, received.handler);
    await waitFor(async () => (await contract.bus.lag(group, [topic])) === 0);
    await subscription.close();
    expect((await contract.bus.consumerLag(group, [topic])).oldestUnconsumedAt).toBeNull();

    const laterSent = Math.floor(Date.now());
    await contract.bus.publish([message(topic, 'k9', { seq: 9 })]);
    const later = await contract.bus.consumerLag(group, [topic]);
    expect(later.messages).toBe(1);
    expect(later.oldestUnconsumedAt!.getTime()).toBeGreaterThanOrEqual(laterSent - 1);
  });
}

/** A consumer waiting for messages hears a new one promptly, with its headers. */
function wakeUpCases(contract: ContractBus): void {
  it('delivers a message published while the consumer waits, promptly', async () => {
    const topic = unique('live');
    await contract.bus.ensureTopics([topic]);
    const received = collector();
    const subscription = await contract.bus.subscribe(
      { group: unique('g'), topics: [topic] },
      received.handler,
    );
    await settle();
    await contract.bus.publish([message(topic, 'k', { seq: 1 }, { trace: 'abc' })]);
    await waitFor(() => received.messages.length === 1, 5000);
    await subscription.close();
    expect(received.messages[0]!.headers.trace).toBe('abc');
    expect(received.messages[0]!.key).toBe('k');
  });
}

function unique(prefix: string): string {
  return `contract-${prefix}-${randomUUID().slice(0, 8)}`;
}

function message(
  topic: string,
  key: string,
  payload: { seq: number },
  headers: Record<string, string> = {},
): OutgoingMessage {
  return { topic, key, value: Buffer.from(JSON.stringify(payload)), headers };
}

function body(message: ConsumedMessage): { seq: number } {
  return JSON.parse(message.value.toString('utf8')) as { seq: number };
}

function seqsOf(messages: ConsumedMessage[]): number[] {
  return [...new Set(messages.map((m) => body(m).seq))].sort((a, b) => a - b);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function collector(): { messages: ConsumedMessage[]; handler: BatchHandler } {
  const messages: ConsumedMessage[] = [];
  return {
    messages,
    handler: async (batch) => {
      messages.push(...batch);
    },
  };
}

/** Gives a consumer time to deliver anything it should not. */
function settle(ms = 500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
