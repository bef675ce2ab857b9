// SQL of a backfill (backfill.ts): a chunk of validated, signed records is
// COPied into a temporary staging table, then merged by set-based statements
// — into the adapter's store and its outbox here, and into whatever else the
// caller lands the chunk in (the gateway's read model) — all in the chunk's
// one transaction. The staging table lives only as long as that transaction
// (ON COMMIT DROP): pooled connections are not the caller's to keep, and
// nothing half-loaded is ever left behind.
//
// The merge keeps the store's rule (adapter-record.repository.ts): a record is
// kept only if its version is newer than the kept one. Within one chunk the
// newest version of a record wins (DISTINCT ON … ORDER BY version DESC, left
// out when each record is in the chunk once), so the upsert never meets one
// key twice. What it writes is what is published:
// one outbox row per record written, leased to the backfill so it sends them
// itself the moment the chunk commits (a key with an older row still waiting
// is left to the relay, as publish() does). On a bus whose log is in this
// same database (the embedded bus: TransactionalLog), there is no outbox
// round trip: the written records are appended to the log from the stage in
// the chunk's own transaction, so they are kept and published together or not
// at all (only a key with an older row still waiting goes to the outbox, for
// the relay, to keep the key's order). A version already kept with the same
// content is a re-run, and changes nothing; one kept with other content is a
// conflict, refused by line.
import type { OutboxEntry } from '../publishing/outbox.repository.js';
import type { PreparedRecord } from '../publishing/prepare-records.js';
import {
  copyBytes,
  copyNullable,
  copyText,
  copyTextArray,
  type Transaction,
} from '#spean/persistence';
import type { OutgoingMessage, TransactionalLog } from '#spean/bus';

/** The staging table a chunk is COPied into, for the statements that merge it elsewhere. */
export const BACKFILL_STAGE = 'backfill_stage';

/** One record of a chunk, ready to stage: validated, signed, with its line in the file. */
export interface StagedRecord {
  line: number;
  /** The line as it was read: what a refusal shows the operator. */
  text: string;
  prepared: PreparedRecord;
  message: OutgoingMessage;
}

export interface KeptChunk {
  /** Records kept now (newer than what was kept): on their way to the bus. */
  written: number;
  /** Lines whose version is kept already with other content, with the kept version. */
  conflicts: Array<{ line: number; storedVersion: number }>;
  /** Outbox rows leased to the caller, to send once the chunk commits. */
  leased: OutboxEntry[];
  /** Outbox rows left to the relay (an older message of their key was still waiting). */
  waiting: number;
}

/** What stage() staged. */
export interface StagedChunk {
  /** Each record once: the merges need not pick the newest version of one within the chunk. */
  unique: boolean;
}

/** How keep() publishes what it writes. */
export type KeepMode =
  /** Outbox rows leased to the caller, who sends them after the commit. */
  | 'outbox'
  /** Appended to the log in the chunk's transaction (appendToLog), the outbox only for a waiting key. */
  | 'log';

/**
 * How long the backfill holds the outbox rows of a chunk before the adapter's
 * relay may send them instead. Counted from the INSERT (clock_timestamp(), not
 * the transaction's start: a chunk's transaction can be long on a busy
 * server), and longer than the publisher's lease: a lease lapsing while the
 * backfill still sends has the relay send the whole chunk again, and its claim
 * holds the rows the backfill is waiting to forget. Only a backfill that died
 * waits this long for the relay.
 */
export const BACKFILL_LEASE_MS = 5 * 60_000;

/** Memory for each sort and hash of a chunk's statements, for its transaction only. */
const STAGE_WORK_MEM = '128MB';

const STAGE_COLUMNS =
  'line, record_type, record_id, subject_id, related_subjects, version, schema_version, deleted, payload, source, event_id, occurred_at, topic, partition, value, headers';

/** The stage joined to what the store merge wrote: one row per record to publish. */
const WRITTEN = `${BACKFILL_STAGE} s
       JOIN backfill_written w
         ON w.record_type = s.record_type AND w.record_id = s.record_id AND w.event_id = s.event_id`;

export class BackfillStageRepository {
  constructor(
    readonly adapter: string,
    private readonly leaseMs = BACKFILL_LEASE_MS,
  ) {}

  /**
   * Creates the chunk's staging table in `tx` and COPies the records into it,
   * with each one's partition on `log` when the chunk goes to the log directly.
   */
  async stage(
    tx: Transaction,
    records: readonly StagedRecord[],
    log?: Pick<TransactionalLog, 'partitionOf'>,
  ): Promise<StagedChunk> {
    // The merges sort and hash a chunk's rows (payloads and messages with
    // them): with the default work_mem they spill to temporary files.
    await tx.query(`SET LOCAL work_mem = '${STAGE_WORK_MEM}'`);
    await tx.query(
      `CREATE TEMPORARY TABLE ${BACKFILL_STAGE} (
         line bigint NOT NULL, record_type text NOT NULL, record_id text NOT NULL,
         subject_id text NOT NULL, related_subjects text[] NOT NULL, version bigint NOT NULL,
         schema_version integer NOT NULL, deleted boolean NOT NULL, payload jsonb,
         source text NOT NULL, event_id uuid NOT NULL, occurred_at timestamptz NOT NULL,
         topic text NOT NULL, partition integer, value bytea NOT NULL, headers jsonb NOT NULL
       ) ON COMMIT DROP;
       CREATE TEMPORARY TABLE backfill_written (
         record_type text NOT NULL, record_id text NOT NULL, event_id uuid NOT NULL
       ) ON COMMIT DROP`,
    );
    await tx.copyFrom(
      `COPY ${BACKFILL_STAGE} (${STAGE_COLUMNS}) FROM STDIN`,
      copyRows(records, log ? (key) => String(log.partitionOf(key)) : () => '\\N'),
    );
    // The merges join on the record's key: without statistics the planner
    // guesses badly. Those columns only: the payload's and the message's
    // statistics (wide, read from the whole sample) are what made it slow.
    await tx.query(`ANALYZE ${BACKFILL_STAGE} (record_type, record_id, subject_id, event_id)`);
    const keys = new Set(
      records.map(({ prepared: { record } }) => `${record.recordType}\u0000${record.recordId}`),
    );
    return { unique: keys.size === records.length };
  }

  /**
   * Merges the staged chunk into the adapter's store (newer versions only)
   * and, in `mode` 'outbox', adds an outbox row for every record written, in
   * line order; in `mode` 'log', only for those whose key has an older
   * message still waiting — appendToLog() appends the others. `staged`:
   * how many records stage() staged.
   */
  async keep(
    tx: Transaction,
    staged: number,
    { unique }: StagedChunk,
    mode: KeepMode = 'outbox',
  ): Promise<KeptChunk> {
    const [merged] = await tx.query<{ count: number }>(
      `WITH written AS (
         INSERT INTO adapter_record (adapter, record_type, record_id, subject_id, related_subjects,
           version, schema_version, deleted, payload, event_id, occurred_at)
         SELECT ${unique ? '' : 'DISTINCT ON (record_type, record_id)'} $1::text, record_type,
           record_id, subject_id, related_subjects, version, schema_version, deleted, payload,
           event_id, occurred_at
         FROM ${BACKFILL_STAGE}
         ${unique ? '' : 'ORDER BY record_type, record_id, version DESC, line DESC'}
         ON CONFLICT (adapter, record_type, record_id) DO UPDATE SET
           subject_id = EXCLUDED.subject_id, related_subjects = EXCLUDED.related_subjects,
           version = EXCLUDED.version, schema_version = EXCLUDED.schema_version,
           deleted = EXCLUDED.deleted, payload = EXCLUDED.payload, event_id = EXCLUDED.event_id,
           occurred_at = EXCLUDED.occurred_at, stored_at = now()
         WHERE adapter_record.version < EXCLUDED.version
         RETURNING record_type, record_id, event_id),
       kept AS (INSERT INTO backfill_written SELECT * FROM written RETURNING 1)
       SELECT count(*)::int AS count FROM kept`,
      [this.adapter],
    );
    // Unanalysed, a temporary table looks empty to the planner, which then
    // joins it to the chunk row by row: minutes for a chunk of 20,000.
    await tx.query(`ANALYZE backfill_written`);
    // Not written, and its version is the kept one with other content: a
    // conflict. When every staged line was written (an initial load's
    // chunks), there is none to look for.
    const conflicts = merged!.count === staged ? [] : await this.conflicts(tx);
    const conflictLines = conflicts.map((row) => ({
      line: Number(row.line),
      storedVersion: Number(row.storedVersion),
    }));
    if (mode === 'outbox') return { ...(await this.leaseToCaller(tx)), conflicts: conflictLines };
    return {
      written: merged!.count,
      conflicts: conflictLines,
      leased: [],
      waiting: await this.keepWaitingKeys(tx),
    };
  }

  private conflicts(tx: Transaction): Promise<Array<{ line: string; storedVersion: string }>> {
    return tx.query<{ line: string; storedVersion: string }>(
      `SELECT s.line, a.version AS "storedVersion"
       FROM ${BACKFILL_STAGE} s
       JOIN adapter_record a
         ON a.adapter = $1 AND a.record_type = s.record_type AND a.record_id = s.record_id
       WHERE a.version = s.version AND a.event_id <> s.event_id
         AND NOT (a.subject_id = s.subject_id AND a.schema_version = s.schema_version
                  AND a.deleted = s.deleted AND a.payload IS NOT DISTINCT FROM s.payload)
       ORDER BY s.line`,
      [this.adapter],
    );
  }

  /** An outbox row per record written, leased to the caller but for a key with an older row waiting. */
  private async leaseToCaller(tx: Transaction): Promise<Omit<KeptChunk, 'conflicts'>> {
    const rows = await tx.query<{
      id: string;
      topic: string;
      key: string;
      value: Buffer;
      headers: Record<string, string>;
      leased: boolean;
    }>(
      `INSERT INTO adapter_outbox (adapter, topic, message_key, value, headers, claimed_until)
       SELECT $1, s.topic, s.subject_id, s.value, s.headers,
              CASE WHEN EXISTS (SELECT 1 FROM adapter_outbox o
                                WHERE o.adapter = $1 AND o.message_key = s.subject_id)
                   THEN NULL
                   ELSE clock_timestamp() + make_interval(secs => $2::double precision / 1000) END
       FROM ${WRITTEN}
       ORDER BY s.line
       RETURNING id, topic, message_key AS key, value, headers, claimed_until IS NOT NULL AS leased`,
      [this.adapter, this.leaseMs],
    );
    const leased = rows
      .filter((row) => row.leased)
      .map((row) => ({
        id: row.id,
        message: { topic: row.topic, key: row.key, value: row.value, headers: row.headers },
      }));
    return { written: rows.length, leased, waiting: rows.length - leased.length };
  }

  /**
   * For the log: an outbox row, for the relay, per record written whose key
   * has an older message still waiting there (the key's order is kept);
   * returns how many. The keys are read once, so the outbox and the log take
   * complementary halves of one set whatever another publisher adds meanwhile.
   */
  private async keepWaitingKeys(tx: Transaction): Promise<number> {
    await tx.query(
      `CREATE TEMPORARY TABLE backfill_waiting ON COMMIT DROP AS
       SELECT DISTINCT message_key AS key FROM adapter_outbox WHERE adapter = $1`,
      [this.adapter],
    );
    const waiting = await tx.query(
      `INSERT INTO adapter_outbox (adapter, topic, message_key, value, headers)
       SELECT $1, s.topic, s.subject_id, s.value, s.headers
       FROM ${WRITTEN}
       WHERE EXISTS (SELECT 1 FROM backfill_waiting k WHERE k.key = s.subject_id)
       ORDER BY s.line
       RETURNING 1`,
      [this.adapter],
    );
    return waiting.length;
  }

  /**
   * After keep(tx, 'log'): appends the records written (but for a waiting
   * key's) to `log` in `tx`, in line order. Last before the commit: it holds
   * the partitions' locks until then. Returns how many it appended.
   */
  appendToLog(tx: Transaction, log: TransactionalLog): Promise<number> {
    return log.appendSelected(
      tx,
      `SELECT s.topic, s.partition, s.subject_id AS key, s.value, s.headers, s.line AS seq
       FROM ${WRITTEN}
       WHERE NOT EXISTS (SELECT 1 FROM backfill_waiting k WHERE k.key = s.subject_id)`,
    );
  }
}

/** The chunk as COPY text, about a megabyte at a time. */
function* copyRows(
  records: readonly StagedRecord[],
  partitionOf: (key: string) => string,
): Generator<string> {
  let text = '';
  for (const { line, prepared, message } of records) {
    const { record, relatedSubjects } = prepared;
    const deleted = record.op === 'delete';
    text +=
      `${line}\t${copyText(record.recordType)}\t${copyText(record.recordId)}\t${copyText(record.subjectId)}\t` +
      `${copyTextArray(relatedSubjects)}\t${record.version}\t${record.schemaVersion}\t${deleted ? 't' : 'f'}\t` +
      `${copyNullable(deleted ? null : JSON.stringify(record.payload ?? null))}\t${copyText(record.source)}\t` +
      `${record.eventId}\t${copyText(record.occurredAt)}\t${copyText(message.topic)}\t${partitionOf(message.key)}\t` +
      `${copyBytes(message.value)}\t${copyText(JSON.stringify(message.headers ?? {}))}\n`;
    if (text.length > 1 << 20) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}
