// SQL of the dead-letter store. Every statement on table dead_letter is here.
import type { DeadLetterVerdict } from '#spean/bus';
import type { Database } from '#spean/persistence';
import {
  DEAD_LETTER_REPLAY_CHANNEL,
  type DeadLetterCounts,
  type DeadLetterDimension,
  type DeadLetterFilter,
  type DeadLetterMetadata,
  type DeadLetterStatus,
  type DeadLetterSummary,
  type OpenDeadLetterCount,
  type PendingReplay,
  type RefusedRecordCount,
} from './dead-letter.js';

/** A verdict with what it says about itself, ready to store. */
export interface DeadLetterEntry {
  verdict: DeadLetterVerdict;
  code: string;
  metadata: DeadLetterMetadata;
}

/** What became of one replayed letter: applied, or failed again with a new verdict. */
export interface ReplayOutcome {
  resolved: PendingReplay[];
  failedAgain: Array<{ letter: PendingReplay; code: string; reason: string }>;
}

/** Advisory-lock class of replays; the second key is the group's hash. */
const REPLAY_LOCK = 7424712;

export class DeadLetterRepository {
  constructor(private readonly db: Database) {}

  /**
   * One row per message and group: a message that fails again (redelivered,
   * or replayed by a reset) updates its row and is open again, with the
   * newest reason.
   */
  async record(group: string, entries: DeadLetterEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const messages = entries.map((entry) => entry.verdict.message);
    await this.db.query(
      `INSERT INTO dead_letter AS d
         (group_id, topic, partition, "offset", message_key, value, headers, published_at,
          record_type, schema_version, source, record_id, event_id, code, reason)
       SELECT $1, t, p, o, k, v, h, pa, rt, sv, s, ri, ei, c, r
       FROM unnest($2::text[], $3::int[], $4::bigint[], $5::text[], $6::bytea[], $7::jsonb[],
                   $8::timestamptz[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[],
                   $14::text[], $15::text[])
         AS m(t, p, o, k, v, h, pa, rt, sv, s, ri, ei, c, r)
       ON CONFLICT (group_id, topic, partition, "offset") DO UPDATE SET
         attempts = d.attempts + 1,
         last_failed_at = now(),
         code = EXCLUDED.code,
         reason = EXCLUDED.reason,
         status = 'open',
         resolved_at = NULL`,
      [
        group,
        messages.map((m) => m.topic),
        messages.map((m) => m.partition),
        messages.map((m) => m.offset),
        messages.map((m) => m.key),
        messages.map((m) => m.value),
        messages.map((m) => JSON.stringify(m.headers ?? {})),
        messages.map((m) => (isValidDate(m.timestamp) ? m.timestamp : null)),
        entries.map((e) => e.metadata.recordType),
        entries.map((e) => e.metadata.schemaVersion),
        entries.map((e) => e.metadata.source),
        entries.map((e) => e.metadata.recordId),
        entries.map((e) => e.metadata.eventId),
        entries.map((e) => e.code),
        entries.map((e) => e.verdict.reason),
      ],
    );
  }

  async list(
    filter: DeadLetterFilter & { status: DeadLetterStatus },
    page: { limit: number; offset: number },
  ): Promise<DeadLetterSummary[]> {
    const where = conditions(filter);
    where.add(`status = $${where.params.push(filter.status)}`);
    const limit = where.params.push(page.limit);
    const offset = where.params.push(page.offset);
    // Columns aliased to the summary's own names: a row is a DeadLetterSummary.
    const rows = await this.db.query<DeadLetterSummary>(
      `SELECT id, group_id AS "group", topic, partition, record_type AS "recordType",
              schema_version AS "schemaVersion", source, record_id AS "recordId", event_id AS "eventId",
              code, reason, attempts, status, first_failed_at AS "firstFailedAt",
              last_failed_at AS "lastFailedAt", replay_requested_at AS "replayRequestedAt",
              resolved_at AS "resolvedAt"
       FROM dead_letter
       WHERE ${where.sql()}
       ORDER BY last_failed_at DESC, id DESC
       LIMIT $${limit} OFFSET $${offset}`,
      where.params,
    );
    return rows;
  }

  async countOpen(): Promise<OpenDeadLetterCount[]> {
    return this.db.query<OpenDeadLetterCount>(
      `SELECT group_id AS "group", code, count(*)::int AS count
       FROM dead_letter WHERE status = 'open'
       GROUP BY group_id, code ORDER BY group_id, code`,
    );
  }

  /** Open letters of one code, every group, with their bytes and headers; oldest first. */
  async openOfCode(
    code: string,
    limit: number,
    afterId = '0',
  ): Promise<Array<{ id: string; value: Buffer; headers: Record<string, string> }>> {
    return this.db.query(
      `SELECT id::text AS id, value, headers FROM dead_letter
       WHERE status = 'open' AND code = $1 AND id > $3::bigint ORDER BY id LIMIT $2`,
      [code, limit, afterId],
    );
  }

  /** Replaces a letter's headers (e.g. with a signature added); its bytes never change. */
  async replaceHeaders(id: string, headers: Record<string, string>): Promise<void> {
    await this.db.query(`UPDATE dead_letter SET headers = $2 WHERE id = $1::bigint`, [
      id,
      JSON.stringify(headers),
    ]);
  }

  /** Open letters with one of these codes, by claimed source, topic, partition and code. */
  async countRefused(codes: readonly string[]): Promise<RefusedRecordCount[]> {
    return this.db.query<RefusedRecordCount>(
      `SELECT source AS "claimedSource", topic, partition, code, count(*)::int AS count,
              array_agg(DISTINCT group_id ORDER BY group_id) AS groups,
              max(last_failed_at) AS "lastFailedAt"
       FROM dead_letter WHERE status = 'open' AND code = ANY($1::text[])
       GROUP BY source, topic, partition, code
       ORDER BY source NULLS FIRST, topic, partition, code`,
      [codes],
    );
  }

  /**
   * Marks the matching open letters for replay and tells each affected
   * group's consumers, in one transaction: the notification is delivered only
   * once the marks are visible.
   */
  async requestReplay(
    selection: DeadLetterFilter & { ids?: string[] },
    requestedBy?: { actor: string; reason: string },
  ): Promise<Array<{ group: string; requested: number }>> {
    return this.db.transaction(async (tx) => {
      const where = conditions(selection);
      where.add(`status = 'open'`);
      if (selection.ids) where.add(`id = ANY($${where.params.push(selection.ids)}::bigint[])`);
      const groups = await tx.query<{ group: string; requested: number }>(
        `WITH marked AS (
           UPDATE dead_letter SET replay_requested_at = now()
           WHERE ${where.sql()}
           RETURNING group_id
         )
         SELECT group_id AS "group", count(*)::int AS requested
         FROM marked GROUP BY group_id ORDER BY group_id`,
        where.params,
      );
      if (requestedBy) {
        // Who asked for which replay, and why: a replay changes the read model.
        await tx.query(
          `INSERT INTO dead_letter_replay_request (actor, reason, selection, requested) VALUES ($1, $2, $3, $4)`,
          [
            requestedBy.actor,
            requestedBy.reason,
            JSON.stringify(selection),
            groups.reduce((sum, group) => sum + group.requested, 0),
          ],
        );
      }
      if (groups.length > 0) {
        await tx.query(`SELECT pg_notify($1, g) FROM unnest($2::text[]) g`, [
          DEAD_LETTER_REPLAY_CHANNEL,
          groups.map((row) => row.group),
        ]);
      }
      return groups;
    });
  }

  /**
   * The letters of a selection counted in one aggregate: one pass over the
   * matching rows, grouped four ways at once (GROUPING SETS), plus the total.
   * GROUPING(...) says which set a row belongs to: its bit is 1 for each
   * column the row does not group by (group_id the highest bit). With status
   * 'open' this counts exactly what requestReplay would mark for the same
   * selection, which is how a replay's dry run is counted.
   */
  async countSelection(
    selection: DeadLetterFilter & { status: DeadLetterStatus; ids?: string[] },
  ): Promise<DeadLetterCounts> {
    const where = conditions(selection);
    where.add(`status = $${where.params.push(selection.status)}`);
    if (selection.ids) where.add(`id = ANY($${where.params.push(selection.ids)}::bigint[])`);
    const rows = await this.db.query<{
      dimension: DeadLetterDimension | 'total';
      value: string | null;
      count: number;
    }>(
      `SELECT CASE GROUPING(group_id, source, record_type, code)
                WHEN 7 THEN 'group' WHEN 11 THEN 'source' WHEN 13 THEN 'recordType'
                WHEN 14 THEN 'code' ELSE 'total' END AS dimension,
              CASE GROUPING(group_id, source, record_type, code)
                WHEN 7 THEN group_id WHEN 11 THEN source WHEN 13 THEN record_type
                WHEN 14 THEN code END AS value,
              count(*)::int AS count
       FROM dead_letter WHERE ${where.sql()}
       GROUP BY GROUPING SETS ((group_id), (source), (record_type), (code), ())
       ORDER BY count DESC, value NULLS LAST`,
      where.params,
    );
    const counts: DeadLetterCounts = {
      total: 0,
      by: { group: [], source: [], recordType: [], code: [] },
    };
    for (const row of rows) {
      if (row.dimension === 'total') counts.total = row.count;
      else counts.by[row.dimension].push({ value: row.value, count: row.count });
    }
    return counts;
  }

  /** A group's pending replays, in offset order within each partition. */
  async pendingReplays(group: string, limit: number): Promise<PendingReplay[]> {
    const rows = await this.db.query<{
      id: string;
      requested_at: string;
      topic: string;
      partition: number;
      offset: string;
      message_key: string;
      value: Buffer;
      headers: Record<string, string>;
      published_at: Date | null;
      first_failed_at: Date;
    }>(
      `SELECT id, replay_requested_at::text AS requested_at, topic, partition, "offset",
              message_key, value, headers, published_at, first_failed_at
       FROM dead_letter
       WHERE group_id = $1 AND replay_requested_at IS NOT NULL AND status = 'open'
       ORDER BY topic, partition, "offset"
       LIMIT $2`,
      [group, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      requestedAt: row.requested_at,
      message: {
        topic: row.topic,
        partition: row.partition,
        offset: row.offset,
        key: row.message_key,
        value: row.value,
        headers: row.headers,
        timestamp: row.published_at ?? row.first_failed_at,
      },
    }));
  }

  /**
   * Settles one replayed batch. Applied letters are resolved for good. A
   * letter that failed again stays open with the new verdict; its replay mark
   * is cleared unless someone asked again while it was being replayed.
   */
  async settleReplay(outcome: ReplayOutcome): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (outcome.resolved.length > 0) {
        await tx.query(
          `UPDATE dead_letter
           SET status = 'resolved', resolved_at = now(), replay_requested_at = NULL
           WHERE id = ANY($1::bigint[]) AND status = 'open'`,
          [outcome.resolved.map((letter) => letter.id)],
        );
      }
      if (outcome.failedAgain.length > 0) {
        await tx.query(
          `UPDATE dead_letter d SET
             attempts = d.attempts + 1,
             last_failed_at = now(),
             code = f.code,
             reason = f.reason,
             replay_requested_at = CASE
               WHEN d.replay_requested_at = f.requested_at::timestamptz THEN NULL
               ELSE d.replay_requested_at END
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS f(id, code, reason, requested_at)
           WHERE d.id = f.id AND d.status = 'open'`,
          [
            outcome.failedAgain.map((failed) => failed.letter.id),
            outcome.failedAgain.map((failed) => failed.code),
            outcome.failedAgain.map((failed) => failed.reason),
            outcome.failedAgain.map((failed) => failed.letter.requestedAt),
          ],
        );
      }
    });
  }

  /**
   * Runs work while holding the group's replay lock, or not at all (false) if
   * another member — in this process or another — holds it: two members
   * replaying the same letters would apply them twice.
   */
  async withReplayLock(group: string, work: () => Promise<void>): Promise<boolean> {
    const client = await this.db.pool.connect();
    let broken = false;
    try {
      const [row] = (
        await client.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`,
          [REPLAY_LOCK, group],
        )
      ).rows;
      if (!row?.locked) return false;
      try {
        await work();
        return true;
      } finally {
        await client
          .query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [REPLAY_LOCK, group])
          .catch(() => {
            // A session that cannot unlock must not go back to the pool still holding the lock.
            broken = true;
          });
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** WHERE clauses for the optional filter fields, with their parameters. */
function conditions(filter: DeadLetterFilter): {
  params: unknown[];
  add(condition: string): void;
  sql(): string;
} {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const columns: Array<[Exclude<keyof DeadLetterFilter, 'adapters'>, string]> = [
    ['group', 'group_id'],
    ['recordType', 'record_type'],
    ['code', 'code'],
    ['source', 'source'],
  ];
  for (const [field, column] of columns) {
    const value = filter[field];
    if (value !== undefined) clauses.push(`${column} = $${params.push(value)}`);
  }
  if (filter.adapters !== undefined) {
    const own = params.push(filter.adapters);
    clauses.push(`(group_id = ANY($${own}::text[]) OR source = ANY($${own}::text[]))`);
  }
  return {
    params,
    add: (condition) => clauses.push(condition),
    sql: () => (clauses.length > 0 ? clauses.join(' AND ') : 'true'),
  };
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
