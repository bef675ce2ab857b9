import type { MigrationInterface, QueryRunner } from 'typeorm';

// The embedded bus: an append-only log partitioned by key, committed offsets
// per consumer group (with a lease so a crashed member's partitions move on),
// and dead letters kept with their original bytes and the reason.
export class CreateBus1763780000000 implements MigrationInterface {
  name = 'CreateBus1763780000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE bus_partition (
        topic text NOT NULL,
        partition integer NOT NULL,
        next_offset bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (topic, partition)
      )`);
    await db.query(`
      CREATE TABLE bus_message (
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        key text NOT NULL,
        value bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (topic, partition, "offset")
      )`);
    await db.query(`
      CREATE TABLE bus_group_offset (
        group_id text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        committed_offset bigint NOT NULL DEFAULT -1,
        owner text,
        lease_until timestamptz,
        PRIMARY KEY (group_id, topic, partition)
      )`);
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

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE bus_dead_letter, bus_group_offset, bus_message, bus_partition`);
  }
}
