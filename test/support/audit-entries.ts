// The audit entries a spec's actions leave, read back from the log's table:
// take the last sequence number, act, then read what came after it.
import type { Queryable } from '#spean/persistence';

export interface AuditEntryRow {
  kind: string;
  actorClient: string;
  actorAgency: string;
  subjectId: string | null;
  purpose: string | null;
  details: Record<string, unknown>;
}

/** The sequence number of the newest entry, 0 when the log is empty. */
export async function lastAuditSeq(db: Queryable): Promise<number> {
  const [row] = await db.query<{ seq: number }>(
    `SELECT coalesce(max(seq), 0)::int AS seq FROM audit_entry`,
  );
  return row!.seq;
}

/** The entries of these kinds written after `since`, oldest first. */
export function auditEntriesSince(
  db: Queryable,
  kinds: readonly string[],
  since: number,
): Promise<AuditEntryRow[]> {
  return db.query<AuditEntryRow>(
    `SELECT kind, actor_client AS "actorClient", actor_agency AS "actorAgency", subject_id AS "subjectId",
            purpose, details
       FROM audit_entry WHERE kind = ANY($1) AND seq > $2 ORDER BY seq`,
    [kinds, since],
  );
}
