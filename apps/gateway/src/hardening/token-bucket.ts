// In-memory token buckets, one per key (a client id, a source address): each
// holds up to `burst` tokens and regains `ratePerSecond` of them each second;
// a request takes one or is refused with the whole seconds until one is back.
// Buckets live in this process only; the limits shared by every gateway
// process keep theirs in PostgreSQL (rate-bucket.repository.ts) and use these
// only as a process's own cache or fallback. Memory is bounded: past `maxKeys` the key
// used least recently is forgotten (its bucket, refilled by then or not, starts
// full again if it comes back).

export interface TokenBucketOptions {
  ratePerSecond: number;
  burst: number;
  /** Most keys tracked at once. */
  maxKeys?: number;
  /** Milliseconds from a monotonic clock; tests pass their own. */
  now?: () => number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date. */
  at: number;
}

const ALLOWED: TakeResult = Object.freeze({ allowed: true });

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly ratePerMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be above 0');
    if (!(options.burst >= 1)) throw new RangeError('burst must be at least 1');
    this.ratePerMs = options.ratePerSecond / 1000;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? (() => performance.now());
  }

  get ratePerSecond(): number {
    return this.options.ratePerSecond;
  }

  get burst(): number {
    return this.options.burst;
  }

  /** Keys currently tracked (for tests and curiosity). */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token from the key's bucket, or says how long until one is back. */
  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.bucketFor(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return ALLOWED;
    }
    const waitMs = (1 - bucket.tokens) / this.ratePerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Whether take(key) would be allowed now; takes nothing and changes no bucket. */
  wouldAllow(key: string): boolean {
    return this.tokens(key) >= 1;
  }

  /** The tokens the key's bucket holds now; takes nothing and changes no bucket. */
  tokens(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.options.burst;
    return Math.min(this.options.burst, bucket.tokens + (this.now() - bucket.at) * this.ratePerMs);
  }

  private bucketFor(key: string, now: number): Bucket {
    const existing = this.buckets.get(key);
    if (existing) {
      existing.tokens = Math.min(
        this.options.burst,
        existing.tokens + (now - existing.at) * this.ratePerMs,
      );
      existing.at = now;
      // Most recently used last, so the first key is always the quietest one.
      this.buckets.delete(key);
      this.buckets.set(key, existing);
      return existing;
    }
    if (this.buckets.size >= this.maxKeys) {
      const quietest = this.buckets.keys().next();
      if (!quietest.done) this.buckets.delete(quietest.value);
    }
    const bucket = { tokens: this.options.burst, at: now };
    this.buckets.set(key, bucket);
    return bucket;
  }
}
