// Where token buckets are kept: the port both limits speak to (the GraphQL
// rate limit leases from it in batches, the wrong-secret counts take one
// token a failure), and its in-memory form — one process's buckets, for the
// unit specs and for a gateway whose database does not answer.
import { TokenBucketLimiter } from './token-bucket.js';

export interface BucketLimit {
  /** Names the limit: its buckets are apart from every other limit's. */
  name: string;
  ratePerSecond: number;
  burst: number;
}

export interface Grant {
  /** Tokens taken: `want`, or fewer (down to 0) if the bucket held fewer whole ones. */
  granted: number;
  /** Tokens left in the bucket after the grant (fractional: it refills continuously). */
  tokens: number;
}

export interface BucketStore {
  /** Takes up to `want` whole tokens from the key's bucket, refilled to now first. */
  take(key: string, limit: BucketLimit, want: number): Promise<Grant>;
  /** The tokens the key's bucket holds now; takes nothing. */
  peek(key: string, limit: BucketLimit): Promise<number>;
}

/** Seconds until a bucket holding `tokens` has a whole one again (at least 1, for Retry-After). */
export function secondsUntilToken(tokens: number, limit: BucketLimit): number {
  return Math.max(1, Math.ceil((1 - tokens) / limit.ratePerSecond));
}

/** One process's buckets, with the same arithmetic as the shared ones. */
export class MemoryBucketStore implements BucketStore {
  private readonly limiters = new Map<string, TokenBucketLimiter>();

  constructor(private readonly now?: () => number) {}

  take(key: string, limit: BucketLimit, want: number): Promise<Grant> {
    const limiter = this.limiterFor(limit);
    let granted = 0;
    while (granted < want && limiter.take(key).allowed) granted++;
    return Promise.resolve({ granted, tokens: limiter.tokens(key) });
  }

  peek(key: string, limit: BucketLimit): Promise<number> {
    return Promise.resolve(this.limiterFor(limit).tokens(key));
  }

  private limiterFor(limit: BucketLimit): TokenBucketLimiter {
    let limiter = this.limiters.get(limit.name);
    if (!limiter) {
      limiter = new TokenBucketLimiter({
        ratePerSecond: limit.ratePerSecond,
        burst: limit.burst,
        now: this.now,
      });
      this.limiters.set(limit.name, limiter);
    }
    return limiter;
  }
}
