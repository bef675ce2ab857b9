// One consumer-group member of the Kafka transport. The client library's
// stream fetches ahead; this class turns what it yields into per-partition
// lanes and hands the handler one batch at a time, gathered across the lanes
// up to the batch size (each lane an equal share first), each partition's
// messages in offset order: one handler call (for the read model, one
// transaction) serves many partitions, so a topic spread over dozens of
// partitions is not applied a few records at a time.
//
// The rules that keep delivery at least once and in order:
// - a partition's offset is committed only after the handler resolved and its
//   dead letters are on the dead-letter topic;
// - a batch whose handler threw goes back to the head of each lane it came
//   from; each such lane is retried on its own after a back-off, before
//   anything later from that partition, so one bad partition cannot hold the
//   others back;
// - handler calls never overlap, so handlers need not be safe for concurrent
//   use (a record that changed owner may sit in two partitions);
// - on a rebalance, messages of partitions this member lost are dropped: the
//   new owner reads them from the committed offset;
// - if the stream fails, everything not yet handled is dropped and a fresh
//   consumer starts again from the committed offsets.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Consumer,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  stringDeserializer,
  type GroupAssignment,
  type Message,
  type MessagesStream,
} from '@platformatic/kafka';
import type { BatchHandler, ConsumedMessage, Subscription } from '../event-bus.port.js';
import type { BusLogger } from './bus-logger.js';
import { fairShares } from './fair-shares.js';
import { saslOptions, type KafkaSasl } from './kafka-sasl.js';

type KafkaMessage = Message<string, Buffer, string, string>;

interface Entry {
  message: ConsumedMessage;
  offset: bigint;
  /** Commits this message's offset + 1 with the partition's leader epoch. */
  commit: () => void | Promise<void>;
}

/** One lane's share of a batch. */
interface Part {
  lane: Lane;
  entries: Entry[];
}

interface Lane {
  topic: string;
  partition: number;
  /** Fetched and not yet handed over, in offset order. */
  queue: Entry[];
  /** One past the highest offset taken in: a rejoin refetches from the committed offset. */
  nextOffset: bigint;
  /** A batch whose handler threw; it goes first when retryAt has passed. */
  failed: Entry[] | null;
  attempts: number;
  retryAt: number;
}

export interface KafkaSubscriptionSettings {
  brokers: string[];
  sasl?: KafkaSasl;
  clientId: string;
  group: string;
  topics: string[];
  maxBatchSize: number;
  handler: BatchHandler;
  logger?: BusLogger;
}

const FIRST_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 5_000;
/**
 * Waits between attempts to rebuild a lost consumer. Capped low: while the
 * broker is away each attempt fails at once (connection refused), and once it
 * is back the next attempt should come within a second, not after a long
 * doubling sleep.
 */
const FIRST_RECONNECT_MS = 100;
const MAX_RECONNECT_MS = 1_000;

/**
 * How this member keeps its place in the group. A member that vanished
 * without leaving (kill -9, a crash, a lost machine) holds its partitions
 * until its session times out, so a restarted app applied nothing for that
 * long: 10 s (the Java client's long-time default) rather than 30 s, with a
 * heartbeat every second so a busy event loop has several chances per session.
 */
export const GROUP_MEMBERSHIP = {
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  rebalanceTimeout: 60_000,
} as const;

function backoffMs(attempt: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(attempt - 1, 0), MAX_BACKOFF_MS);
}

function reconnectMs(attempt: number): number {
  return Math.min(FIRST_RECONNECT_MS * 2 ** Math.max(attempt - 1, 0), MAX_RECONNECT_MS);
}

export class KafkaSubscription implements Subscription {
  private readonly settings: KafkaSubscriptionSettings;
  /** Bounds memory while a lane is stuck retrying: the stream is not read past this. */
  private readonly maxInHand: number;
  private consumer: Consumer<string, Buffer, string, string> | null = null;
  /** The group's name for this member, kept across rebuilt consumers (see open()). */
  private memberId: string | null = null;
  private stream: MessagesStream<string, Buffer, string, string> | null = null;
  private readonly lanes = new Map<string, Lane>();
  private lastServed = '';
  private closing = false;
  private closed: Promise<void> | null = null;
  private readonly stopSignal = new AbortController();
  private restarting = false;
  private restarted: Promise<void> = Promise.resolve();
  private worker: Promise<void> = Promise.resolve();
  /** The last batch's commits, answered or not (handle() does not wait for them). */
  private committing: Promise<void> = Promise.resolve();
  private wakeWorker: (() => void) | null = null;
  private idle = true;
  private idleWaiters: (() => void)[] = [];

  constructor(settings: KafkaSubscriptionSettings) {
    this.settings = settings;
    this.maxInHand = Math.max(1_000, settings.maxBatchSize * 4);
  }

  /** Joins the group; resolves once partitions are assigned and fetching began. */
  async start(): Promise<void> {
    await this.open();
    this.worker = this.work();
  }

  close(): Promise<void> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    this.closing = true;
    this.stopSignal.abort();
    this.wakeWorker?.();
    await this.worker;
    await this.restarted;
    await this.closeConsumer();
  }

  // ------------------------------------------------------------ the consumer

  private async open(): Promise<void> {
    const { brokers, sasl, clientId, group, topics } = this.settings;
    const consumer = new Consumer<string, Buffer, string, string>({
      clientId,
      bootstrapBrokers: brokers,
      ...saslOptions(sasl),
      groupId: group,
      autocommit: false,
      deserializers: {
        key: stringDeserializer,
        headerKey: stringDeserializer,
        headerValue: stringDeserializer,
      },
      ...GROUP_MEMBERSHIP,
      // A restarted broker answers "coordinator loading" for a moment: retry
      // that briefly and often instead of 3 times a second apart.
      retries: 12,
      retryDelay: 250,
      // Bounds how long a close waits for the long-poll in flight.
      maxWaitTime: 500,
      // The library's defaults (50 MB per fetch and per partition) let one
      // response turn into more parsed messages than a batch needs, all in
      // memory at once; these are the Java client's per-partition default and
      // a fetch total that still fills many batches.
      maxBytes: 16 * 1024 * 1024,
      maxBytesPerPartition: 1024 * 1024,
    });
    // Rejoining under the member id the group knows makes the coordinator
    // treat this as the same member coming back, so the rebalance completes at
    // once. A new member instead waits for the old one's session to expire: a
    // broker restart restores the group with its members, so that was a
    // 30 s stall (sessionTimeout) after every broker restart. An id the group
    // no longer knows is answered UNKNOWN_MEMBER_ID and the library joins anew.
    if (this.memberId) consumer.memberId = this.memberId;
    consumer.on('consumer:group:join', (payload) => {
      this.memberId = payload.memberId;
      this.dropRevoked(payload.assignments ?? []);
    });
    // The library reports a failed rejoin as an 'error' event; unheard, it would crash the process.
    consumer.on('error', (error: Error) => {
      if (this.consumer === consumer) this.restart(error);
    });
    let stream: MessagesStream<string, Buffer, string, string>;
    try {
      stream = await consumer.consume({
        topics: [...topics],
        mode: MessagesStreamModes.COMMITTED,
        fallbackMode: MessagesStreamFallbackModes.EARLIEST,
        autocommit: false,
      });
    } catch (error) {
      await consumer.close().catch(() => {});
      throw error;
    }
    this.consumer = consumer;
    this.stream = stream;
    stream.on('readable', () => this.pull());
    stream.on('error', (error: Error) => this.restart(error));
    stream.on('close', () => {
      if (this.stream === stream) this.restart(new Error('the message stream closed'));
    });
  }

  private async closeConsumer(): Promise<void> {
    // What was applied is committed before the member leaves (never rejects).
    await this.committing;
    const { stream, consumer } = this;
    this.stream = null;
    this.consumer = null;
    try {
      await stream?.close();
    } catch (error) {
      this.settings.logger?.warn(
        `kafka group ${this.settings.group}: closing the stream: ${explain(error)}`,
      );
    }
    try {
      // Leaving the group lets the other members take the partitions at once.
      await consumer?.close();
    } catch (error) {
      this.settings.logger?.warn(
        `kafka group ${this.settings.group}: leaving the group: ${explain(error)}`,
      );
    }
  }

  private restart(error: unknown): void {
    if (this.closing || this.restarting) return;
    this.settings.logger?.error(
      `kafka group ${this.settings.group}: consumer failed (${explain(error)}); reconnecting`,
    );
    this.restarting = true;
    this.restarted = this.reopen().finally(() => {
      this.restarting = false;
      this.wakeWorker?.();
    });
  }

  private async reopen(): Promise<void> {
    // The batch in hand finishes first (the worker takes no new one while
    // restarting); the rest is refetched from the committed offsets.
    this.wakeWorker?.();
    await this.workerIdle();
    this.lanes.clear();
    await this.closeConsumer();
    for (let attempt = 1; !this.closing; attempt++) {
      try {
        await sleep(reconnectMs(attempt), undefined, { signal: this.stopSignal.signal });
        await this.open();
        if (this.closing) await this.closeConsumer();
        return;
      } catch (error) {
        if (this.closing) return;
        this.settings.logger?.warn(
          `kafka group ${this.settings.group}: reconnect failed: ${explain(error)}`,
        );
      }
    }
  }

  // ------------------------------------------------------------ intake

  private pull(): void {
    const stream = this.stream;
    if (!stream || this.closing || this.restarting) return;
    let inHand = this.inHand();
    while (inHand < this.maxInHand) {
      const raw = stream.read() as KafkaMessage | null;
      if (raw === null) break;
      if (this.accept(raw)) inHand++;
    }
    this.wakeWorker?.();
  }

  private accept(raw: KafkaMessage): boolean {
    // Buffered before a rebalance took the partition away: its new owner has it.
    if (!this.isAssigned(raw.topic, raw.partition)) return false;
    const id = laneId(raw.topic, raw.partition);
    let lane = this.lanes.get(id);
    if (!lane) {
      lane = {
        topic: raw.topic,
        partition: raw.partition,
        queue: [],
        nextOffset: raw.offset,
        failed: null,
        attempts: 0,
        retryAt: 0,
      };
      this.lanes.set(id, lane);
    }
    // A rejoin makes the stream fetch again from the committed offset.
    if (raw.offset < lane.nextOffset) return false;
    lane.nextOffset = raw.offset + 1n;
    lane.queue.push({
      message: toConsumedMessage(raw),
      offset: raw.offset,
      commit: () => raw.commit(),
    });
    return true;
  }

  private isAssigned(topic: string, partition: number): boolean {
    const assignments = this.consumer?.assignments;
    if (!assignments) return true;
    return assignments.some((a) => a.topic === topic && a.partitions.includes(partition));
  }

  private dropRevoked(assignments: GroupAssignment[]): void {
    for (const [id, lane] of this.lanes) {
      const kept = assignments.some(
        (a) => a.topic === lane.topic && a.partitions.includes(lane.partition),
      );
      if (!kept) this.lanes.delete(id);
    }
  }

  private inHand(): number {
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.queue.length + (lane.failed?.length ?? 0);
    return count;
  }

  // ------------------------------------------------------------ the worker

  private async work(): Promise<void> {
    while (!this.closing) {
      const batch = this.restarting ? undefined : this.nextBatch();
      if (!batch) {
        this.setIdle(true);
        await this.waitForWork();
        continue;
      }
      this.setIdle(false);
      await this.handle(batch);
      this.pull();
    }
    this.setIdle(true);
  }

  private setIdle(idle: boolean): void {
    this.idle = idle;
    if (idle) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private workerIdle(): Promise<void> {
    return this.idle ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * The next batch: a failed batch whose back-off has passed, alone; otherwise
   * up to maxBatchSize messages from the lanes with nothing failed, each lane
   * an equal share first (fair-shares.ts), starting after the lane served
   * last so no partition is always first.
   */
  private nextBatch(): Part[] | undefined {
    const now = Date.now();
    const ids = [...this.lanes.keys()];
    const start = ids.indexOf(this.lastServed) + 1;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[(start + i) % ids.length]!;
      const lane = this.lanes.get(id)!;
      if (lane.failed && lane.retryAt <= now) {
        this.lastServed = id;
        const entries = lane.failed;
        lane.failed = null;
        return [{ lane, entries }];
      }
    }
    const ready: Lane[] = [];
    for (let i = 0; i < ids.length; i++) {
      const lane = this.lanes.get(ids[(start + i) % ids.length]!)!;
      if (!lane.failed && lane.queue.length > 0) ready.push(lane);
    }
    const shares = fairShares(
      ready.map((lane) => lane.queue.length),
      this.settings.maxBatchSize,
    );
    const parts: Part[] = [];
    ready.forEach((lane, i) => {
      if (shares[i] === 0) return;
      parts.push({ lane, entries: lane.queue.splice(0, shares[i]) });
      this.lastServed = laneId(lane.topic, lane.partition);
    });
    return parts.length > 0 ? parts : undefined;
  }

  private async waitForWork(): Promise<void> {
    let soonest = Number.POSITIVE_INFINITY;
    for (const lane of this.lanes.values())
      if (lane.failed) soonest = Math.min(soonest, lane.retryAt);
    await new Promise<void>((resolve) => {
      const timer = Number.isFinite(soonest)
        ? setTimeout(resolve, Math.max(soonest - Date.now(), 0))
        : undefined;
      this.wakeWorker = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeWorker = null;
  }

  private async handle(parts: Part[]): Promise<void> {
    const { group, handler, logger } = this.settings;
    const where = `kafka group ${group}, ${describe(parts)}`;
    try {
      // Dead letters are committed past like the rest: the consumer kept them (its dead_letter store).
      await handler(parts.flatMap((part) => part.entries.map((e) => e.message)));
    } catch (error) {
      let attempts = 0;
      for (const { lane, entries } of parts) {
        // A lane revoked meanwhile is gone: its new owner reads from the committed offset.
        if (this.lanes.get(laneId(lane.topic, lane.partition)) !== lane) continue;
        lane.attempts++;
        lane.failed = entries;
        lane.retryAt = Date.now() + backoffMs(lane.attempts);
        attempts = Math.max(attempts, lane.attempts);
      }
      logger?.warn(
        `${where}: not applied (attempt ${attempts}, retrying in ${backoffMs(attempts)} ms): ${explain(error)}`,
      );
      return;
    }
    for (const { lane } of parts) lane.attempts = 0;
    // The library merges commits requested together into one request. The
    // next batch does not wait for it: a commit is a round trip to the group
    // coordinator, and a death waiting behind this batch should not wait for
    // that too. Commits on one connection are answered in order, so a
    // partition's committed offset never goes back; the consumer is closed
    // only once they are answered.
    const commits = Promise.allSettled(parts.map((part) => part.entries.at(-1)!.commit()));
    this.committing = commits.then((results) => {
      const failed = results.find((c): c is PromiseRejectedResult => c.status === 'rejected');
      // The batch is applied, so it is not retried; a later commit covers it,
      // and at worst a restart delivers it once more.
      if (failed)
        logger?.warn(`${where}: applied but the commit failed: ${explain(failed.reason)}`);
    });
  }
}

/** Names a batch's partitions and offsets for a log line. */
function describe(parts: Part[]): string {
  const shown = parts.slice(0, 3).map(({ lane, entries }) => {
    return `${lane.topic}[${lane.partition}] offsets ${entries[0]!.offset}-${entries.at(-1)!.offset}`;
  });
  const more = parts.length > 3 ? ` and ${parts.length - 3} more partitions` : '';
  return shown.join(', ') + more;
}

function laneId(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

function toConsumedMessage(raw: KafkaMessage): ConsumedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of raw.headers) headers[name] = value ?? '';
  return {
    topic: raw.topic,
    partition: raw.partition,
    offset: raw.offset.toString(),
    // Null keys and values (tombstones, foreign producers) arrive as undefined.
    key: raw.key ?? '',
    value: raw.value ?? Buffer.alloc(0),
    headers,
    timestamp: new Date(Number(raw.timestamp)),
  };
}

function explain(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
