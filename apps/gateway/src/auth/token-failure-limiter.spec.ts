import { describe, expect, it } from '@jest/globals';
import { EnvReader } from '#spean/config';
import { readGatewayLimits } from '../config/gateway-limits.config.js';
import { MemoryBucketStore } from '../hardening/bucket-store.js';
import { TokenFailureLimiter } from './token-failure-limiter.js';

const limits = (env: Record<string, string>) =>
  readGatewayLimits(new EnvReader(env), 'development');

describe('TokenFailureLimiter', () => {
  const low = limits({
    AUTH_TOKEN_FAILURES_PER_MINUTE: '1',
    AUTH_TOKEN_FAILURE_BURST: '2',
    AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE: '1',
    AUTH_TOKEN_CLIENT_FAILURE_BURST: '3',
  });

  it('counts per client and address first, then per client over all addresses', async () => {
    const limiter = new TokenFailureLimiter(low, new MemoryBucketStore());
    expect(await limiter.recordFailure('a', '10.0.0.1')).toBeUndefined();
    expect(await limiter.recordFailure('a', '10.0.0.1')).toBeUndefined();
    expect(await limiter.isSuspect('a', '10.0.0.1')).toBe(true);
    expect(await limiter.recordFailure('a', '10.0.0.1')).toMatchObject({
      limit: 'AUTH_TOKEN_FAILURES_PER_MINUTE',
      metric: 'token_failures',
      perMinute: 1,
      burst: 2,
    });
    // Another client from the same address is its own count.
    expect(await limiter.isSuspect('b', '10.0.0.1')).toBe(false);
    expect(await limiter.recordFailure('b', '10.0.0.1')).toBeUndefined();
    // The same client from another address: its own pair, but the client's count is shared.
    expect(await limiter.recordFailure('a', '10.0.0.2')).toBeUndefined();
    expect(await limiter.recordFailure('a', '10.0.0.3')).toMatchObject({
      limit: 'AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE',
      burst: 3,
    });
    expect(await limiter.isSuspect('a', '10.0.0.9')).toBe(true);
  });

  it('counts an IPv6 /64 as one address', async () => {
    const limiter = new TokenFailureLimiter(low, new MemoryBucketStore());
    await limiter.recordFailure('a', '2001:db8:1:2::1');
    await limiter.recordFailure('a', '2001:db8:1:2::2');
    expect((await limiter.recordFailure('a', '2001:db8:1:2:ffff::3'))?.limit).toBe(
      'AUTH_TOKEN_FAILURES_PER_MINUTE',
    );
  });

  it('counts nothing when both limits are off', async () => {
    const limiter = new TokenFailureLimiter(
      limits({ AUTH_TOKEN_FAILURES_PER_MINUTE: '0', AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE: '0' }),
      new MemoryBucketStore(),
    );
    for (let i = 0; i < 500; i++)
      expect(await limiter.recordFailure('a', '10.0.0.1')).toBeUndefined();
    expect(await limiter.isSuspect('a', '10.0.0.1')).toBe(false);
  });
});
