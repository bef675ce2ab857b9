import type { MigrationInterface, QueryRunner } from 'typeorm';

// Citizens' questions about entries of their access log, and the answers of
// stewards and auditors. One question per entry: a citizen asks once, and the
// answer is given once. Each step is also in the audit log.
export class CreateAccessQuestion1763792200000 implements MigrationInterface {
  name = 'CreateAccessQuestion1763792200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE access_question (
        id uuid PRIMARY KEY,
        entry_seq bigint NOT NULL UNIQUE REFERENCES audit_entry (seq),
        subject_id text NOT NULL,
        asked_by text NOT NULL,
        reason text NOT NULL,
        asked_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_by text,
        answered_at timestamptz,
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      )`);
    // The stewards' list of open questions, oldest first.
    await db.query(
      `CREATE INDEX access_question_open ON access_question (asked_at) WHERE answered_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE access_question`);
  }
}
