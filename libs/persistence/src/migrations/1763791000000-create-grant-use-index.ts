import type { MigrationInterface, QueryRunner } from 'typeorm';

// When each grant was last used is read from the audit log, which already has
// an entry for every lookup and verification (agency, purpose, sections
// returned, claims checked): no extra write on the lookup path. This index
// lets that read walk one agency's lookups and verifications for one purpose
// newest first, and stop at the first that used the grant's section.
export class CreateGrantUseIndex1763791000000 implements MigrationInterface {
  name = 'CreateGrantUseIndex1763791000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX audit_entry_grant_use ON audit_entry (actor_agency, purpose, seq DESC)
       WHERE kind IN ('lookup', 'verification')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_entry_grant_use`);
  }
}
