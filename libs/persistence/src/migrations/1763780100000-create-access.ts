import type { MigrationInterface, QueryRunner } from 'typeorm';

// Agencies, their client systems (secrets as slow hashes only), and the log of
// every lookup of a citizen's record.
export class CreateAccess1763780100000 implements MigrationInterface {
  name = 'CreateAccess1763780100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agency (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE client (
        client_id text PRIMARY KEY,
        agency_id text NOT NULL REFERENCES agency (id),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('agency', 'adapter', 'steward', 'integrator', 'auditor')),
        adapter text,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK ((role = 'adapter') = (adapter IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        client_id text NOT NULL,
        agency_id text NOT NULL,
        subject_id text NOT NULL,
        purpose text NOT NULL,
        sections_returned text[] NOT NULL,
        sections_denied text[] NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX access_log_subject ON access_log (subject_id, at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE access_log, client, agency`);
  }
}
