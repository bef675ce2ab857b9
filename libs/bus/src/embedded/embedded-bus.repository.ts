// SQL of the embedded bus. Every statement the transport runs is here.
import type { Database, Queryable } from '#spean/persistence';
import type { ConsumedMessage, ConsumerLag, OutgoingMessage } from '../event-bus.port.js';

/** A message as the bus table holds it: read as consumers receive it (published_at is its timestamp). */
export type StoredMessage = ConsumedMessage;

export interface PartitionBatch {
  topic: string;
  partition: number;
  items: OutgoingMessage[];
}

export class EmbeddedBusRepository {
  constructor(private readonly db: Database) {}

  async ensureTopics(topics: string[], partitions: number): Promise<void> {
    await this.createPartitions(this.db, topics, partitions);
  }

  /**
   * Appends each partition's messages and wakes the consumers of their
   * topics. One statement per partition takes the partition's offsets (its
   * row lock, held until commit, is what keeps offsets visible in order),
   * inserts the messages and queues the notification, which PostgreSQL sends
   * at commit. A batch for one partition — a lone record, most intake — is
   * that one statement and its own transaction: one round trip where a
   * transaction of separate statements took five, and a lone record's
   * latency is mostly round trips. A partition row missing (a topic never
   * ensured) inserts nothing: the partition is created and its batch appended
   * again (appendIn).
   */
  async append(batches: PartitionBatch[], partitions: number, channel: string): Promise<void> {
    if (batches.length === 1) return this.appendIn(this.db, batches, partitions, channel);
    // Several partitions in one transaction: their notifications reach listeners once per topic.
    await this.db.transaction((tx) => this.appendIn(tx, batches, partitions, channel));
  }

  /**
   * Appends in `tx` (the caller's transaction for TransactionalLog.append; the
   * pool for one partition's batch alone): a partition not created yet is
   * created there, and its batch appended then.
   */
  async appendIn(
    tx: Queryable,
    batches: readonly PartitionBatch[],
    partitions: number,
    channel: string,
  ): Promise<void> {
    for (const batch of batches) {
      if (await this.appendBatch(tx, batch, channel)) continue;
      await this.createPartitions(tx, [batch.topic], partitions);
      if (!(await this.appendBatch(tx, batch, channel)))
        throw new Error('appending to the bus found no partition to append to');
    }
  }

  /** Appends one partition's messages in `tx`; false, with nothing appended, when the partition does not exist. */
  private async appendBatch(
    tx: Queryable,
    batch: PartitionBatch,
    channel: string,
  ): Promise<boolean> {
    const [row] = await tx.query<{ appended: number }>(
      `WITH taken AS (
         UPDATE bus_partition SET next_offset = next_offset + $3
         WHERE topic = $1 AND partition = $2 RETURNING next_offset - $3 AS first
       ), appended AS (
         INSERT INTO bus_message (topic, partition, "offset", key, value, headers)
         SELECT $1, $2, taken.first + n - 1, k, v, h
         FROM taken, unnest($4::text[], $5::bytea[], $6::jsonb[]) WITH ORDINALITY AS m(k, v, h, n)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM appended)::int AS appended, pg_notify($7, $1)`,
      [
        batch.topic,
        batch.partition,
        batch.items.length,
        batch.items.map((item) => item.key),
        batch.items.map((item) => item.value),
        batch.items.map((item) => JSON.stringify(item.headers ?? {})),
        channel,
      ],
      'spean-bus-append',
    );
    return row!.appended === batch.items.length;
  }

  /** Creates the topics' partitions that do not exist yet, in `tx`. */
  private async createPartitions(
    tx: Queryable,
    topics: readonly string[],
    partitions: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO bus_partition (topic, partition)
       SELECT t, p FROM unnest($1::text[]) t CROSS JOIN generate_series(0, $2 - 1) p
       ON CONFLICT DO NOTHING`,
      [[...new Set(topics)], partitions],
    );
  }

  /**
   * Appends the messages `rows` selects (see TransactionalLog) in the
   * caller's transaction: counts them per partition, takes each partition's
   * offsets — locking the partition rows in publish()'s order (topic by code
   * unit, then partition), so a concurrent publisher waits rather than
   * deadlocks — and inserts them from `rows` again, numbered in `seq` order,
   * with one notification per topic, sent at commit. A partition not created
   * yet (a topic never ensured) is created first, in the same transaction.
   */
  async appendSelected(
    tx: Queryable,
    rows: string,
    partitions: number,
    channel: string,
  ): Promise<number> {
    const counts = await tx.query<{ topic: string; partition: number; n: number }>(
      `SELECT topic, partition, count(*)::int AS n FROM (${rows}) r
       GROUP BY topic, partition ORDER BY topic COLLATE "C", partition`,
    );
    if (counts.length === 0) return 0;
    const topics = counts.map((c) => c.topic);
    const numbers = counts.map((c) => c.partition);
    const take = (): Promise<Array<{ topic: string; partition: number; first: string }>> =>
      tx.query(
        `WITH locked AS (
           SELECT p.topic, p.partition, x.n FROM bus_partition p
           JOIN unnest($1::text[], $2::int[], $3::bigint[]) AS x(topic, partition, n)
             ON p.topic = x.topic AND p.partition = x.partition
           ORDER BY p.topic COLLATE "C", p.partition
           FOR UPDATE OF p)
         UPDATE bus_partition p SET next_offset = p.next_offset + l.n
         FROM locked l WHERE p.topic = l.topic AND p.partition = l.partition
         RETURNING p.topic, p.partition, (p.next_offset - l.n)::text AS first`,
        [topics, numbers, counts.map((c) => c.n)],
      );
    let taken = await take();
    if (taken.length < counts.length) {
      if (taken.length > 0)
        throw new Error('appending to the bus found some of its partitions missing');
      await this.createPartitions(tx, topics, partitions);
      taken = await take();
      if (taken.length < counts.length)
        throw new Error('appending to the bus found no partition to append to');
    }
    const [appended] = await tx.query<{ count: number }>(
      `WITH appended AS (
         INSERT INTO bus_message (topic, partition, "offset", key, value, headers)
         SELECT r.topic, r.partition,
                o.first + row_number() OVER (PARTITION BY r.topic, r.partition ORDER BY r.seq) - 1,
                r.key, r.value, r.headers
         FROM (${rows}) r
         JOIN unnest($1::text[], $2::int[], $3::bigint[]) AS o(topic, partition, first)
           ON o.topic = r.topic AND o.partition = r.partition
         RETURNING 1)
       SELECT (SELECT count(*) FROM appended)::int AS count,
              (SELECT count(pg_notify($4, t)) FROM unnest($5::text[]) t) AS notified`,
      [
        taken.map((t) => t.topic),
        taken.map((t) => t.partition),
        taken.map((t) => t.first),
        channel,
        [...new Set(topics)],
      ],
    );
    const expected = counts.reduce((sum, c) => sum + c.n, 0);
    if (appended!.count !== expected)
      throw new Error(`appending to the bus wrote ${appended!.count} of ${expected} messages`);
    return expected;
  }

  async joinGroup(group: string, topics: string[]): Promise<void> {
    await this.db.query(
      `INSERT INTO bus_group_offset (group_id, topic, partition)
       SELECT $1, topic, partition FROM bus_partition WHERE topic = ANY($2::text[])
       ON CONFLICT DO NOTHING`,
      [group, topics],
    );
  }

  /** Takes every partition that is free or whose owner stopped renewing, and renews our own. */
  async claimPartitions(
    group: string,
    topics: string[],
    member: string,
    leaseMs: number,
  ): Promise<void> {
    await this.db.query(
      `UPDATE bus_group_offset
       SET owner = $3, lease_until = now() + make_interval(secs => $4::double precision / 1000)
       WHERE group_id = $1 AND topic = ANY($2::text[])
         AND (owner IS NULL OR owner = $3 OR lease_until < now())`,
      [group, topics, member, leaseMs],
    );
  }

  async fetch(group: string, member: string, perPartition: number): Promise<StoredMessage[]> {
    return this.db.query<StoredMessage>(
      `SELECT m.topic, m.partition, m."offset", m.key, m.value, m.headers, m.published_at AS timestamp
       FROM bus_group_offset g
       CROSS JOIN LATERAL (
         SELECT * FROM bus_message m
         WHERE m.topic = g.topic AND m.partition = g.partition AND m."offset" > g.committed_offset
         ORDER BY m."offset" LIMIT $3
       ) m
       WHERE g.group_id = $1 AND g.owner = $2
       ORDER BY m.topic, m.partition, m."offset"`,
      [group, member, perPartition],
    );
  }

  /**
   * Moves each partition's offset past the last message handled of it (dead
   * letters included) and renews its lease, in one statement; returns the
   * partitions whose lease was lost to another member ("topic/partition").
   */
  async commit(
    group: string,
    member: string,
    lasts: readonly ConsumedMessage[],
    leaseMs: number,
  ): Promise<string[]> {
    // Dead letters are kept in the dead-letter store, not here, so nothing
    // else has to change with the offsets.
    const moved = await this.db.query<{ topic: string; partition: number }>(
      `UPDATE bus_group_offset g
       SET committed_offset = x.committed,
           lease_until = now() + make_interval(secs => $6::double precision / 1000)
       FROM unnest($3::text[], $4::int[], $5::bigint[]) AS x(topic, partition, committed)
       WHERE g.group_id = $1 AND g.owner = $2 AND g.topic = x.topic AND g.partition = x.partition
       RETURNING g.topic, g.partition`,
      [
        group,
        member,
        lasts.map((last) => last.topic),
        lasts.map((last) => last.partition),
        lasts.map((last) => last.offset),
        leaseMs,
      ],
      'spean-bus-commit',
    );
    const kept = new Set(moved.map((row) => `${row.topic}/${row.partition}`));
    return lasts
      .map((last) => `${last.topic}/${last.partition}`)
      .filter((partition) => !kept.has(partition));
  }

  /**
   * Deletes messages older than the retention that every consumer group has
   * already committed past, so no group loses a message it has not handled
   * (unlike Kafka, which deletes by age alone). Returns how many were deleted.
   */
  async deleteExpired(retentionMs: number): Promise<number> {
    const deleted = await this.db.query(
      `WITH floor AS (
         SELECT topic, partition, min(committed_offset) AS committed
         FROM bus_group_offset GROUP BY topic, partition
       )
       DELETE FROM bus_message m
       USING floor f
       WHERE m.topic = f.topic AND m.partition = f.partition AND m."offset" <= f.committed
         AND m.published_at < now() - make_interval(secs => $1::double precision / 1000)
       RETURNING 1`,
      [retentionMs],
    );
    return deleted.length;
  }

  async leaveGroup(group: string, member: string): Promise<void> {
    await this.db.query(
      `UPDATE bus_group_offset SET owner = NULL, lease_until = NULL WHERE group_id = $1 AND owner = $2`,
      [group, member],
    );
  }

  /**
   * Messages not yet committed by the group, summed over the topics'
   * partitions, and the publish time of the oldest of them. A partition the
   * group has never committed in counts from its oldest kept message:
   * retention may have deleted older ones, which no consumer will ever be
   * handed. The oldest is read by primary key, one row per partition behind.
   */
  async consumerLag(group: string, topics: string[]): Promise<ConsumerLag> {
    const [row] = await this.db.query<{ messages: string; oldest: Date | null }>(
      `WITH position AS (
         SELECT p.topic, p.partition, p.next_offset,
                greatest(
                  coalesce(g.committed_offset, -1) + 1,
                  coalesce((SELECT min(m."offset") FROM bus_message m
                            WHERE m.topic = p.topic AND m.partition = p.partition), p.next_offset)
                ) AS next_unconsumed
         FROM bus_partition p
         LEFT JOIN bus_group_offset g
           ON g.group_id = $1 AND g.topic = p.topic AND g.partition = p.partition
         WHERE p.topic = ANY($2::text[]))
       SELECT coalesce(sum(greatest(next_offset - next_unconsumed, 0)), 0)::text AS messages,
              min((SELECT m.published_at FROM bus_message m
                    WHERE m.topic = q.topic AND m.partition = q.partition
                      AND m."offset" >= q.next_unconsumed
                    ORDER BY m."offset" LIMIT 1))
                FILTER (WHERE q.next_unconsumed < q.next_offset) AS oldest
       FROM position q`,
      [group, topics],
    );
    return { messages: Number(row!.messages), oldestUnconsumedAt: row!.oldest ?? null };
  }
}
