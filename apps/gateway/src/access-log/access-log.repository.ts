// The citizen's view of the audit log: every lookup of, verification about and
// audit of their record, every lookup of another citizen that disclosed them as
// a related party, and every refused attempt at these, newest first, a page at a time (by seq, so a page
// never shifts while entries are appended). An entry under a purpose disclosed
// later (details.discloseAfter) is left out of the citizen's view until then.
import type { Person } from '#spean/access';
import type { Queryable } from '#spean/persistence';
import type { AccessQuestion } from '../access-question/access-question.repository.js';

export const CITIZEN_VISIBLE_KINDS = [
  'lookup',
  /** A steward's preview of what an agency would see (preview/ in the gateway). */
  'lookup-preview',
  'verification',
  'access-log-read',
  'related-party-disclosure',
  /** An auditor read audit entries about the citizen (audit/ in the gateway). */
  'audit-read',
] as const;

export interface AccessLogEntry {
  seq: number;
  at: Date;
  kind: string;
  agencyId: string;
  agencyName: string | null;
  clientName: string | null;
  /** The role of the client that asked: a citizen client is not named to another citizen. */
  clientRole: string | null;
  /** The person who acted through the client, if one signed in or was named. */
  person: Person | null;
  purpose: string | null;
  purposeTitle: string | null;
  details: Record<string, unknown>;
  /** The citizen's question about this entry, and its answer once given. */
  question: AccessQuestion | null;
}

// The entries of citizen $1's log (kinds $2), as shown at the time in parameter
// `at` (null: all, as auditors see them).
const shown = (at: string) => `e.subject_id = $1 AND e.kind = ANY($2)
  AND (${at}::timestamptz IS NULL OR NOT e.details ? 'discloseAfter'
       OR (e.details->>'discloseAfter')::timestamptz <= ${at})`;

export class AccessLogRepository {
  constructor(private readonly db: Queryable) {}

  /** Whether the citizen's log shows this entry at this time (what a citizen may question). */
  async shows(subjectId: string, seq: number, disclosedBy: Date): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM audit_entry e WHERE ${shown('$3')} AND e.seq = $4`,
      [subjectId, CITIZEN_VISIBLE_KINDS, disclosedBy, seq],
    );
    return rows.length === 1;
  }

  async page(
    subjectId: string,
    beforeSeq: number | null,
    limit: number,
    /** The citizen's view at this time: entries not yet to be disclosed are left out. Null: all (auditors). */
    disclosedBy: Date | null,
  ): Promise<AccessLogEntry[]> {
    const rows = await this.db.query<{
      seq: string;
      at: Date;
      kind: string;
      actor_agency: string;
      agency_name: string | null;
      client_name: string | null;
      client_role: string | null;
      actor_person: Person | null;
      purpose: string | null;
      purpose_title: string | null;
      details: Record<string, unknown> | null;
      question_id: string | null;
      question_reason: string | null;
      question_asked_at: Date | null;
      question_answer: string | null;
      question_answered_at: Date | null;
    }>(
      `SELECT e.seq, e.at, e.kind, e.actor_agency, a.name AS agency_name, c.name AS client_name,
              c.role AS client_role, e.actor_person,
              e.purpose, p.title AS purpose_title, e.details,
              q.id AS question_id, q.reason AS question_reason, q.asked_at AS question_asked_at,
              q.answer AS question_answer, q.answered_at AS question_answered_at
       FROM audit_entry e
       LEFT JOIN agency a ON a.id = e.actor_agency
       LEFT JOIN client c ON c.client_id = e.actor_client
       LEFT JOIN purpose p ON p.code = e.purpose
       LEFT JOIN access_question q ON q.entry_seq = e.seq
       WHERE ${shown('$5')} AND ($3::bigint IS NULL OR e.seq < $3)
       ORDER BY e.seq DESC
       LIMIT $4`,
      [subjectId, CITIZEN_VISIBLE_KINDS, beforeSeq, limit, disclosedBy],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      kind: row.kind,
      agencyId: row.actor_agency,
      agencyName: row.agency_name,
      clientName: row.client_name,
      clientRole: row.client_role,
      person: row.actor_person,
      purpose: row.purpose,
      purposeTitle: row.purpose_title,
      details: row.details ?? {},
      question: row.question_id
        ? {
            id: row.question_id,
            entrySeq: Number(row.seq),
            subjectId,
            reason: row.question_reason!,
            askedAt: row.question_asked_at!,
            answer: row.question_answer,
            answeredAt: row.question_answered_at,
          }
        : null,
    }));
  }
}
