import type { MigrationInterface, QueryRunner } from 'typeorm';

// Who may see what, and why:
// - purpose: the registered legal purposes a lookup may state;
// - access_grant: agency × section (optionally some of its fields) × purpose,
//   valid for a period, granted by a steward for a stated reason; deny by default;
// - client: citizens as parties (a citizen client names its own national id),
//   secret rotation with an overlap window, revocation with who and why;
// - adapter_registration: what an adapter may publish and consume, once a
//   steward approved it.
// The audit log becomes append-only for every role but its owner, and the
// plain access_log it replaces is dropped (every access is in audit_entry).
export class CreateAccessControl1763780800000 implements MigrationInterface {
  name = 'CreateAccessControl1763780800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE purpose (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,62}$'),
        title text NOT NULL,
        legal_basis text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE access_grant (
        id uuid PRIMARY KEY,
        agency_id text NOT NULL REFERENCES agency (id),
        section text NOT NULL,
        fields text[],
        purpose text NOT NULL REFERENCES purpose (code),
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        granted_by text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by text,
        revoke_reason text,
        CHECK (valid_until > valid_from),
        CHECK (fields IS NULL OR cardinality(fields) > 0)
      )`);
    await db.query(
      `CREATE INDEX access_grant_agency ON access_grant (agency_id, purpose) WHERE revoked_at IS NULL`,
    );

    await db.query(`ALTER TABLE client DROP CONSTRAINT client_role_check`);
    await db.query(`ALTER TABLE client DROP CONSTRAINT client_check`);
    await db.query(`
      ALTER TABLE client
        ADD COLUMN national_id text,
        ADD COLUMN previous_secret_hash text,
        ADD COLUMN previous_secret_expires_at timestamptz,
        ADD COLUMN rotated_at timestamptz,
        ADD COLUMN revoked_by text,
        ADD COLUMN revoke_reason text,
        ADD CONSTRAINT client_role_check
          CHECK (role IN ('agency', 'adapter', 'steward', 'integrator', 'auditor', 'citizen')),
        ADD CONSTRAINT client_adapter_check CHECK ((role = 'adapter') = (adapter IS NOT NULL)),
        ADD CONSTRAINT client_citizen_check CHECK ((role = 'citizen') = (national_id IS NOT NULL))`);

    await db.query(`
      CREATE TABLE adapter_registration (
        name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9-]{1,62}$'),
        agency_id text NOT NULL REFERENCES agency (id),
        title text NOT NULL,
        publishes jsonb NOT NULL DEFAULT '[]',
        consumes jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'suspended')),
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        decision_reason text
      )`);

    // The citizen's view pages by seq, newest first.
    await db.query(`DROP INDEX audit_entry_subject`);
    await db.query(
      `CREATE INDEX audit_entry_subject ON audit_entry (subject_id, seq DESC) WHERE subject_id IS NOT NULL`,
    );
    // Append-only: whatever privileges other roles were given by default, they
    // may insert and read audit rows, never change or remove them.
    const grantees = await db.query(
      `SELECT DISTINCT grantee FROM information_schema.role_table_grants
       WHERE table_name IN ('audit_entry', 'audit_checkpoint')
         AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
         AND grantee <> current_user`,
    );
    for (const { grantee } of grantees as Array<{ grantee: string }>) {
      await db.query(
        `REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_checkpoint FROM ${quoteIdent(grantee)}`,
      );
    }
    await db.query(`DROP TABLE access_log`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        client_id text NOT NULL,
        agency_id text NOT NULL,
        subject_id text NOT NULL,
        purpose text NOT NULL,
        sections_returned text[] NOT NULL,
        sections_denied text[] NOT NULL DEFAULT '{}'
      )`);
    await db.query(`DROP INDEX audit_entry_subject`);
    await db.query(`CREATE INDEX audit_entry_subject ON audit_entry (subject_id, at DESC)`);
    await db.query(`DROP TABLE adapter_registration, access_grant, purpose`);
    await db.query(`
      ALTER TABLE client
        DROP CONSTRAINT client_citizen_check,
        DROP CONSTRAINT client_adapter_check,
        DROP CONSTRAINT client_role_check,
        DROP COLUMN national_id,
        DROP COLUMN previous_secret_hash,
        DROP COLUMN previous_secret_expires_at,
        DROP COLUMN rotated_at,
        DROP COLUMN revoked_by,
        DROP COLUMN revoke_reason,
        ADD CONSTRAINT client_role_check
          CHECK (role IN ('agency', 'adapter', 'steward', 'integrator', 'auditor')),
        ADD CONSTRAINT client_check CHECK ((role = 'adapter') = (adapter IS NOT NULL))`);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
