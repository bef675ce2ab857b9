import { describe, expect, it } from '@jest/globals';
import { TokenBucketLimiter } from './token-bucket.js';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refuses with the whole seconds until a token is back', () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 2, burst: 3, now: time.now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(499);
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(1);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('refills at the sustained rate and never above the burst', () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 10, burst: 5, now: time.now });
    for (let i = 0; i < 5; i++) limiter.take('a');
    time.advance(60_000);
    const allowed = Array.from({ length: 8 }, () => limiter.take('a').allowed).filter(Boolean);
    expect(allowed).toHaveLength(5);
  });

  it('rounds Retry-After up to whole seconds for slow rates', () => {
    const time = clock();
    // 30 a minute: one token every 2 s.
    const limiter = new TokenBucketLimiter({ ratePerSecond: 0.5, burst: 1, now: time.now });
    expect(limiter.take('ip').allowed).toBe(true);
    expect(limiter.take('ip')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    time.advance(1_500);
    expect(limiter.take('ip')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps one bucket per key', () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, now: time.now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('forgets the least recently used key past maxKeys, and only that one', () => {
    const time = clock();
    const limiter = new TokenBucketLimiter({
      ratePerSecond: 1,
      burst: 1,
      maxKeys: 3,
      now: time.now,
    });
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    limiter.take('a'); // refused, but a is now the most recently used
    limiter.take('d'); // b is forgotten
    expect(limiter.size).toBe(3);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('c').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('refuses nonsense settings', () => {
    expect(() => new TokenBucketLimiter({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucketLimiter({ ratePerSecond: 1, burst: 0 })).toThrow(RangeError);
  });
});
