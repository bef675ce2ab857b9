import type { MigrationInterface, QueryRunner } from 'typeorm';

// The schema registry: every version of every record type, immutable once
// proposed, with its state and who moved it there and why; the compatibility
// mode of each type; a log of every change; and lineage — which adapter
// publishes or consumes which record type at which versions.
export class CreateSchemaRegistry1763780600000 implements MigrationInterface {
  name = 'CreateSchemaRegistry1763780600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE schema_subject (
        record_type text PRIMARY KEY,
        compatibility text NOT NULL DEFAULT 'BACKWARD_TRANSITIVE' CHECK (compatibility IN
          ('BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE schema_version (
        record_type text NOT NULL REFERENCES schema_subject (record_type),
        version integer NOT NULL CHECK (version >= 1),
        schema jsonb NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('proposed', 'active', 'deprecated', 'retired', 'rejected')),
        proposed_by text NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        proposal_reason text NOT NULL,
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        PRIMARY KEY (record_type, version)
      )`);
    await db.query(`
      CREATE TABLE schema_change (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        record_type text NOT NULL,
        version integer,
        action text NOT NULL,
        actor text NOT NULL,
        reason text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX schema_change_type ON schema_change (record_type, id)`);
    await db.query(`
      CREATE TABLE lineage (
        party text NOT NULL,
        role text NOT NULL CHECK (role IN ('publishes', 'consumes')),
        record_type text NOT NULL,
        schema_version integer NOT NULL,
        first_seen timestamptz NOT NULL DEFAULT now(),
        last_seen timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (record_type, role, party, schema_version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE lineage, schema_change, schema_version, schema_subject`);
  }
}
