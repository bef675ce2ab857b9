import type { MigrationInterface, QueryRunner } from 'typeorm';

// What each adapter has published: the newest version of every record, so an
// adapter can react to a life event (which vehicles did the deceased own?)
// and publish the next version of its own records. Related subjects (co-owners,
// directors, parents) are indexed so "every business this person owns" is one
// index lookup.
export class CreateAdapterStore1763780300000 implements MigrationInterface {
  name = 'CreateAdapterStore1763780300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE adapter_record (
        adapter text NOT NULL,
        record_type text NOT NULL,
        record_id text NOT NULL,
        subject_id text NOT NULL,
        related_subjects text[] NOT NULL DEFAULT '{}',
        version bigint NOT NULL,
        schema_version integer NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        payload jsonb,
        event_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (adapter, record_type, record_id)
      )`);
    await db.query(
      `CREATE INDEX adapter_record_subject ON adapter_record (adapter, record_type, subject_id)`,
    );
    await db.query(
      `CREATE INDEX adapter_record_related ON adapter_record USING gin (related_subjects)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE adapter_record`);
  }
}
