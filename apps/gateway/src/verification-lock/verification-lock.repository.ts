// All SQL of the verification locks: counters of wrong claims per citizen ×
// agency × kind of claim, and per citizen × kind of claim for all agencies
// together (agency_id ''). See the migration for the table.
//
// Why it holds across gateway processes:
// - a wrong claim is counted by one upsert that returns the new counts, so two
//   processes counting at once serialise on the row and each sees the other's
//   increment; a claim whose count went past a limit is refused, not answered;
// - the check before a claim reads the rows FOR SHARE, so it waits for a
//   failure another process is counting right now and sees its result.
// A wrong claim is checked for a lock first and not counted when locked; one
// that arrives in a burst, before the lock, counts even if it is refused.
// Only the rows of one citizen are touched, by primary key.
import type { Queryable } from '#spean/persistence';
import type { VerificationLimits } from './verification-limits.config.js';

const ALL_AGENCIES = '';

export interface VerificationLock {
  nationalId: string;
  /** Null: the lock on all agencies together. */
  agencyId: string | null;
  claim: string;
  failures: number;
  lockedUntil: Date;
}

export interface ClearedCounter {
  agencyId: string | null;
  claim: string;
  failures: number;
  locked: boolean;
}

interface CounterRow {
  subject_id: string;
  agency_id: string;
  claim: string;
  failures: number;
  window_ends: Date;
}

export class VerificationLockRepository {
  constructor(
    private readonly db: Queryable,
    private readonly limits: VerificationLimits,
  ) {}

  /** Of these kinds of claim, those refused to this agency about this citizen now. */
  async locked(
    subjectId: string,
    agencyId: string,
    claims: readonly string[],
  ): Promise<Set<string>> {
    const rows = await this.db.query<CounterRow>(
      `SELECT agency_id, claim, failures FROM verification_failure
       WHERE subject_id = $1 AND agency_id IN ($2, '') AND claim = ANY($3)
         AND window_started > now() - make_interval(hours => $4)
       ORDER BY agency_id, claim
       FOR SHARE`,
      [subjectId, agencyId, claims, this.limits.windowHours],
      'verification-locked',
    );
    return new Set(rows.filter((row) => this.isLock(row)).map((row) => row.claim));
  }

  /**
   * Counts one wrong claim of each kind, for the agency and for all agencies;
   * returns the kinds that went past a limit with it (refused, not answered).
   */
  async fail(subjectId: string, agencyId: string, claims: readonly string[]): Promise<Set<string>> {
    const keys = claims.flatMap((claim) => [
      [agencyId, claim],
      [ALL_AGENCIES, claim],
    ]);
    const rows = await this.db.query<CounterRow>(
      `INSERT INTO verification_failure AS f
         (subject_id, agency_id, claim, failures, window_started, last_failure_at)
       SELECT $1, k.agency_id, k.claim, 1, now(), now()
       FROM unnest($2::text[], $3::text[]) AS k (agency_id, claim)
       ORDER BY k.agency_id, k.claim
       ON CONFLICT (subject_id, agency_id, claim) DO UPDATE SET
         failures = CASE WHEN f.window_started > now() - make_interval(hours => $4)
                         THEN f.failures + 1 ELSE 1 END,
         window_started = CASE WHEN f.window_started > now() - make_interval(hours => $4)
                               THEN f.window_started ELSE now() END,
         last_failure_at = now()
       RETURNING agency_id, claim, failures`,
      [
        subjectId,
        keys.map(([agency]) => agency),
        keys.map(([, claim]) => claim),
        this.limits.windowHours,
      ],
      'verification-fail',
    );
    return new Set(rows.filter((row) => this.isBeyond(row)).map((row) => row.claim));
  }

  /** Locks in force, newest first; of one citizen when named. */
  async list(subjectId: string | null, limit: number): Promise<VerificationLock[]> {
    const rows = await this.db.query<CounterRow>(
      `SELECT subject_id, agency_id, claim, failures,
              window_started + make_interval(hours => $2) AS window_ends
       FROM verification_failure
       WHERE ($1::text IS NULL OR subject_id = $1)
         AND window_started > now() - make_interval(hours => $2)
         AND failures >= CASE WHEN agency_id = '' THEN $3::int ELSE $4::int END
       ORDER BY last_failure_at DESC, subject_id, agency_id, claim
       LIMIT $5`,
      [
        subjectId,
        this.limits.windowHours,
        this.limits.failuresPerCitizen,
        this.limits.failuresPerAgency,
        limit,
      ],
    );
    return rows.map((row) => ({
      nationalId: row.subject_id,
      agencyId: row.agency_id === ALL_AGENCIES ? null : row.agency_id,
      claim: row.claim,
      failures: row.failures,
      lockedUntil: row.window_ends,
    }));
  }

  /** Clears the citizen's counters in force (locks and not yet locks alike); returns what they held. */
  async clear(subjectId: string): Promise<ClearedCounter[]> {
    const rows = await this.db.query<CounterRow>(
      `DELETE FROM verification_failure
       WHERE subject_id = $1 AND window_started > now() - make_interval(hours => $2)
       RETURNING agency_id, claim, failures`,
      [subjectId, this.limits.windowHours],
    );
    return rows
      .map((row) => ({
        agencyId: row.agency_id === ALL_AGENCIES ? null : row.agency_id,
        claim: row.claim,
        failures: row.failures,
        locked: this.isLock(row),
      }))
      .sort((a, b) =>
        `${a.agencyId ?? ''}/${a.claim}`.localeCompare(`${b.agencyId ?? ''}/${b.claim}`),
      );
  }

  private limitOf(row: Pick<CounterRow, 'agency_id'>): number {
    return row.agency_id === ALL_AGENCIES
      ? this.limits.failuresPerCitizen
      : this.limits.failuresPerAgency;
  }

  /** The limit is reached: no further claim of this kind is answered. */
  private isLock(row: Pick<CounterRow, 'agency_id' | 'failures'>): boolean {
    return row.failures >= this.limitOf(row);
  }

  /** This failure went past the limit: it is refused, not answered. */
  private isBeyond(row: Pick<CounterRow, 'agency_id' | 'failures'>): boolean {
    return row.failures > this.limitOf(row);
  }
}
