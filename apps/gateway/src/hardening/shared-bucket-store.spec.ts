import { describe, expect, it } from '@jest/globals';
import type { Queryable } from '#spean/persistence';
import { SharedBucketStore } from './shared-bucket-store.js';

const limit = { name: 'graphql_rate', ratePerSecond: 1, burst: 2 };

/** A database that answers, or fails every statement while `down` is set. */
function database(): { db: Queryable; down: boolean; statements: number } {
  const state = {
    down: false,
    statements: 0,
    db: {
      query: async <R extends object>(): Promise<R[]> => {
        state.statements++;
        if (state.down) throw new Error('connection refused');
        return [{ granted: 1, tokens: 1 } as unknown as R];
      },
    },
  };
  return state;
}

describe('SharedBucketStore', () => {
  it("falls back to the process's own buckets while the database fails, warning once", async () => {
    const state = database();
    const warnings: string[] = [];
    const store = new SharedBucketStore(state.db, {
      warn: (message: string) => warnings.push(message),
      log: () => undefined,
    });
    expect(await store.take('a', limit, 1)).toEqual({ granted: 1, tokens: 1 });
    state.down = true;
    // The limit still holds, per process: a burst of 2, then nothing.
    expect((await store.take('a', limit, 1)).granted).toBe(1);
    expect((await store.take('a', limit, 1)).granted).toBe(1);
    expect((await store.take('a', limit, 1)).granted).toBe(0);
    expect(await store.peek('a', limit)).toBeLessThan(1);
    // One failed statement switched it over: the others were not sent.
    expect(state.statements).toBe(2);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^rate limits fall back to this process's own buckets: connection refused/,
      ),
    ]);
  });
});
