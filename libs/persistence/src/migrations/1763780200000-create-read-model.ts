import type { MigrationInterface, QueryRunner } from 'typeorm';

// The gateway's read model: the newest version of every canonical record,
// keyed by (record type, record id) and found by subject. A delete keeps a
// tombstone with its version so an older upsert arriving late cannot revive it.
export class CreateReadModel1763780200000 implements MigrationInterface {
  name = 'CreateReadModel1763780200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE read_record (
        record_type text NOT NULL,
        record_id text NOT NULL,
        subject_id text NOT NULL,
        version bigint NOT NULL,
        schema_version integer NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        payload jsonb,
        source text NOT NULL,
        event_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (record_type, record_id)
      )`);
    await db.query(
      `CREATE INDEX read_record_subject ON read_record (subject_id, record_type) WHERE NOT deleted`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE read_record`);
  }
}
