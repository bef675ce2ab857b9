// SQL of an adapter's outbox (the table's meaning is in its migration): what
// the adapter has kept and promised to the bus, until the bus acknowledges it.
// Every statement takes a whole batch (arrays, one round trip), like the store.
import type { EventBus, OutgoingMessage } from '#spean/bus';
import type { Database, Queryable } from '#spean/persistence';

export interface OutboxEntry {
  /** bigint, as a decimal string. */
  id: string;
  message: OutgoingMessage;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

const LEASE = `now() + make_interval(secs => $%::double precision / 1000)`;
const lease = (param: number): string => LEASE.replace('%', String(param));

export class OutboxRepository {
  constructor(
    private readonly db: Database,
    readonly adapter: string,
  ) {}

  /**
   * Adds the messages in the caller's transaction, leased to the caller for
   * `leaseMs` so it can send them itself the moment it commits. A message
   * whose key already has an older message waiting is not leased: it is the
   * relay's, which sends a key's messages oldest first. Ids come back in the
   * order of `messages` (one INSERT … SELECT, in ordinality order).
   */
  async add(
    tx: Queryable,
    messages: readonly OutgoingMessage[],
    leaseMs: number,
  ): Promise<{ leased: OutboxEntry[]; waiting: number }> {
    if (messages.length === 0) return { leased: [], waiting: 0 };
    const rows = await tx.query<{ id: string; leased: boolean }>(
      `INSERT INTO adapter_outbox (adapter, topic, message_key, value, headers, claimed_until)
       SELECT $1, t, k, v, h,
              CASE WHEN EXISTS (SELECT 1 FROM adapter_outbox w WHERE w.adapter = $1 AND w.message_key = k)
                   THEN NULL ELSE ${lease(6)} END
       FROM unnest($2::text[], $3::text[], $4::bytea[], $5::jsonb[]) WITH ORDINALITY AS m(t, k, v, h, n)
       ORDER BY n
       RETURNING id, claimed_until IS NOT NULL AS leased`,
      [
        this.adapter,
        messages.map((message) => message.topic),
        messages.map((message) => message.key),
        messages.map((message) => message.value),
        messages.map((message) => JSON.stringify(message.headers ?? {})),
        leaseMs,
      ],
    );
    const leased: OutboxEntry[] = [];
    rows.forEach((row, i) => {
      if (row.leased) leased.push({ id: row.id, message: messages[i]! });
    });
    return { leased, waiting: rows.length - leased.length };
  }

  /** Which of these keys have a message of this adapter waiting (read in `tx`). */
  async waitingKeys(tx: Queryable, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await tx.query<{ key: string }>(
      `SELECT DISTINCT message_key AS key FROM adapter_outbox
       WHERE adapter = $1 AND message_key = ANY($2::text[])`,
      [this.adapter, [...new Set(keys)]],
    );
    return new Set(rows.map((row) => row.key));
  }

  /**
   * The relay's take: up to `limit` messages nobody holds, oldest first,
   * leased to the relay. A message is skipped while an older one of its key is
   * held by someone else (a publisher sending it now), so a key's messages
   * never overtake each other. One relay per adapter at a time takes (an
   * advisory lock), so two relays never split one key between them; the row
   * locks wait for a publisher deleting or releasing a row to finish, so what
   * is read is what that publisher left.
   */
  async claim(limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    const rows = await this.db.transaction(async (tx) => {
      const [lock] = await tx.query<{ taken: boolean }>(
        `SELECT pg_try_advisory_xact_lock(hashtext('adapter_outbox'), hashtext($1)) AS taken`,
        [this.adapter],
      );
      if (!lock?.taken) return [];
      return tx.query<OutboxRow>(
        `UPDATE adapter_outbox o SET claimed_until = ${lease(3)}
         FROM (
           SELECT c.id FROM adapter_outbox c
           WHERE c.adapter = $1 AND (c.claimed_until IS NULL OR c.claimed_until < now())
             AND NOT EXISTS (
               SELECT 1 FROM adapter_outbox e
               WHERE e.adapter = c.adapter AND e.message_key = c.message_key AND e.id < c.id
                 AND e.claimed_until >= now())
           ORDER BY c.id LIMIT $2
           FOR UPDATE
         ) picked
         WHERE o.id = picked.id
         RETURNING o.id, o.topic, o.message_key AS key, o.value, o.headers`,
        [this.adapter, limit, leaseMs],
      );
    });
    return rows
      .sort((a, b) => compareIds(a.id, b.id))
      .map((row) => ({
        id: row.id,
        message: { topic: row.topic, key: row.key, value: row.value, headers: row.headers },
      }));
  }

  /** Gives messages back (the bus refused them) for the relay to take at once. */
  async release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE adapter_outbox SET claimed_until = NULL WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  /** Forgets messages the bus has acknowledged. */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(`DELETE FROM adapter_outbox WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Messages kept before the adapter signed what it publishes (no signature header), after the row `after`. */
  async unsigned(
    limit: number,
    after = '0',
  ): Promise<Array<{ id: string; value: Buffer; headers: Record<string, string> }>> {
    return this.db.query(
      `SELECT id::text AS id, value, headers FROM adapter_outbox
       WHERE adapter = $1 AND NOT (headers ? 'signature') AND id > $3::bigint ORDER BY id LIMIT $2`,
      [this.adapter, limit, after],
    );
  }

  /** Replaces a waiting message's headers (with a signature added); its bytes never change. */
  async replaceHeaders(id: string, headers: Record<string, string>): Promise<void> {
    await this.db.query(
      `UPDATE adapter_outbox SET headers = $2 WHERE id = $1::bigint AND adapter = $3`,
      [id, JSON.stringify(headers), this.adapter],
    );
  }

  /** How many messages of this adapter wait for the bus. */
  async depth(): Promise<number> {
    const [row] = await this.db.query<{ depth: number }>(
      `SELECT count(*)::int AS depth FROM adapter_outbox WHERE adapter = $1`,
      [this.adapter],
    );
    return row?.depth ?? 0;
  }
}

function compareIds(a: string, b: string): number {
  return a.length === b.length ? (a < b ? -1 : a > b ? 1 : 0) : a.length - b.length;
}

/**
 * Sends leased outbox rows and forgets them once the bus acknowledges; if the
 * bus refuses, gives their lease back (for the relay) and throws. The one
 * delivery of both the publisher's fast path and the relay. If forgetting
 * fails the rows stay and are sent again when their lease lapses: a
 * duplicate, which consumers absorb by version, never a loss.
 */
export async function deliver(
  bus: EventBus,
  outbox: OutboxRepository,
  entries: readonly OutboxEntry[],
  /** Told once the bus has acknowledged, before the rows are forgotten. */
  onAcknowledged?: () => void,
): Promise<void> {
  const ids = entries.map((entry) => entry.id);
  try {
    await bus.publish(entries.map((entry) => entry.message));
  } catch (error) {
    await outbox.release(ids).catch(() => undefined);
    throw error;
  }
  onAcknowledged?.();
  await outbox.remove(ids);
}
