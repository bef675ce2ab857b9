// SQL of the gateway's read model.
import { createHash } from 'node:crypto';
import { newestVersions, type StoredRecordHead } from '#spean/contracts';
import { jsonLines, jsonLinesParam, type Database, type Queryable } from '#spean/persistence';

export interface ReadRecord extends StoredRecordHead {
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
  occurredAt: Date;
  /** Whether the citizen is the record's subject or a related party (co-owner, parent ...). */
  relation: 'subject' | 'related';
  /** The adapter that published the record. */
  source: string;
  /** When the gateway applied this version of the record. */
  receivedAt: Date;
  /** The record's version at its source (a bigint, as text). */
  version: string;
}

export interface Orphan {
  recordType: string;
  recordId: string;
  source: string;
  appliedAt: Date;
}

interface Statement {
  name: string;
  text: string;
}

/** Distinct type-list pairs remembered; far more than any set of grants produces. */
const MAX_SECTION_STATEMENTS = 256;
const RECORD_TYPE = /^[a-z][a-z0-9-]*$/;

/** The version rule of every write to read_record: a record replaces the held one only if newer. */
const NEWER_WINS = `ON CONFLICT (record_type, record_id) DO UPDATE SET
           subject_id = EXCLUDED.subject_id,
           version = EXCLUDED.version,
           schema_version = EXCLUDED.schema_version,
           deleted = EXCLUDED.deleted,
           payload = EXCLUDED.payload,
           source = EXCLUDED.source,
           event_id = EXCLUDED.event_id,
           occurred_at = EXCLUDED.occurred_at,
           applied_at = now()
         WHERE read_record.version < EXCLUDED.version`;

/** A text[] literal of record types, which are catalog names: anything else is refused. */
function typeList(types: readonly string[]): string {
  for (const type of types)
    if (!RECORD_TYPE.test(type)) throw new Error(`not a record type name: ${JSON.stringify(type)}`);
  return `'{${types.join(',')}}'::text[]`;
}

/** Lookups waiting for the same read: their citizens, and where each one's rows go. */
interface PendingRead {
  ownTypes: string[];
  relatedTypes: string[];
  waiting: Array<{
    subjectId: string;
    resolve: (rows: StoredSection[]) => void;
    reject: (error: unknown) => void;
  }>;
}

/** Citizens read in one statement at most: a batch this full is sent at once. */
const MAX_READS_TOGETHER = 64;

function typesKey(ownTypes: readonly string[], relatedTypes: readonly string[]): string {
  return `${ownTypes.join(',')}|${relatedTypes.join(',')}`;
}

export class ReadModelRepository {
  private readonly sectionStatements = new Map<string, Statement>();
  /** Reads asked for in this turn of the event loop, by their pair of type lists. */
  private readonly pendingReads = new Map<string, PendingRead>();

  constructor(private readonly db: Database) {}

  /**
   * Applies records whose version is newer than what is stored and re-indexes
   * their related subjects, atomically; returns how many changed the model
   * (the rest were stale).
   *
   * One statement upserts the records and drops the related-subject links of
   * those it replaced (a data-modifying CTE reads the table as it was before
   * the statement, which is what the old links are). The new links are a
   * second statement in the same transaction; a batch that links nobody — a
   * lone record often, deletes always — is that one statement in its own
   * transaction, so a record reaches the model in one round trip instead of
   * four (BEGIN, upsert, unlink, COMMIT).
   */
  async apply(records: ReadRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const rows = newestVersions(records);
    const links = rows.some((r) => r.op !== 'delete' && r.relatedSubjects.length > 0);
    if (!links) return (await this.upsert(this.db, rows)).length;
    return this.db.transaction(async (tx) => {
      const changed = await this.upsert(tx, rows);
      const key = (type: string, id: string): string => `${type}\u0000${id}`;
      const applied = new Set(changed.map((row) => key(row.record_type, row.record_id)));
      await this.link(
        tx,
        rows.filter((r) => applied.has(key(r.recordType, r.recordId))),
      );
      return changed.length;
    });
  }

  /**
   * Upserts the rows newer than the stored version and drops the links of
   * those it replaced; returns the rows it changed. xmax is 0 on a row this
   * statement inserted: a record new to the model has no links to drop (the
   * common case in a backfill).
   */
  private upsert(
    tx: Pick<Database, 'query'>,
    rows: ReadRecord[],
  ): Promise<Array<{ record_type: string; record_id: string }>> {
    return tx.query<{ record_type: string; record_id: string }>(
      `WITH changed AS (
         INSERT INTO read_record
           (record_type, record_id, subject_id, version, schema_version, deleted, payload, source, event_id, occurred_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::int[], $6::boolean[],
                              ${jsonLinesParam(7)}, $8::text[], $9::uuid[], $10::timestamptz[])
         ${NEWER_WINS}
         RETURNING record_type, record_id, xmax = 0 AS inserted
       ), unlinked AS (
         DELETE FROM read_related_subject s
         USING changed c
         WHERE NOT c.inserted AND s.record_type = c.record_type AND s.record_id = c.record_id
       )
       SELECT record_type, record_id FROM changed`,
      [
        rows.map((r) => r.recordType),
        rows.map((r) => r.recordId),
        rows.map((r) => r.subjectId),
        rows.map((r) => r.version),
        rows.map((r) => r.schemaVersion),
        rows.map((r) => r.op === 'delete'),
        jsonLines(rows.map((r) => (r.op === 'delete' ? null : JSON.stringify(r.payload)))),
        rows.map((r) => r.source),
        rows.map((r) => r.eventId),
        rows.map((r) => r.occurredAt),
      ],
    );
  }

  /** Links `applied` records to the citizens they name (their old links are gone already). */
  private async link(tx: Pick<Database, 'query'>, applied: ReadRecord[]): Promise<void> {
    const links = applied.flatMap((r) =>
      r.op === 'delete'
        ? []
        : r.relatedSubjects.map((subject) => [subject, r.recordType, r.recordId] as const),
    );
    if (links.length === 0) return;
    await tx.query(
      `INSERT INTO read_related_subject (subject_id, record_type, record_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING`,
      [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
    );
  }

  /**
   * The set-based twin of apply(), for a backfill: merges the records staged
   * in the temporary table `stage` (its columns: BackfillStageRepository's) in
   * the caller's transaction `tx`, by the same rule — the newest version of a
   * record within the chunk, applied only if newer than the one held — and
   * re-links the related subjects of what changed. A record the consumer then
   * receives from the bus is not newer, and is skipped by the same rule.
   * Returns how many records changed the model. `unique`: the stage holds
   * each record once, so there is no newest version within it to pick (and
   * no sort of the chunk's rows to pick it by).
   */
  async applyStaged(tx: Queryable, stage: string, { unique = false } = {}): Promise<number> {
    if (!/^[a-z_]+$/.test(stage)) throw new Error(`not a staging table name: ${stage}`);
    await tx.query(
      `CREATE TEMPORARY TABLE read_model_applied (
         record_type text NOT NULL, record_id text NOT NULL, event_id uuid NOT NULL, inserted boolean NOT NULL
       ) ON COMMIT DROP`,
    );
    const [changed] = await tx.query<{ count: string }>(
      `WITH applied AS (
         INSERT INTO read_record
           (record_type, record_id, subject_id, version, schema_version, deleted, payload, source, event_id, occurred_at)
         SELECT ${unique ? '' : 'DISTINCT ON (record_type, record_id)'} record_type, record_id,
           subject_id, version, schema_version, deleted, payload, source, event_id, occurred_at
         FROM ${stage}
         ${unique ? '' : 'ORDER BY record_type, record_id, version DESC, line DESC'}
         ${NEWER_WINS}
         RETURNING record_type, record_id, event_id, xmax = 0 AS inserted),
       kept AS (INSERT INTO read_model_applied SELECT * FROM applied RETURNING 1)
       SELECT count(*) FROM kept`,
    );
    if (Number(changed?.count ?? 0) === 0) return 0;
    // Planned with its statistics, not as the empty table a fresh one looks like.
    await tx.query(`ANALYZE read_model_applied`);
    // As in upsert: only a record that replaced another has links to drop.
    await tx.query(
      `DELETE FROM read_related_subject s
       USING read_model_applied a
       WHERE NOT a.inserted AND s.record_type = a.record_type AND s.record_id = a.record_id`,
    );
    await tx.query(
      `INSERT INTO read_related_subject (subject_id, record_type, record_id)
       SELECT DISTINCT related.subject_id, s.record_type, s.record_id
       FROM read_model_applied a
       JOIN ${stage} s
         ON s.record_type = a.record_type AND s.record_id = a.record_id AND s.event_id = a.event_id
       CROSS JOIN LATERAL unnest(s.related_subjects) AS related(subject_id)
       WHERE NOT s.deleted
       ON CONFLICT DO NOTHING`,
    );
    return Number(changed!.count);
  }

  /**
   * The positions (from 0) of the messages in `heads` that name exactly a
   * record the model holds: its version and its event id.
   */
  async heldAlready(
    heads: ReadonlyArray<{
      recordType: string;
      recordId: string;
      version: number;
      eventId: string;
    }>,
  ): Promise<number[]> {
    if (heads.length === 0) return [];
    const rows = await this.db.query<{ i: number }>(
      `SELECT (x.i - 1)::int AS i
       FROM unnest($1::text[], $2::text[], $3::bigint[], $4::uuid[])
         WITH ORDINALITY AS x(record_type, record_id, version, event_id, i)
       JOIN read_record r ON r.record_type = x.record_type AND r.record_id = x.record_id
       WHERE r.version = x.version AND r.event_id = x.event_id`,
      [
        heads.map((h) => h.recordType),
        heads.map((h) => h.recordId),
        heads.map((h) => h.version),
        heads.map((h) => h.eventId),
      ],
      'read-model-held-exactly',
    );
    return rows.map((row) => row.i);
  }

  /**
   * Every live record about one citizen, in one round trip, whatever sections
   * are asked for: records whose subject the citizen is (of `ownTypes`), and
   * records that name the citizen as a related party (of `relatedTypes`).
   * Lookups under load arrive many to a turn of the event loop: those asking
   * for the same types in one turn are read in one statement (up to
   * MAX_READS_TOGETHER), one round trip and one statement's overhead for all.
   */
  async sectionsOf(
    subjectId: string,
    ownTypes: string[],
    relatedTypes: string[],
  ): Promise<StoredSection[]> {
    const key = typesKey(ownTypes, relatedTypes);
    let batch = this.pendingReads.get(key);
    if (!batch) {
      const started: PendingRead = { ownTypes, relatedTypes, waiting: [] };
      this.pendingReads.set(key, (batch = started));
      // The reads asked for while this turn of the event loop lasts go together.
      setImmediate(() => this.readTogether(key, started));
    }
    const pending = batch;
    return new Promise((resolve, reject) => {
      pending.waiting.push({ subjectId, resolve, reject });
      if (pending.waiting.length >= MAX_READS_TOGETHER) this.readTogether(key, pending);
    });
  }

  /**
   * The pending reads of one pair of type lists in one statement: one citizen's
   * with the one-citizen statement, several with the same statement over all
   * of them, whose rows are then handed to each by its subject.
   */
  private readTogether(key: string, batch: PendingRead): void {
    if (this.pendingReads.get(key) !== batch) return;
    this.pendingReads.delete(key);
    const { ownTypes, relatedTypes, waiting } = batch;
    const fail = (error: unknown): void => {
      for (const read of waiting) read.reject(error);
    };
    // Run from setImmediate: a statement that cannot even be built (a type
    // name the catalog would never give) fails its lookups, not the process.
    try {
      this.sendTogether(ownTypes, relatedTypes, waiting, fail);
    } catch (error) {
      fail(error);
    }
  }

  private sendTogether(
    ownTypes: string[],
    relatedTypes: string[],
    waiting: PendingRead['waiting'],
    fail: (error: unknown) => void,
  ): void {
    if (waiting.length === 1) {
      const [only] = waiting;
      const statement = this.sectionsStatement(ownTypes, relatedTypes);
      this.db
        .query<StoredSection>(statement.text, [only!.subjectId], statement.name)
        .then(only!.resolve, fail);
      return;
    }
    const subjects = [...new Set(waiting.map((read) => read.subjectId))];
    const statement = this.sectionsTogetherStatement(ownTypes, relatedTypes);
    this.db
      .query<StoredSection & { forSubject: string }>(statement.text, [subjects], statement.name)
      .then((rows) => {
        const bySubject = new Map<string, StoredSection[]>();
        for (const { forSubject, ...row } of rows) {
          const own = bySubject.get(forSubject);
          if (own) own.push(row);
          else bySubject.set(forSubject, [row]);
        }
        for (const read of waiting) read.resolve(bySubject.get(read.subjectId) ?? []);
      }, fail);
  }

  /**
   * The lookup statement for one pair of type lists, prepared once per
   * connection. The lists are written into the text, not bound: with them as
   * parameters PostgreSQL judged its generic plan dearer than a custom one and
   * planned every lookup anew, which took most of the statement's time (about
   * 0.5 of 0.65 ms). With only the citizen bound, it keeps the generic plan.
   * A desk's grants give few distinct pairs, so the cache stays small.
   *
   * Each row carries where it came from — its adapter, when the gateway
   * applied it and its version, all columns of the row — so the answer can
   * say so per record without another round trip. (The adapter's agency is
   * not joined in: it never changes, and AdapterAgencies keeps it in memory;
   * a join cost this statement about 0.1 of 0.4 ms.)
   */
  private sectionsStatement(ownTypes: string[], relatedTypes: string[]): Statement {
    return this.statementOf('sections-of', ownTypes, relatedTypes, () => ({
      text: `SELECT r.record_type AS "recordType", r.record_id AS "recordId", r.payload,
              r.occurred_at AS "occurredAt", 'subject' AS relation, r.source,
              r.applied_at AS "receivedAt", r.version
       FROM read_record r
       WHERE r.subject_id = $1 AND r.record_type = ANY(${typeList(ownTypes)}) AND NOT r.deleted
       UNION ALL
       SELECT r.record_type, r.record_id, r.payload, r.occurred_at, 'related', r.source,
              r.applied_at, r.version
       FROM read_related_subject s
       JOIN read_record r ON r.record_type = s.record_type AND r.record_id = s.record_id
       WHERE s.subject_id = $1 AND s.record_type = ANY(${typeList(relatedTypes)}) AND NOT r.deleted
         AND r.subject_id <> $1
       ORDER BY 1, 4 DESC, 2`,
    }));
  }

  /**
   * The same read for several citizens at once ($1, a text[] of national ids),
   * each row naming the citizen it was read for, in the same order per citizen.
   */
  private sectionsTogetherStatement(ownTypes: string[], relatedTypes: string[]): Statement {
    return this.statementOf('sections-together', ownTypes, relatedTypes, () => ({
      text: `SELECT q.subject AS "forSubject", r.record_type AS "recordType", r.record_id AS "recordId",
              r.payload, r.occurred_at AS "occurredAt", 'subject' AS relation, r.source,
              r.applied_at AS "receivedAt", r.version
       FROM unnest($1::text[]) AS q(subject)
       JOIN read_record r ON r.subject_id = q.subject
       WHERE r.record_type = ANY(${typeList(ownTypes)}) AND NOT r.deleted
       UNION ALL
       SELECT q.subject, r.record_type, r.record_id, r.payload, r.occurred_at, 'related', r.source,
              r.applied_at, r.version
       FROM unnest($1::text[]) AS q(subject)
       JOIN read_related_subject s ON s.subject_id = q.subject
       JOIN read_record r ON r.record_type = s.record_type AND r.record_id = s.record_id
       WHERE s.record_type = ANY(${typeList(relatedTypes)}) AND NOT r.deleted
         AND r.subject_id <> q.subject
       ORDER BY 1, 2, 5 DESC, 3`,
    }));
  }

  /** A statement of one kind for one pair of type lists, named and remembered. */
  private statementOf(
    kind: string,
    ownTypes: string[],
    relatedTypes: string[],
    build: () => { text: string },
  ): Statement {
    const key = `${kind}|${typesKey(ownTypes, relatedTypes)}`;
    let statement = this.sectionStatements.get(key);
    if (!statement) {
      const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
      statement = { name: `read-model-${kind}-${hash}`, ...build() };
      if (this.sectionStatements.size >= MAX_SECTION_STATEMENTS) this.sectionStatements.clear();
      this.sectionStatements.set(key, statement);
    }
    return statement;
  }

  /** True when any live record concerns this citizen at all. */
  async isKnown(subjectId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM read_record WHERE subject_id = $1 AND NOT deleted
       UNION ALL SELECT 1 FROM read_related_subject WHERE subject_id = $1
       LIMIT 1`,
      [subjectId],
      'read-model-is-known',
    );
    return rows.length > 0;
  }

  /** Records whose subject has no person record: kept, and attached once the person appears. */
  async orphans(options: {
    recordType?: string;
    limit: number;
    offset: number;
  }): Promise<Orphan[]> {
    return this.db.query<Orphan>(
      `SELECT r.record_type AS "recordType", r.record_id AS "recordId", r.source, r.applied_at AS "appliedAt"
       FROM read_record r
       WHERE NOT r.deleted AND r.record_type <> 'person'
         AND ($1::text IS NULL OR r.record_type = $1)
         AND NOT EXISTS (
           SELECT 1 FROM read_record p
           WHERE p.subject_id = r.subject_id AND p.record_type = 'person' AND NOT p.deleted)
       ORDER BY r.record_type, r.applied_at, r.record_id
       LIMIT $2 OFFSET $3`,
      [options.recordType ?? null, options.limit, options.offset],
    );
  }
}
