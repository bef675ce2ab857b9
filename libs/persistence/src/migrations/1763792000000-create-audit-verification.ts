import type { MigrationInterface, QueryRunner } from 'typeorm';

// The results of verifying the audit log on demand (an auditor's
// verifyAuditLog), so every gateway process answers auditStatus with the
// latest. A row is only ever inserted. It is a convenience, not evidence: each
// run is also in the hash-chained audit_entry, whose rows no app role may change.
// The explorer filters entries by agency, client and kind and pages by seq:
// one index each, so a filtered page does not scan the whole log.
export class CreateAuditVerification1763792000000 implements MigrationInterface {
  name = 'CreateAuditVerification1763792000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_verification (
        id bigserial PRIMARY KEY,
        verified_at timestamptz NOT NULL,
        ok boolean NOT NULL,
        entries bigint,
        checkpoints bigint,
        problem text,
        seq bigint,
        message text,
        actor_client text NOT NULL,
        actor_agency text NOT NULL
      )`);
    await db.query(`CREATE INDEX audit_entry_agency ON audit_entry (actor_agency, seq)`);
    await db.query(`CREATE INDEX audit_entry_client ON audit_entry (actor_client, seq)`);
    await db.query(`CREATE INDEX audit_entry_kind ON audit_entry (kind, seq)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_entry_kind, audit_entry_client, audit_entry_agency`);
    await db.query(`DROP TABLE audit_verification`);
  }
}
