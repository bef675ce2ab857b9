// SQL of the gateway's read model.
import type { Queryable } from '#spean/persistence';

export interface ReadRecord {
  recordType: string;
  recordId: string;
  subjectId: string;
  version: number;
  schemaVersion: number;
  op: 'upsert' | 'delete';
  payload: unknown;
  source: string;
  eventId: string;
  occurredAt: string;
}

export interface StoredSection {
  recordType: string;
  recordId: string;
  payload: Record<string, unknown>;
  version: string;
  occurredAt: Date;
}

export class ReadModelRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Applies records whose version is newer than what is stored, in one
   * statement; returns how many changed the model (the rest were stale).
   */
  async apply(records: ReadRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    // One statement may touch a row only once: keep the newest version per record.
    const newest = new Map<string, ReadRecord>();
    for (const record of records) {
      const id = `${record.recordType}\u0000${record.recordId}`;
      const seen = newest.get(id);
      if (!seen || seen.version < record.version) newest.set(id, record);
    }
    const rows = [...newest.values()];
    const changed = await this.db.query(
      `INSERT INTO read_record
         (record_type, record_id, subject_id, version, schema_version, deleted, payload, source, event_id, occurred_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::int[], $6::boolean[],
                            $7::jsonb[], $8::text[], $9::uuid[], $10::timestamptz[])
       ON CONFLICT (record_type, record_id) DO UPDATE SET
         subject_id = EXCLUDED.subject_id,
         version = EXCLUDED.version,
         schema_version = EXCLUDED.schema_version,
         deleted = EXCLUDED.deleted,
         payload = EXCLUDED.payload,
         source = EXCLUDED.source,
         event_id = EXCLUDED.event_id,
         occurred_at = EXCLUDED.occurred_at,
         applied_at = now()
       WHERE read_record.version < EXCLUDED.version
       RETURNING 1`,
      [
        rows.map((r) => r.recordType),
        rows.map((r) => r.recordId),
        rows.map((r) => r.subjectId),
        rows.map((r) => r.version),
        rows.map((r) => r.schemaVersion),
        rows.map((r) => r.op === 'delete'),
        rows.map((r) => (r.op === 'delete' ? null : JSON.stringify(r.payload))),
        rows.map((r) => r.source),
        rows.map((r) => r.eventId),
        rows.map((r) => r.occurredAt),
      ],
    );
    return changed.length;
  }

  /** Every live record about one citizen, in one read, whatever sections are asked for. */
  async sectionsOf(subjectId: string, recordTypes: string[]): Promise<StoredSection[]> {
    return this.db.query<StoredSection>(
      `SELECT record_type AS "recordType", record_id AS "recordId", payload, version,
              occurred_at AS "occurredAt"
       FROM read_record
       WHERE subject_id = $1 AND record_type = ANY($2::text[]) AND NOT deleted
       ORDER BY record_type, occurred_at DESC, record_id`,
      [subjectId, recordTypes],
    );
  }
}
