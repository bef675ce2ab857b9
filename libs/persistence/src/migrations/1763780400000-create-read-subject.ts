import type { MigrationInterface, QueryRunner } from 'typeorm';

// Citizens a record concerns besides its subject: co-owners of land, the
// people of a business, the parents in a birth. A lookup finds a citizen's
// records through read_record.subject_id and through this table, in one query.
export class CreateReadSubject1763780400000 implements MigrationInterface {
  name = 'CreateReadSubject1763780400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE read_related_subject (
        subject_id text NOT NULL,
        record_type text NOT NULL,
        record_id text NOT NULL,
        PRIMARY KEY (subject_id, record_type, record_id)
      )`);
    await db.query(
      `CREATE INDEX read_related_subject_record ON read_related_subject (record_type, record_id)`,
    );
    // Orphan reports walk records by type and age.
    await db.query(
      `CREATE INDEX read_record_type_applied ON read_record (record_type, applied_at) WHERE NOT deleted`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX read_record_type_applied`);
    await db.query(`DROP TABLE read_related_subject`);
  }
}
