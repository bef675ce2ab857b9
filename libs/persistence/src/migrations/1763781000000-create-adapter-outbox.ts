import type { MigrationInterface, QueryRunner } from 'typeorm';

// The adapters' transactional outbox: a message per published record, written
// in the same transaction as the adapter's store, deleted once the bus has
// acknowledged it. What is here has been promised to the bus and not yet
// delivered. `claimed_until` is a lease: the publisher that wrote a row owns
// it until then (its own fast path to the bus), after which the relay may take
// it — so a process killed between commit and publish leaves nothing behind
// for long, and the two never send one row at the same time.
export class CreateAdapterOutbox1763781000000 implements MigrationInterface {
  name = 'CreateAdapterOutbox1763781000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE adapter_outbox (
        id bigserial PRIMARY KEY,
        adapter text NOT NULL,
        topic text NOT NULL,
        message_key text NOT NULL,
        value bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        claimed_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The relay reads an adapter's rows oldest first, and asks whether a key has an older row pending.
    await db.query(`CREATE INDEX adapter_outbox_pending ON adapter_outbox (adapter, id)`);
    await db.query(
      `CREATE INDEX adapter_outbox_by_key ON adapter_outbox (adapter, message_key, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE adapter_outbox`);
  }
}
