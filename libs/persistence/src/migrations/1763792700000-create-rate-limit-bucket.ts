import type { MigrationInterface, QueryRunner } from 'typeorm';

// Token buckets shared by every gateway process on this database: the
// per-client GraphQL rate limit (leased in small batches) and the wrong-secret
// counts at /auth/token (taken one failure at a time). Keyed by the SHA-256 of
// the limit's name and its key, so no client id, address or person's subject
// is written here. `tokens` were left at `refilled_at`; the bucket is full
// again at `full_at`, after which the row says nothing an absent row would not
// (rows past it are swept).
//
// UNLOGGED: no write-ahead log for a row updated many times a second; after a
// server crash the table is empty, which only means every bucket starts full.
export class CreateRateLimitBucket1763792700000 implements MigrationInterface {
  name = 'CreateRateLimitBucket1763792700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limit_bucket (
        key_hash bytea PRIMARY KEY,
        tokens double precision NOT NULL CHECK (tokens >= 0),
        granted double precision NOT NULL,
        refilled_at timestamptz NOT NULL,
        full_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX rate_limit_bucket_full_at ON rate_limit_bucket (full_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit_bucket`);
  }
}
