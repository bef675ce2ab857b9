import type { MigrationInterface, QueryRunner } from 'typeorm';

// The adapters' signing keys: the public half of each adapter's Ed25519 key,
// under its key id (base64url SHA-256 of the raw key). A key is proposed by
// the adapter (or registered for it), verifies records only once a steward
// approved it, and stops verifying at once when revoked — or at not_after,
// the end of a rotation's overlap, which a steward sets on the old key when
// the new one is approved. The app role reads and writes rows; who decided
// what is also in the audit log.
export class CreateAdapterKey1763785000000 implements MigrationInterface {
  name = 'CreateAdapterKey1763785000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE adapter_key (
        key_id text PRIMARY KEY CHECK (key_id ~ '^[A-Za-z0-9_-]{43}$'),
        adapter text NOT NULL CHECK (adapter ~ '^[a-z][a-z0-9-]{1,62}$'),
        public_key text NOT NULL,
        state text NOT NULL CHECK (state IN ('proposed', 'approved', 'revoked')),
        not_after timestamptz,
        proposed_by text NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        decision_reason text
      )`);
    await db.query(`CREATE INDEX adapter_key_by_adapter ON adapter_key (adapter, proposed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE adapter_key`);
  }
}
