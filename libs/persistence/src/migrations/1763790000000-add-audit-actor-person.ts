import type { MigrationInterface, QueryRunner } from 'typeorm';

// The person who acted through a client (an officer signed in with OpenID
// Connect, or one a desk system named): null for a system acting alone, which
// every entry before this migration was. The hash covers it (spean-audit/2,
// see libs/audit/src/audit-hash.ts); entries without one keep spean-audit/1,
// so existing chains verify unchanged.
export class AddAuditActorPerson1763790000000 implements MigrationInterface {
  name = 'AddAuditActorPerson1763790000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_entry ADD COLUMN actor_person jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_entry DROP COLUMN actor_person`);
  }
}
