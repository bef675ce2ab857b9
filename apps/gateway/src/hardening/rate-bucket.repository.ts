// The token buckets every gateway process shares, one row per limit and key
// in rate_limit_bucket (see its migration). A take is one statement: the row
// is refilled to now, up to `want` whole tokens are taken, and what was taken
// and what is left come back — under the row's lock, so processes taking at
// once are served one after the other and never both get the same token.
//
// The refill is written once below and used three times in the statement;
// PostgreSQL evaluates every SET expression against the row as it was, so
// they agree. now() is the statement's time on the database's clock: every
// process measures the refill on the same clock.
import { createHash } from 'node:crypto';
import type { Queryable } from '#spean/persistence';
import type { BucketLimit, BucketStore, Grant } from './bucket-store.js';

// $2 rate per second, $3 burst, $4 tokens wanted.
const REFILLED = `least($3::float8, b.tokens + $2::float8 * greatest(0, extract(epoch FROM now() - b.refilled_at)::float8))`;
const GRANTED = `least($4::float8, floor(${REFILLED}))`;

const TAKE = `
  INSERT INTO rate_limit_bucket AS b (key_hash, tokens, granted, refilled_at, full_at)
  VALUES (
    $1,
    $3::float8 - least($4::float8, floor($3::float8)),
    least($4::float8, floor($3::float8)),
    now(),
    now() + make_interval(secs => least($4::float8, floor($3::float8)) / $2::float8)
  )
  ON CONFLICT (key_hash) DO UPDATE SET
    granted = ${GRANTED},
    tokens = ${REFILLED} - ${GRANTED},
    refilled_at = now(),
    full_at = now() + make_interval(secs => ($3::float8 - (${REFILLED} - ${GRANTED})) / $2::float8)
  RETURNING granted, tokens`;

const PEEK = `
  SELECT least($3::float8, b.tokens + $2::float8 * greatest(0, extract(epoch FROM now() - b.refilled_at)::float8)) AS tokens
  FROM rate_limit_bucket b WHERE b.key_hash = $1`;

// A full bucket's row says nothing an absent one would not; a few thousand at a time.
const SWEEP = `
  DELETE FROM rate_limit_bucket WHERE key_hash IN (
    SELECT key_hash FROM rate_limit_bucket WHERE full_at < now() LIMIT 5000)`;

export class RateBucketRepository implements BucketStore {
  constructor(private readonly db: Queryable) {}

  async take(key: string, limit: BucketLimit, want: number): Promise<Grant> {
    const [row] = await this.db.query<{ granted: number; tokens: number }>(
      TAKE,
      [keyHash(limit, key), limit.ratePerSecond, limit.burst, want],
      'rate_limit_bucket_take',
    );
    return { granted: Number(row!.granted), tokens: Number(row!.tokens) };
  }

  async peek(key: string, limit: BucketLimit): Promise<number> {
    const [row] = await this.db.query<{ tokens: number }>(
      PEEK,
      [keyHash(limit, key), limit.ratePerSecond, limit.burst],
      'rate_limit_bucket_peek',
    );
    return row ? Number(row.tokens) : limit.burst;
  }

  /** Forgets buckets that are full again; safe in every process at once. */
  async sweep(): Promise<void> {
    await this.db.query(SWEEP);
  }
}

/** The row's key: the limit's name and the key, hashed (a NUL cannot occur in a name). */
function keyHash(limit: BucketLimit, key: string): Buffer {
  return createHash('sha256').update(limit.name).update('\u0000').update(key).digest();
}
