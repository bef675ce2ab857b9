import type { MigrationInterface, QueryRunner } from 'typeorm';

// The auditors' explorer finds the entries of one person who acted (an
// officer signed in, or one a desk system named) by name, case-insensitively,
// and pages them by seq. This index holds exactly that key — the lowered name,
// then seq — for the entries that have a person only, so a system acting
// alone (most lookups) costs it nothing; the explorer's query repeats the
// expression and the predicate so the planner can use it.
export class CreateAuditPersonNameIndex1763793000000 implements MigrationInterface {
  name = 'CreateAuditPersonNameIndex1763793000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX audit_entry_person_name ON audit_entry ((lower(actor_person->>'name')), seq)
       WHERE actor_person IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_entry_person_name`);
  }
}
