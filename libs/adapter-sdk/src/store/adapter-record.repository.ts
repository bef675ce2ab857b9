// SQL of an adapter's own store: the newest version of every record it has
// published. Reactions read it; the publisher writes it, in the transaction
// that also writes the records' outbox rows.
import { newestVersions } from '#spean/contracts';
import { jsonLines, jsonLinesParam, type Queryable } from '#spean/persistence';

export interface StoredRecord<P extends object = Record<string, unknown>> {
  recordType: string;
  recordId: string;
  subjectId: string;
  relatedSubjects: string[];
  version: number;
  schemaVersion: number;
  payload: P;
  occurredAt: Date;
}

export interface RecordToStore {
  recordType: string;
  recordId: string;
  subjectId: string;
  relatedSubjects: string[];
  version: number;
  schemaVersion: number;
  deleted: boolean;
  payload: unknown;
  eventId: string;
  occurredAt: string;
}

const COLUMNS = `record_type AS "recordType", record_id AS "recordId", subject_id AS "subjectId",
  related_subjects AS "relatedSubjects", version::float8 AS version, schema_version AS "schemaVersion",
  payload, occurred_at AS "occurredAt"`;

export class AdapterRecordRepository {
  constructor(
    private readonly db: Queryable,
    readonly adapter: string,
  ) {}

  /**
   * Keeps each record only if its version is newer than the stored one; in
   * `tx` when given, so the publisher keeps it in one step with its outbox row.
   */
  async save(records: RecordToStore[], tx: Queryable = this.db): Promise<void> {
    if (records.length === 0) return;
    const rows = newestVersions(records);
    await tx.query(
      `INSERT INTO adapter_record (adapter, record_type, record_id, subject_id, related_subjects, version,
         schema_version, deleted, payload, event_id, occurred_at)
       SELECT $1, t, i, s, r::text[], v, sv, d, p, e, o
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::int[], $8::boolean[],
                   ${jsonLinesParam(9)}, $10::uuid[], $11::timestamptz[]) AS x(t, i, s, r, v, sv, d, p, e, o)
       ON CONFLICT (adapter, record_type, record_id) DO UPDATE SET
         subject_id = EXCLUDED.subject_id, related_subjects = EXCLUDED.related_subjects,
         version = EXCLUDED.version, schema_version = EXCLUDED.schema_version, deleted = EXCLUDED.deleted,
         payload = EXCLUDED.payload, event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at,
         stored_at = now()
       WHERE adapter_record.version < EXCLUDED.version`,
      [
        this.adapter,
        rows.map((r) => r.recordType),
        rows.map((r) => r.recordId),
        rows.map((r) => r.subjectId),
        // Arrays of arrays must be rectangular: each row's list goes as an array literal.
        rows.map((r) => arrayLiteral(r.relatedSubjects)),
        rows.map((r) => r.version),
        rows.map((r) => r.schemaVersion),
        rows.map((r) => r.deleted),
        jsonLines(rows.map((r) => (r.deleted ? null : JSON.stringify(r.payload)))),
        rows.map((r) => r.eventId),
        rows.map((r) => r.occurredAt),
      ],
    );
  }

  async get<P extends object>(
    recordType: string,
    recordId: string,
  ): Promise<StoredRecord<P> | undefined> {
    const [row] = await this.db.query<StoredRecord<P>>(
      `SELECT ${COLUMNS} FROM adapter_record
       WHERE adapter = $1 AND record_type = $2 AND record_id = $3 AND NOT deleted`,
      [this.adapter, recordType, recordId],
    );
    return row;
  }

  /** What the adapter kept of a record as it last published it (deleted too), to recognise its own messages. */
  async lastPublished(
    recordType: string,
    recordId: string,
  ): Promise<{ eventId: string; version: number; deleted: boolean; payload: unknown } | undefined> {
    const [row] = await this.db.query<{
      eventId: string;
      version: number;
      deleted: boolean;
      payload: unknown;
    }>(
      `SELECT event_id::text AS "eventId", version::float8 AS version, deleted, payload
       FROM adapter_record WHERE adapter = $1 AND record_type = $2 AND record_id = $3`,
      [this.adapter, recordType, recordId],
    );
    return row;
  }

  /** The stored records (deleted ones too: their version still counts) among these ids. */
  async versionsOf(
    recordType: string,
    recordIds: string[],
  ): Promise<Map<string, { version: number; payload: unknown }>> {
    const rows = await this.db.query<{ recordId: string; version: number; payload: unknown }>(
      `SELECT record_id AS "recordId", version::float8 AS version, payload FROM adapter_record
       WHERE adapter = $1 AND record_type = $2 AND record_id = ANY($3::text[])`,
      [this.adapter, recordType, recordIds],
    );
    return new Map(
      rows.map((row) => [row.recordId, { version: row.version, payload: row.payload }]),
    );
  }

  /** Live records of a type whose subject is this citizen. */
  async bySubject<P extends object>(
    recordType: string,
    subjectId: string,
  ): Promise<StoredRecord<P>[]> {
    return this.db.query<StoredRecord<P>>(
      `SELECT ${COLUMNS} FROM adapter_record
       WHERE adapter = $1 AND record_type = $2 AND subject_id = $3 AND NOT deleted
       ORDER BY record_id`,
      [this.adapter, recordType, subjectId],
    );
  }

  /** Live records of a type that concern this citizen as subject or as a related party. */
  async concerning<P extends object>(
    recordType: string,
    nationalId: string,
  ): Promise<StoredRecord<P>[]> {
    return this.db.query<StoredRecord<P>>(
      `SELECT ${COLUMNS} FROM adapter_record
       WHERE adapter = $1 AND record_type = $2 AND NOT deleted
         AND (subject_id = $3 OR related_subjects @> ARRAY[$3]::text[])
       ORDER BY record_id`,
      [this.adapter, recordType, nationalId],
    );
  }
}

/** A PostgreSQL text[] literal of `values`, each quoted. */
function arrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  const quoted = values.map(
    (value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
  );
  return `{${quoted.join(',')}}`;
}
