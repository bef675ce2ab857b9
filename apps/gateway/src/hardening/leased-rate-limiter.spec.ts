import { describe, expect, it } from '@jest/globals';
import { MemoryBucketStore, type BucketStore } from './bucket-store.js';
import { LeasedRateLimiter, defaultLease } from './leased-rate-limiter.js';

const limit = { name: 'graphql_rate', ratePerSecond: 10, burst: 10 };

/** A clock the test moves, and a store on it that counts the statements it was asked. */
function sharedStore(): {
  now: () => number;
  advance(ms: number): void;
  store: BucketStore;
  asked: () => number;
} {
  let time = 0;
  let asked = 0;
  const memory = new MemoryBucketStore(() => time);
  const store: BucketStore = {
    take: (key, bucket, want) => {
      asked++;
      return memory.take(key, bucket, want);
    },
    peek: (key, bucket) => memory.peek(key, bucket),
  };
  return { now: () => time, advance: (ms) => (time += ms), store, asked: () => asked };
}

async function admitted(limiter: LeasedRateLimiter, key: string, tries: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < tries; i++) if ((await limiter.take(key)).allowed) allowed++;
  return allowed;
}

describe('LeasedRateLimiter', () => {
  it('leases a tenth of a second of the rate, at most a quarter of the burst', () => {
    expect(defaultLease({ ratePerSecond: 200, burst: 400 })).toBe(20);
    expect(defaultLease({ ratePerSecond: 200, burst: 40 })).toBe(10);
    expect(defaultLease({ ratePerSecond: 1, burst: 1 })).toBe(1);
  });

  it('gives a client its rate across two processes on one store, not twice it', async () => {
    const clock = sharedStore();
    const a = new LeasedRateLimiter(clock.store, limit, { now: clock.now });
    const b = new LeasedRateLimiter(clock.store, limit, { now: clock.now });
    // Ten seconds of a client asking 50 times a second at each process.
    let allowed = 0;
    for (let tick = 0; tick < 100; tick++) {
      allowed += await admitted(a, 'mef-desk', 5);
      allowed += await admitted(b, 'mef-desk', 5);
      clock.advance(100);
    }
    // burst + rate × t, plus at most 1.5 leases per process taken early.
    const bound = limit.burst + limit.ratePerSecond * 10 + 2 * 1.5 * a.lease;
    expect(allowed).toBeLessThanOrEqual(bound);
    expect(allowed).toBeGreaterThanOrEqual(
      limit.burst + limit.ratePerSecond * 10 - 2 * 1.5 * a.lease,
    );
    // One process alone would have admitted the same: the two did not each get the rate.
    expect(allowed).toBeLessThan(2 * (limit.burst + limit.ratePerSecond * 9));
  });

  it('asks the store once a lease, not once a request', async () => {
    const clock = sharedStore();
    const busy = { name: 'graphql_rate', ratePerSecond: 200, burst: 400 };
    const limiter = new LeasedRateLimiter(clock.store, busy, { now: clock.now });
    expect(await admitted(limiter, 'mef-desk', 400)).toBe(400);
    expect(clock.asked()).toBeLessThanOrEqual(400 / limiter.lease + 1);
  });

  it('refuses from memory while the shared bucket is short, with the seconds until a token is back', async () => {
    const clock = sharedStore();
    const slow = { name: 'graphql_rate', ratePerSecond: 1, burst: 2 };
    const limiter = new LeasedRateLimiter(clock.store, slow, { now: clock.now });
    expect(await admitted(limiter, 'k', 2)).toBe(2);
    const asked = clock.asked();
    expect(await limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(clock.asked()).toBe(asked + 1);
    clock.advance(1000);
    expect((await limiter.take('k')).allowed).toBe(true);
  });

  it('keeps clients apart', async () => {
    const clock = sharedStore();
    const limiter = new LeasedRateLimiter(
      clock.store,
      { name: 'graphql_rate', ratePerSecond: 1, burst: 1 },
      { now: clock.now },
    );
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
    expect((await limiter.take('b')).allowed).toBe(true);
  });
});
