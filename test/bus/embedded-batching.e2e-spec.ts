// How the embedded bus appends and hands out messages: a publish to a topic
// nobody created yet still lands; a consumer hands what it fetched to its
// handler in calls that span partitions, never over the batch size, with each
// key's messages in order, and commits every partition of a call.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbeddedEventBus, type ConsumedMessage } from '#spean/bus';
import { waitFor } from '../../libs/bus/src/testing/bus-contract.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];

describe('embedded bus batching', () => {
  let db: TestDatabase;
  let bus: EmbeddedEventBus;

  beforeAll(async () => {
    db = await createTestDatabase('bus_batching');
    bus = new EmbeddedEventBus({ database: db.database, partitions: 4 });
    await bus.connect();
  });
  afterAll(async () => {
    await bus.close();
    await db.drop();
  });

  const unique = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;
  const publishRound = (topic: string, round: number) =>
    bus.publish(KEYS.map((key) => ({ topic, key, value: Buffer.from(String(round)) })));

  it('appends to a topic that was never created, in one or in several partitions', async () => {
    const single = unique('never-ensured');
    await bus.publish([{ topic: single, key: 'k0', value: Buffer.from('1') }]);
    const several = unique('never-ensured');
    await publishRound(several, 1);
    const rows = await db.database.query<{ topic: string; n: number; partitions: number }>(
      `SELECT topic, count(*)::int AS n, count(DISTINCT partition)::int AS partitions
       FROM bus_message WHERE topic = ANY($1::text[]) GROUP BY topic ORDER BY topic = $2 DESC`,
      [[single, several], single],
    );
    expect(rows).toEqual([
      { topic: single, n: 1, partitions: 1 },
      { topic: several, n: KEYS.length, partitions: expect.any(Number) },
    ]);
    expect(rows[1]!.partitions).toBeGreaterThan(1);
  });

  it('hands many partitions to one handler call, and commits each of them', async () => {
    const topic = unique('spread');
    await bus.ensureTopics([topic]);
    for (let round = 1; round <= 3; round++) await publishRound(topic, round);
    const calls: ConsumedMessage[][] = [];
    const group = unique('g');
    const subscription = await bus.subscribe({ group, topics: [topic] }, async (batch) => {
      calls.push(batch);
    });
    await waitFor(() => calls.flat().length === 3 * KEYS.length, 10_000);
    await waitFor(async () => (await bus.lag(group, [topic])) === 0, 10_000);
    await subscription.close();
    // All 24 fit one call of the default 500: one call, every partition in it.
    expect(calls).toHaveLength(1);
    expect(new Set(calls[0]!.map((m) => m.partition)).size).toBeGreaterThan(1);
    expect(roundsByKey(calls.flat())).toEqual(
      Object.fromEntries(KEYS.map((key) => [key, [1, 2, 3]])),
    );
  });

  it('never hands a call more than the batch size, nor splits a partition’s run', async () => {
    const topic = unique('bounded');
    await bus.ensureTopics([topic]);
    for (let round = 1; round <= 3; round++) await publishRound(topic, round);
    const calls: ConsumedMessage[][] = [];
    const subscription = await bus.subscribe(
      { group: unique('g'), topics: [topic], maxBatchSize: 8 },
      async (batch) => {
        calls.push(batch);
      },
    );
    await waitFor(() => calls.flat().length === 3 * KEYS.length, 10_000);
    await subscription.close();
    for (const call of calls) expect(call.length).toBeLessThanOrEqual(8);
    expect(roundsByKey(calls.flat())).toEqual(
      Object.fromEntries(KEYS.map((key) => [key, [1, 2, 3]])),
    );
  });
});

/** Each key's rounds in the order they were handled. */
function roundsByKey(messages: ConsumedMessage[]): Record<string, number[]> {
  const rounds: Record<string, number[]> = {};
  for (const message of messages)
    (rounds[message.key] ??= []).push(Number(message.value.toString()));
  return Object.fromEntries(Object.entries(rounds).sort(([a], [b]) => a.localeCompare(b)));
}
