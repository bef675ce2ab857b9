// The embedded bus deletes old messages only once every consumer group has
// handled them: retention never costs a group a message it has not seen.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbeddedEventBus } from '#spean/bus';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('embedded bus retention', () => {
  let db: TestDatabase;
  let bus: EmbeddedEventBus;

  beforeAll(async () => {
    db = await createTestDatabase('retention');
    bus = new EmbeddedEventBus({ database: db.database, partitions: 1 });
    await bus.connect();
  });
  afterAll(async () => {
    await bus.close();
    await db.drop();
  });

  it('keeps what a slow group has not handled, and deletes what every group has', async () => {
    const topic = 'retention-test';
    await bus.ensureTopics([topic]);
    await bus.publish(
      [1, 2, 3, 4].map((n) => ({ topic, key: 'k', value: Buffer.from(String(n)) })),
    );
    // The fast group handles everything; the slow group handles only the first two messages.
    const fast: string[] = [];
    const done = await bus.subscribe({ group: 'fast', topics: [topic] }, async (batch) => {
      fast.push(...batch.map((m) => m.value.toString()));
    });
    const slow = await bus.subscribe(
      { group: 'slow', topics: [topic], maxBatchSize: 2 },
      async (batch) => {
        if (batch.some((m) => m.value.toString() === '3')) throw new Error('not yet');
      },
    );
    const deadline = Date.now() + 10_000;
    while (fast.length < 4 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all([done.close(), slow.close()]);

    // Everything is older than a zero retention; only what both groups passed may go.
    expect(await bus.expire(0)).toBe(2);
    const left = await db.database.query<{ value: Buffer }>(
      `SELECT value FROM bus_message WHERE topic = $1 ORDER BY "offset"`,
      [topic],
    );
    expect(left.map((row) => row.value.toString())).toEqual(['3', '4']);
    // A long retention deletes nothing.
    expect(await bus.expire(3600_000)).toBe(0);
  });
});
