// The per-client GraphQL rate limit across every gateway process, cheap on
// the hot path. Each process leases a few tokens at a time from the client's
// shared bucket (one statement, rate-bucket.repository.ts) and spends them
// from memory; it leases again in the background when its lease is half
// spent, so a request waits for the database only when the process has none
// left. A process that found the shared bucket short asks again only once a
// whole lease has refilled, so a client flooding N processes costs the
// database at most N × rate / lease statements a second.
//
// The bound: every token spent was first taken from the shared bucket, so
// over any t seconds one client is admitted at most
//   burst + rate × t + N × 1.5 × lease
// requests across N processes — the last term being leases taken before the
// interval and spent in it (a process holds at most half a lease plus a new
// one). The lease is a tenth of a second's rate, at most a quarter of the
// burst: with the defaults (200/s, burst 400, lease 20) and 2 processes, at
// most 60 requests above the limit's own burst, never a higher sustained rate.
// The other way round, tokens a process leased and does not spend are lost to
// the others until it spends them: at most 1.5 leases per process.
import type { TakeResult } from './token-bucket.js';
import type { BucketLimit, BucketStore } from './bucket-store.js';

export interface LeasedRateLimiterOptions {
  /** Tokens leased at a time; by default a tenth of a second's rate, at most a quarter of the burst. */
  lease?: number;
  /** Most keys whose lease is kept at once (the quietest is forgotten, its lease with it). */
  maxKeys?: number;
  /** Milliseconds from a monotonic clock; tests pass their own. */
  now?: () => number;
}

interface Held {
  /** Tokens leased and not yet spent. */
  tokens: number;
  /** The lease being taken, if one is. */
  leasing?: Promise<void>;
  /** Not before this may the shared bucket be asked again (it was short). */
  askAfter: number;
  /** When a whole token is back in the shared bucket, as it stood when last asked. */
  tokenBackAt: number;
}

const ALLOWED: TakeResult = Object.freeze({ allowed: true });

/** A tenth of a second's rate, at most a quarter of the burst, at least 1. */
export function defaultLease(limit: Pick<BucketLimit, 'ratePerSecond' | 'burst'>): number {
  return Math.max(1, Math.min(Math.floor(limit.burst / 4), Math.ceil(limit.ratePerSecond / 10)));
}

export class LeasedRateLimiter {
  readonly lease: number;
  private readonly held = new Map<string, Held>();
  private readonly ratePerMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(
    private readonly store: BucketStore,
    readonly limit: BucketLimit,
    options: LeasedRateLimiterOptions = {},
  ) {
    if (!(limit.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be above 0');
    this.lease = options.lease ?? defaultLease(limit);
    this.ratePerMs = limit.ratePerSecond / 1000;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Takes one token for the key, or says how long until one is back. */
  async take(key: string): Promise<TakeResult> {
    const held = this.heldFor(key);
    for (;;) {
      if (held.tokens >= 1) {
        held.tokens -= 1;
        // Half spent: the next lease is taken while this one lasts.
        if (held.tokens < this.lease / 2 && !held.leasing && this.now() >= held.askAfter)
          this.renew(key, held).catch(() => undefined);
        return ALLOWED;
      }
      if (held.leasing) {
        await held.leasing;
        continue;
      }
      const now = this.now();
      if (now < held.askAfter) {
        const waitMs = Math.max(0, held.tokenBackAt - now);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      await this.renew(key, held);
    }
  }

  private renew(key: string, held: Held): Promise<void> {
    held.leasing = this.store
      .take(key, this.limit, this.lease)
      .then(({ granted, tokens }) => {
        held.tokens += granted;
        if (granted < this.lease) {
          // Short: wait for a whole lease before asking again.
          const now = this.now();
          held.askAfter = now + (this.lease - tokens) / this.ratePerMs;
          held.tokenBackAt = now + Math.max(0, 1 - tokens) / this.ratePerMs;
        }
      })
      .finally(() => (held.leasing = undefined));
    return held.leasing;
  }

  private heldFor(key: string): Held {
    const existing = this.held.get(key);
    if (existing) {
      // Most recently used last, so the first key is always the quietest one.
      this.held.delete(key);
      this.held.set(key, existing);
      return existing;
    }
    if (this.held.size >= this.maxKeys) {
      const quietest = this.held.keys().next();
      if (!quietest.done) this.held.delete(quietest.value);
    }
    const held: Held = { tokens: 0, askAfter: 0, tokenBackAt: 0 };
    this.held.set(key, held);
    return held;
  }
}
