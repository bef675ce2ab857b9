// All SQL of the auditors' explorer: filtered pages of the audit log by seq
// (keyset: each page costs the same however deep; the person's name is
// matched as audit_entry_person_name indexes it), the newest signed
// checkpoint, and the results of verifications run on demand.
import {
  auditEntryFields,
  type AuditEntry,
  type AuditEntryRow,
  type AuditVerification,
} from '#spean/audit';
import type { Queryable } from '#spean/persistence';
import type { AuditOutcome, AuditQuery } from './audit-filter.js';

/** An entry as the explorer shows it: its own hash (not the previous one), with its outcome. */
export interface ExploredEntry extends Omit<AuditEntry, 'prevHash' | 'details'> {
  details: Record<string, unknown>;
  outcome: AuditOutcome;
}

/** The newest signed seal: the seq and hash of the entry it seals, and the key that signed. */
export interface SealedCheckpoint {
  seq: number;
  signedAt: Date;
  keyId: string;
  hash: string;
}

export interface RecordedVerification {
  verifiedAt: Date;
  ok: boolean;
  entries: number | null;
  checkpoints: number | null;
  problem: string | null;
  seq: number | null;
  message: string | null;
}

// The outcome, derived from what every writer of citizen entries puts in
// details: outcome 'refused' when nothing was answered (a refused lookup,
// verification or reading), and the sections or claims withheld from an
// answer (lookups: sectionsDenied; verifications: claimsDenied, claimsLocked).
// One definition, used both to filter and to show.
const OUTCOME = `CASE
    WHEN details->>'outcome' = 'refused' THEN 'refused'
    WHEN COALESCE(details->'sectionsDenied', '[]') <> '[]'
      OR COALESCE(details->'claimsDenied', '[]') <> '[]'
      OR COALESCE(details->'claimsLocked', '[]') <> '[]' THEN 'denied'
    ELSE 'returned'
  END`;

interface ExploredRow extends AuditEntryRow {
  outcome: AuditOutcome;
}

function explored(row: ExploredRow): ExploredEntry {
  const details = (row.details ?? {}) as Record<string, unknown>;
  return { ...auditEntryFields(row), details, outcome: row.outcome };
}

export class AuditExplorerRepository {
  constructor(private readonly db: Queryable) {}

  async page(query: AuditQuery, afterSeq: number, limit: number): Promise<ExploredEntry[]> {
    const rows = await this.db.query<ExploredRow>(
      `SELECT seq, at, kind, actor_client, actor_agency, actor_person, subject_id, purpose, details, hash,
              ${OUTCOME} AS outcome
       FROM audit_entry
       WHERE seq > $1
         AND ($2::timestamptz IS NULL OR at >= $2)
         AND ($3::timestamptz IS NULL OR at < $3)
         AND ($4::text IS NULL OR actor_agency = $4)
         AND ($5::text IS NULL OR actor_client = $5)
         AND ($6::text IS NULL OR subject_id = $6)
         AND ($7::text[] IS NULL OR kind = ANY($7))
         AND ($8::text[] IS NULL OR ${OUTCOME} = ANY($8))
         AND ($9::text IS NULL
              OR (actor_person IS NOT NULL AND lower(actor_person->>'name') = lower($9)))
       ORDER BY seq
       LIMIT $10`,
      [
        afterSeq,
        query.from,
        query.to,
        query.agencyId,
        query.clientId,
        query.subjectId,
        query.kinds,
        query.outcomes,
        query.personName,
        limit,
      ],
      'audit-explorer-page',
    );
    return rows.map(explored);
  }

  /**
   * The newest entries one actor made: the client, and the person acting
   * through it (or none). Walks the client's index backwards from the end,
   * over the last day only, so it costs the same however long the log.
   */
  async ownRecent(
    actor: { actorClient: string; actorPerson: { issuer: string; subject: string } | null },
    limit: number,
  ): Promise<ExploredEntry[]> {
    const rows = await this.db.query<ExploredRow>(
      `SELECT seq, at, kind, actor_client, actor_agency, actor_person, subject_id, purpose, details, hash,
              ${OUTCOME} AS outcome
       FROM audit_entry
       WHERE actor_client = $1
         AND at > now() - interval '1 day'
         AND CASE WHEN $2::text IS NULL THEN actor_person IS NULL
                  ELSE actor_person->>'issuer' = $2 AND actor_person->>'subject' = $3 END
       ORDER BY seq DESC
       LIMIT $4`,
      [
        actor.actorClient,
        actor.actorPerson?.issuer ?? null,
        actor.actorPerson?.subject ?? null,
        limit,
      ],
      'audit-own-recent',
    );
    return rows.map(explored);
  }

  async lastCheckpoint(): Promise<SealedCheckpoint | null> {
    const [row] = await this.db.query<{
      seq: string;
      signed_at: Date;
      key_id: string;
      hash: string;
    }>(`SELECT seq, signed_at, key_id, hash FROM audit_checkpoint ORDER BY seq DESC LIMIT 1`);
    return row
      ? { seq: Number(row.seq), signedAt: row.signed_at, keyId: row.key_id, hash: row.hash }
      : null;
  }

  async recordVerification(
    result: AuditVerification,
    verifiedAt: Date,
    actor: { clientId: string; agencyId: string },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_verification
         (verified_at, ok, entries, checkpoints, problem, seq, message, actor_client, actor_agency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        verifiedAt,
        result.ok,
        result.ok ? result.entries : null,
        result.ok ? result.checkpoints : null,
        result.ok ? null : result.problem,
        result.ok ? null : result.seq,
        result.ok ? null : result.message,
        actor.clientId,
        actor.agencyId,
      ],
    );
  }

  async lastVerification(): Promise<RecordedVerification | null> {
    const [row] = await this.db.query<{
      verified_at: Date;
      ok: boolean;
      entries: string | null;
      checkpoints: string | null;
      problem: string | null;
      seq: string | null;
      message: string | null;
    }>(
      `SELECT verified_at, ok, entries, checkpoints, problem, seq, message
       FROM audit_verification ORDER BY id DESC LIMIT 1`,
    );
    if (!row) return null;
    const count = (value: string | null) => (value === null ? null : Number(value));
    return {
      verifiedAt: row.verified_at,
      ok: row.ok,
      entries: count(row.entries),
      checkpoints: count(row.checkpoints),
      problem: row.problem,
      seq: count(row.seq),
      message: row.message,
    };
  }
}
