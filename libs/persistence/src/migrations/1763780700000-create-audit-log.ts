import type { MigrationInterface, QueryRunner } from 'typeorm';

// The tamper-evident audit log: a hash chain of entries (each entry's hash
// covers its predecessor's), and signed checkpoints that seal the chain head
// every so often, so a rewrite of the whole tail is caught too. seq is
// assigned by the writer under a lock, not by a sequence: a sequence leaves
// gaps on rollback, and a gap must mean "an entry was removed".
export class CreateAuditLog1763780700000 implements MigrationInterface {
  name = 'CreateAuditLog1763780700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_entry (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        at timestamptz NOT NULL,
        kind text NOT NULL,
        actor_client text NOT NULL,
        actor_agency text NOT NULL,
        subject_id text,
        purpose text,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    // The citizen's view: who looked at my record, newest first.
    await db.query(`CREATE INDEX audit_entry_subject ON audit_entry (subject_id, at DESC)`);
    await db.query(`
      CREATE TABLE audit_checkpoint (
        seq bigint PRIMARY KEY,
        hash text NOT NULL,
        signed_at timestamptz NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_checkpoint, audit_entry`);
  }
}
