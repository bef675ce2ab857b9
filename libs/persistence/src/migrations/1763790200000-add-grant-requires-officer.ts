import type { MigrationInterface, QueryRunner } from 'typeorm';

// A grant may require the officer who asks to be known: signed in with OpenID
// Connect, or named by the agency's system (X-Spean-Officer). Every grant made
// before this migration did not, and keeps not requiring it.
export class AddGrantRequiresOfficer1763790200000 implements MigrationInterface {
  name = 'AddGrantRequiresOfficer1763790200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE access_grant ADD COLUMN requires_officer boolean NOT NULL DEFAULT false`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_grant DROP COLUMN requires_officer`);
  }
}
