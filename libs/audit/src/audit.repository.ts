// All SQL of the audit log. Entries are only ever inserted; verification reads
// them in seq order, a page at a time, so it works on logs of any length.
import type { Database, Queryable } from '#spean/persistence';
import type { AuditCheckpoint, AuditEntry, AuditPerson, JsonValue } from './audit-entry.js';
import { GENESIS_HASH } from './audit-hash.js';

/** The columns of an audit_entry row that readers of the log show (seq is bigint: text). */
export interface AuditEntryRow {
  seq: string;
  at: Date;
  kind: string;
  actor_client: string;
  actor_agency: string;
  actor_person: AuditPerson | null;
  subject_id: string | null;
  purpose: string | null;
  details: JsonValue;
  hash: string;
}

interface EntryRow extends AuditEntryRow {
  prev_hash: string;
}

interface CheckpointRow {
  seq: string;
  hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}

// One chain per database, shared by every gateway process: the writers take
// this transaction-scoped advisory lock before reading the head. A row lock on
// the head would not do: it does not exist while the log is empty.
const CHAIN_LOCK = 5_863_242_011;

/** The chain's last entry; an empty chain's is seq 0 with the genesis hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** A batch as the arrays its insert unnests, in ENTRY_COLUMNS order. */
function entryColumns(entries: AuditEntry[]): unknown[] {
  return [
    entries.map((entry) => entry.seq),
    entries.map((entry) => entry.at.toISOString()),
    entries.map((entry) => entry.kind),
    entries.map((entry) => entry.actorClient),
    entries.map((entry) => entry.actorAgency),
    entries.map((entry) => entry.subjectId),
    entries.map((entry) => entry.purpose),
    entries.map((entry) => JSON.stringify(entry.details)),
    entries.map((entry) => entry.prevHash),
    entries.map((entry) => entry.hash),
    entries.map((entry) => (entry.actorPerson ? JSON.stringify(entry.actorPerson) : null)),
  ];
}

const ENTRY_COLUMNS = `seq, at, kind, actor_client, actor_agency, subject_id, purpose, details, prev_hash, hash, actor_person`;

export class AuditRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * A transaction holding the chain: it waits for the chain lock, then reads
   * the head (null while the log is empty) — both with its BEGIN, in one round
   * trip. The head is read by a statement of its own, after the lock is held,
   * so it is never a head another writer has since moved past.
   */
  inChain<T>(
    db: Database,
    work: (tx: Queryable, head: { seq: number; hash: string } | null) => Promise<T>,
  ): Promise<T> {
    return db.transactionOpenedWith<{ seq: string; hash: string }, T>(
      `SELECT pg_advisory_xact_lock(${CHAIN_LOCK});
       SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1`,
      (tx, [head]) => work(tx, head ? { seq: Number(head.seq), hash: head.hash } : null),
    );
  }

  /** One statement for the whole batch. */
  async insertEntries(tx: Queryable, entries: AuditEntry[]): Promise<void> {
    await tx.query(
      `INSERT INTO audit_entry (${ENTRY_COLUMNS})
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[],
                            $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[],
                            $11::jsonb[])`,
      entryColumns(entries),
      'audit-insert-entries',
    );
  }

  /**
   * Appends a batch hashed onto `expected`, the head the writer last knew, in
   * one round trip and its own transaction (the audit_append function: lock,
   * head, insert, commit). When another writer moved the head meanwhile,
   * nothing is inserted and the head found is returned instead.
   */
  async appendOnto(
    expected: ChainHead,
    entries: AuditEntry[],
  ): Promise<{ appended: boolean; head: ChainHead }> {
    const [row] = await this.db.query<{ appended: boolean; head_seq: string; head_hash: string }>(
      `SELECT appended, head_seq, head_hash FROM audit_append($1, $2, $3, $4::bigint[],
         $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
         $11::jsonb[], $12::text[], $13::text[], $14::jsonb[])`,
      [CHAIN_LOCK, expected.seq, expected.hash, ...entryColumns(entries)],
      'audit-append-onto',
    );
    return {
      appended: row!.appended,
      head: { seq: Number(row!.head_seq ?? 0), hash: row!.head_hash ?? GENESIS_HASH },
    };
  }

  async latestCheckpointSeq(tx: Queryable): Promise<number> {
    const [row] = await tx.query<{ seq: string | null }>(
      `SELECT max(seq) AS seq FROM audit_checkpoint`,
    );
    return Number(row?.seq ?? 0);
  }

  async insertCheckpoint(tx: Queryable, checkpoint: AuditCheckpoint): Promise<void> {
    await tx.query(
      `INSERT INTO audit_checkpoint (seq, hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5)`,
      [
        checkpoint.seq,
        checkpoint.hash,
        checkpoint.signedAt,
        checkpoint.keyId,
        checkpoint.signature,
      ],
    );
  }

  /** The next page after a seq (keyset, so each page costs the same however deep). */
  async entriesAfter(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.db.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map(toEntry);
  }

  /** The last entry before a seq: where a partial verification anchors. */
  async entryBefore(seq: number): Promise<AuditEntry | null> {
    const rows = await this.db.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM audit_entry WHERE seq < $1 ORDER BY seq DESC LIMIT 1`,
      [seq],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async entriesBetween(from: number, to: number): Promise<AuditEntry[]> {
    const rows = await this.db.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM audit_entry WHERE seq BETWEEN $1 AND $2 ORDER BY seq`,
      [from, to],
    );
    return rows.map(toEntry);
  }

  // The next two scan the table (hashes are not indexed): verification calls
  // them only once, to explain the first problem it found.

  async seqsWithHash(hash: string): Promise<number[]> {
    const rows = await this.db.query<{ seq: string }>(
      `SELECT seq FROM audit_entry WHERE hash = $1 ORDER BY seq LIMIT 10`,
      [hash],
    );
    return rows.map((row) => Number(row.seq));
  }

  async seqsWithPrevHash(hash: string): Promise<number[]> {
    const rows = await this.db.query<{ seq: string }>(
      `SELECT seq FROM audit_entry WHERE prev_hash = $1 ORDER BY seq LIMIT 10`,
      [hash],
    );
    return rows.map((row) => Number(row.seq));
  }

  /** Checkpoints from a seq on, oldest first: one per thousands of entries, so a list is fine. */
  async checkpointsFrom(seq: number): Promise<AuditCheckpoint[]> {
    const rows = await this.db.query<CheckpointRow>(
      `SELECT seq, hash, signed_at, key_id, signature FROM audit_checkpoint WHERE seq >= $1 ORDER BY seq`,
      [seq],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      hash: row.hash,
      signedAt: row.signed_at,
      keyId: row.key_id,
      signature: row.signature,
    }));
  }
}

function toEntry(row: EntryRow): AuditEntry {
  return { ...auditEntryFields(row), prevHash: row.prev_hash };
}

/** An entry's fields from its row, all but the link to the entry before. */
export function auditEntryFields(row: AuditEntryRow): Omit<AuditEntry, 'prevHash'> {
  return {
    seq: Number(row.seq),
    at: row.at,
    kind: row.kind,
    actorClient: row.actor_client,
    actorAgency: row.actor_agency,
    actorPerson: row.actor_person,
    subjectId: row.subject_id,
    purpose: row.purpose,
    details: row.details,
    hash: row.hash,
  };
}
