// SQL of an adapter's own store: the newest version of every record it has
// published. Reactions read it; the publisher writes it, in the transaction
// that also writes the records' outbox rows.
import { newestVersions, type StoredRecordHead } from '#spean/contracts';
import { jsonLines, jsonLinesParam, type Queryable } from '#spean/persistence';

export interface StoredRecord<P extends object = Record<string, unknown>> extends StoredRecordHead {
  payload: P;
  occurredAt: Date;
}

export interface RecordToStore extends StoredRecordHead {
  deleted: boolean;
  payload: unknown;
  eventId: string;
  occurredAt: string;
}

/**
 * What became of a record given to save():
 * - `written`: it is the newest version now;
 * - `older`: a newer version is kept (this one is still published, and
 *   consumers, which apply by version, skip it);
 * - `same`: this version is kept already, with this event id or this content
 *   (a resend): nothing changes, and `eventId` is the one kept;
 * - `conflict`: this version is kept already with other content.
 */
export type KeptVerdict =
  | { kept: 'written' }
  | { kept: 'older'; storedVersion: number }
  | { kept: 'same'; eventId: string }
  | { kept: 'conflict'; storedVersion: number };

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
   * Says, for each record (in order), what became of it: see KeptVerdict.
   */
  async save(records: RecordToStore[], tx: Queryable = this.db): Promise<KeptVerdict[]> {
    if (records.length === 0) return [];
    const rows = newestVersions(records);
    const written = await tx.query<{ recordType: string; recordId: string; eventId: string }>(
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
       WHERE adapter_record.version < EXCLUDED.version
       RETURNING record_type AS "recordType", record_id AS "recordId", event_id::text AS "eventId"`,
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
        jsonLines(rows.map(payloadText)),
        rows.map((r) => r.eventId),
        rows.map((r) => r.occurredAt),
      ],
    );
    const writtenNow = new Set(written.map((w) => keptKey(w.recordType, w.recordId, w.eventId)));
    const verdicts: Array<KeptVerdict | undefined> = records.map((record) =>
      writtenNow.has(keptKey(record.recordType, record.recordId, record.eventId))
        ? { kept: 'written' }
        : undefined,
    );
    const others = records.flatMap((record, index) => (verdicts[index] ? [] : [index]));
    if (others.length > 0) {
      for (const [index, verdict] of (await this.compare(records, others, tx)).entries())
        verdicts[others[index]!] = verdict;
    }
    return verdicts as KeptVerdict[];
  }

  /**
   * What is kept of records that were not written: read after the write, so a
   * record another transaction kept first (and committed) is seen.
   */
  private async compare(
    records: readonly RecordToStore[],
    indexes: readonly number[],
    tx: Queryable,
  ): Promise<KeptVerdict[]> {
    const asked = indexes.map((index) => records[index]!);
    const stored = await tx.query<{
      n: number;
      version: number;
      eventId: string;
      same: boolean;
    }>(
      `SELECT x.n::int AS n, a.version::float8 AS version, a.event_id::text AS "eventId",
              (a.subject_id = x.s AND a.schema_version = x.sv AND a.deleted = x.d
               AND a.payload IS NOT DISTINCT FROM x.p) AS same
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[], ${jsonLinesParam(7)})
            WITH ORDINALITY AS x(t, i, s, sv, d, p, n)
       JOIN adapter_record a ON a.adapter = $1 AND a.record_type = x.t AND a.record_id = x.i`,
      [
        this.adapter,
        asked.map((r) => r.recordType),
        asked.map((r) => r.recordId),
        asked.map((r) => r.subjectId),
        asked.map((r) => r.schemaVersion),
        asked.map((r) => r.deleted),
        jsonLines(asked.map(payloadText)),
      ],
    );
    const byPosition = new Map(stored.map((row) => [row.n - 1, row]));
    return asked.map((record, position): KeptVerdict => {
      const row = byPosition.get(position);
      // Unreachable unless the row was deleted meanwhile; keep the record's own answer.
      if (!row) return { kept: 'written' };
      if (row.version > record.version) return { kept: 'older', storedVersion: row.version };
      if (row.eventId === record.eventId || row.same) return { kept: 'same', eventId: row.eventId };
      return { kept: 'conflict', storedVersion: row.version };
    });
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

function keptKey(recordType: string, recordId: string, eventId: string): string {
  return `${recordType}\u0000${recordId}\u0000${eventId}`;
}

function payloadText(record: RecordToStore): string | null {
  return record.deleted ? null : JSON.stringify(record.payload);
}

/** A PostgreSQL text[] literal of `values`, each quoted. */
function arrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  const quoted = values.map(
    (value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
  );
  return `{${quoted.join(',')}}`;
}
