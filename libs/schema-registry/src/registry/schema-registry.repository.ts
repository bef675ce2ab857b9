// SQL of the schema registry.
import type { Queryable } from '#spean/persistence';
import type { SchemaState } from '../schema-catalog.js';

export interface StoredSchemaVersion {
  recordType: string;
  version: number;
  schema: Record<string, unknown>;
  fingerprint: string;
  state: SchemaState;
  proposedBy: string;
  proposedAt: Date;
  proposalReason: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

export interface SchemaChange {
  at: Date;
  recordType: string;
  version: number | null;
  action: string;
  actor: string;
  reason: string;
}

export interface LineageEntry {
  party: string;
  role: 'publishes' | 'consumes';
  recordType: string;
  schemaVersion: number;
  firstSeen: Date;
  lastSeen: Date;
}

const VERSION_COLUMNS = `record_type AS "recordType", version, schema, fingerprint, state,
  proposed_by AS "proposedBy", proposed_at AS "proposedAt", proposal_reason AS "proposalReason",
  decided_by AS "decidedBy", decided_at AS "decidedAt", decision_reason AS "decisionReason"`;

export class SchemaRegistryRepository {
  constructor(private readonly db: Queryable) {}

  async versions(recordType?: string): Promise<StoredSchemaVersion[]> {
    return this.db.query<StoredSchemaVersion>(
      `SELECT ${VERSION_COLUMNS} FROM schema_version
       WHERE $1::text IS NULL OR record_type = $1 ORDER BY record_type, version`,
      [recordType ?? null],
    );
  }

  async version(recordType: string, version: number): Promise<StoredSchemaVersion | undefined> {
    const [row] = await this.db.query<StoredSchemaVersion>(
      `SELECT ${VERSION_COLUMNS} FROM schema_version WHERE record_type = $1 AND version = $2`,
      [recordType, version],
    );
    return row;
  }

  /** Changes whenever any version is added, changes state or (in development) text. */
  async stateFingerprint(): Promise<string> {
    const [row] = await this.db.query<{ fingerprint: string }>(
      `SELECT md5(coalesce(string_agg(record_type || '/' || version || '/' || state || '/' || fingerprint, ','
                ORDER BY record_type, version), '')) AS fingerprint
       FROM schema_version`,
    );
    return row!.fingerprint;
  }

  async compatibility(recordType: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ compatibility: string }>(
      `SELECT compatibility FROM schema_subject WHERE record_type = $1`,
      [recordType],
    );
    return row?.compatibility;
  }

  async ensureSubject(recordType: string, actor: string): Promise<void> {
    await this.db.query(
      `INSERT INTO schema_subject (record_type, updated_by) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [recordType, actor],
    );
  }

  async setCompatibility(recordType: string, mode: string, actor: string): Promise<void> {
    await this.db.query(
      `UPDATE schema_subject SET compatibility = $2, updated_by = $3, updated_at = now() WHERE record_type = $1`,
      [recordType, mode, actor],
    );
  }

  async insertVersion(row: {
    recordType: string;
    version: number;
    schema: object;
    fingerprint: string;
    state: SchemaState;
    actor: string;
    reason: string;
  }): Promise<boolean> {
    const inserted = await this.db.query(
      `INSERT INTO schema_version (record_type, version, schema, fingerprint, state, proposed_by, proposal_reason,
         decided_by, decided_at, decision_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7,
         CASE WHEN $5 = 'active' THEN $6 END, CASE WHEN $5 = 'active' THEN now() END, CASE WHEN $5 = 'active' THEN $7 END)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [
        row.recordType,
        row.version,
        JSON.stringify(row.schema),
        row.fingerprint,
        row.state,
        row.actor,
        row.reason,
      ],
    );
    return inserted.length === 1;
  }

  /** Replaces a version's schema; only the development bootstrap does this (see SchemaRegistryService). */
  async replaceSchema(
    recordType: string,
    version: number,
    schema: object,
    fingerprint: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE schema_version SET schema = $3, fingerprint = $4 WHERE record_type = $1 AND version = $2`,
      [recordType, version, JSON.stringify(schema), fingerprint],
    );
  }

  /** Moves a version between states; false when it was not in one of `from`. */
  async transition(
    recordType: string,
    version: number,
    from: readonly SchemaState[],
    to: SchemaState,
    actor: string,
    reason: string,
  ): Promise<boolean> {
    const moved = await this.db.query(
      `UPDATE schema_version SET state = $4, decided_by = $5, decided_at = now(), decision_reason = $6
       WHERE record_type = $1 AND version = $2 AND state = ANY($3::text[]) RETURNING 1`,
      [recordType, version, from, to, actor, reason],
    );
    return moved.length === 1;
  }

  async recordChange(change: {
    recordType: string;
    version?: number;
    action: string;
    actor: string;
    reason: string;
    details?: object;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO schema_change (record_type, version, action, actor, reason, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        change.recordType,
        change.version ?? null,
        change.action,
        change.actor,
        change.reason,
        JSON.stringify(change.details ?? {}),
      ],
    );
  }

  async changes(recordType: string): Promise<SchemaChange[]> {
    return this.db.query<SchemaChange>(
      `SELECT at, record_type AS "recordType", version, action, actor, reason
       FROM schema_change WHERE record_type = $1 ORDER BY id`,
      [recordType],
    );
  }

  async observeLineage(
    entries: Array<{ party: string; role: string; recordType: string; schemaVersion: number }>,
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO lineage (party, role, record_type, schema_version)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (record_type, role, party, schema_version) DO UPDATE SET last_seen = now()`,
      [
        entries.map((e) => e.party),
        entries.map((e) => e.role),
        entries.map((e) => e.recordType),
        entries.map((e) => e.schemaVersion),
      ],
    );
  }

  async lineage(recordType?: string): Promise<LineageEntry[]> {
    return this.db.query<LineageEntry>(
      `SELECT party, role, record_type AS "recordType", schema_version AS "schemaVersion",
              first_seen AS "firstSeen", last_seen AS "lastSeen"
       FROM lineage WHERE $1::text IS NULL OR record_type = $1
       ORDER BY record_type, role, party, schema_version`,
      [recordType ?? null],
    );
  }
}
