import type { MigrationInterface, QueryRunner } from 'typeorm';

// One store of dead letters for both transports, which stewards list and
// replay. Each row keeps the message's original bytes untouched (so a replay
// hands the consumer exactly what failed) next to metadata read from its
// headers, so listings never need the payload. A message is one row however
// often it fails: at-least-once delivery may dead-letter it again.
export class CreateDeadLetterStore1763780500000 implements MigrationInterface {
  name = 'CreateDeadLetterStore1763780500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dead_letter (
        id bigserial PRIMARY KEY,
        group_id text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        message_key text NOT NULL,
        value bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        published_at timestamptz,
        record_type text NOT NULL,
        schema_version integer,
        source text,
        record_id text,
        event_id text,
        code text NOT NULL,
        reason text NOT NULL,
        attempts integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'open',
        first_failed_at timestamptz NOT NULL DEFAULT now(),
        last_failed_at timestamptz NOT NULL DEFAULT now(),
        replay_requested_at timestamptz,
        resolved_at timestamptz,
        CONSTRAINT dead_letter_message UNIQUE (group_id, topic, partition, "offset"),
        CONSTRAINT dead_letter_status CHECK (status IN ('open', 'resolved')),
        CONSTRAINT dead_letter_resolved CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
        CONSTRAINT dead_letter_replay_open CHECK (status = 'open' OR replay_requested_at IS NULL)
      )`);
    // Listings filter by status and one of group, record type or code, newest failure first.
    await db.query(
      `CREATE INDEX dead_letter_by_status ON dead_letter (status, last_failed_at DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX dead_letter_by_group ON dead_letter (group_id, status, code)`);
    await db.query(
      `CREATE INDEX dead_letter_by_record_type ON dead_letter (record_type, status, code)`,
    );
    await db.query(`CREATE INDEX dead_letter_by_code ON dead_letter (code, status)`);
    // Consumers look for pending replays every few seconds; this index holds only those.
    await db.query(
      `CREATE INDEX dead_letter_replay_pending ON dead_letter (group_id, topic, partition, "offset")
       WHERE replay_requested_at IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE dead_letter_replay_request (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        reason text NOT NULL,
        selection jsonb NOT NULL,
        requested integer NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dead_letter_replay_request, dead_letter`);
  }
}
