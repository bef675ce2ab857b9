import type { MigrationInterface, QueryRunner } from 'typeorm';

// Dead letters are kept once, in the dead_letter store (what stewards see and
// replay); the embedded bus no longer keeps a copy of its own, and nothing
// read it but tests. Its rows are dropped with it: each was also written to
// dead_letter first, by the consumer, before the bus committed past it.
export class DropBusDeadLetter1763786000000 implements MigrationInterface {
  name = 'DropBusDeadLetter1763786000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE bus_dead_letter`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE bus_dead_letter (
        id bigserial PRIMARY KEY,
        group_id text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        key text NOT NULL,
        value bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        reason text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX bus_dead_letter_group ON bus_dead_letter (group_id, id)`);
  }
}
