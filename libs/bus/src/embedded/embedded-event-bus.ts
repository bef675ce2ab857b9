// The embedded transport: the bus kept in PostgreSQL, for a single machine
// with no broker. Same semantics as Kafka: partitions by key, offsets per
// consumer group committed after the handler's effect, replay, dead letters.
//
// Offsets are handed out under a row lock on the partition, so within a
// partition they become visible in the order they were assigned and a
// consumer never skips a message that commits late. Consumers wake on
// NOTIFY and also poll, so a lost notification only costs latency.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Database } from '#spean/persistence';
import type {
  BatchHandler,
  ConsumerLag,
  ConsumedMessage,
  EventBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
  TransactionalLog,
} from '../event-bus.port.js';
import { partitionFor } from '../partitioner.js';
import { WorkLoop } from '../work-loop.js';
import {
  EmbeddedBusRepository,
  type PartitionBatch,
  type StoredMessage,
} from './embedded-bus.repository.js';

export interface EmbeddedEventBusOptions {
  database: Database;
  partitions?: number;
  /** How often an idle consumer looks for work when no notification came. */
  pollIntervalMs?: number;
  /** How long a member keeps its partitions without renewing. */
  leaseMs?: number;
  /** Messages older than this, and handled by every group, are deleted (default 7 days). */
  retentionMs?: number;
  logger?: { warn(message: string): void; error(message: string): void };
}

const CHANNEL = 'spean_bus';

export class EmbeddedEventBus implements EventBus {
  readonly transport = 'embedded' as const;
  private readonly repository: EmbeddedBusRepository;
  private readonly partitions: number;
  private readonly subscriptions = new Set<EmbeddedSubscription>();
  private listener?: pg.Client;
  private retentionTimer?: NodeJS.Timeout;
  private closed = false;
  readonly transactionalLog: TransactionalLog;

  constructor(private readonly options: EmbeddedEventBusOptions) {
    this.repository = new EmbeddedBusRepository(options.database);
    this.partitions = options.partitions ?? 6;
    this.transactionalLog = {
      partitionOf: (key) => partitionFor(key, this.partitions),
      appendSelected: (tx, rows) =>
        this.repository.appendSelected(tx, rows, this.partitions, CHANNEL),
      append: (tx, messages) =>
        this.repository.appendIn(tx, this.byPartition(messages), this.partitions, CHANNEL),
    };
  }

  async connect(): Promise<void> {
    this.listener = await this.options.database.dedicatedClient();
    this.listener.on('notification', (note) => {
      for (const subscription of this.subscriptions) subscription.wake(note.payload ?? '');
    });
    // A broken listen connection only slows consumers down to polling.
    this.listener.on('error', (error) =>
      this.options.logger?.warn(`bus listener: ${error.message}`),
    );
    await this.listener.query(`LISTEN ${CHANNEL}`);
    const retentionMs = this.options.retentionMs ?? 7 * 24 * 3600 * 1000;
    this.retentionTimer = setInterval(
      () => void this.expire(retentionMs),
      Math.min(retentionMs, 3600_000),
    );
    this.retentionTimer.unref();
  }

  /** Applies the retention now; the bus also does it on its own, hourly. */
  async expire(retentionMs = this.options.retentionMs ?? 7 * 24 * 3600 * 1000): Promise<number> {
    try {
      return await this.repository.deleteExpired(retentionMs);
    } catch (error) {
      this.options.logger?.warn(`bus retention: ${(error as Error).message}`);
      return 0;
    }
  }

  async ensureTopics(topics: string[]): Promise<void> {
    await this.repository.ensureTopics(topics, this.partitions);
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.repository.append(this.byPartition(messages), this.partitions, CHANNEL);
  }

  /** The messages by partition, in their order within each, the partitions in lock order. */
  private byPartition(messages: readonly OutgoingMessage[]): PartitionBatch[] {
    const byPartition = new Map<string, PartitionBatch>();
    for (const message of messages) {
      const partition = partitionFor(message.key, this.partitions);
      const id = `${message.topic}\u0000${partition}`;
      let group = byPartition.get(id);
      if (!group) byPartition.set(id, (group = { topic: message.topic, partition, items: [] }));
      group.items.push(message);
    }
    // A fixed lock order keeps concurrent publishers from deadlocking.
    return [...byPartition.values()].sort((a, b) =>
      a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
    );
  }

  async subscribe(options: SubscribeOptions, handler: BatchHandler): Promise<Subscription> {
    if (this.closed) throw new Error('The bus is closed');
    await this.repository.ensureTopics(options.topics, this.partitions);
    await this.repository.joinGroup(options.group, options.topics);
    const subscription = new EmbeddedSubscription(
      this.repository,
      options,
      handler,
      {
        pollIntervalMs: this.options.pollIntervalMs ?? 1000,
        leaseMs: this.options.leaseMs ?? 15_000,
        logger: this.options.logger,
      },
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async lag(group: string, topics: string[]): Promise<number> {
    return (await this.repository.consumerLag(group, topics)).messages;
  }

  consumerLag(group: string, topics: string[]): Promise<ConsumerLag> {
    return this.repository.consumerLag(group, topics);
  }

  async isHealthy(): Promise<boolean> {
    return !this.closed && (await this.options.database.isHealthy());
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.retentionTimer);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.listener?.end().catch(() => undefined);
  }
}

interface LoopSettings {
  pollIntervalMs: number;
  leaseMs: number;
  logger?: EmbeddedEventBusOptions['logger'];
}

class EmbeddedSubscription implements Subscription {
  private readonly member = randomUUID();
  private readonly loop: WorkLoop;
  /** When this member last took and renewed its partitions (0: never). */
  private claimedAt = 0;

  constructor(
    private readonly repository: EmbeddedBusRepository,
    private readonly options: SubscribeOptions,
    private readonly handler: BatchHandler,
    private readonly settings: LoopSettings,
    private readonly onClosed: () => void,
  ) {
    this.loop = new WorkLoop((woken) => this.pass(woken), {
      pollIntervalMs: settings.pollIntervalMs,
      firstBackoffMs: 200,
      maxBackoffMs: 5000,
      wakeEndsBackoff: true,
      // Transient: nothing was committed, so the same messages come again.
      onFailure: (error, delay) =>
        settings.logger?.warn(
          `consumer ${options.group}: batch failed, retrying in ${delay} ms: ${describe(error)}`,
        ),
    });
  }

  start(): void {
    this.loop.start();
  }

  wake(topic: string): void {
    if (topic !== '' && !this.options.topics.includes(topic)) return;
    this.loop.wake();
  }

  async close(): Promise<void> {
    if (!this.loop.isRunning) return;
    await this.loop.stop();
    await this.repository.leaveGroup(this.options.group, this.member).catch(() => undefined);
    this.onClosed();
  }

  /**
   * One round over the owned partitions; true when any message was handled.
   * Partitions are taken and their leases renewed on a round the poll started
   * and once a third of the lease has passed (every commit renews those it
   * moves), not on a round a notification started: that is a write, and a
   * message that woke the consumer should not wait for it.
   * What was fetched goes to the handler in calls of up to maxBatchSize
   * messages that span partitions, each partition's messages in offset order,
   * and each call's offsets are committed in one statement — one transaction
   * of the handler for many partitions, so a message behind a busy round
   * waits for a few calls, not for one per partition.
   */
  private async pass(woken: boolean): Promise<boolean> {
    const { leaseMs } = this.settings;
    const maxBatchSize = this.options.maxBatchSize ?? 500;
    if (!woken || Date.now() - this.claimedAt >= leaseMs / 3) {
      const now = Date.now();
      await this.repository.claimPartitions(
        this.options.group,
        this.options.topics,
        this.member,
        leaseMs,
      );
      this.claimedAt = now;
    }
    const fetched = await this.repository.fetch(this.options.group, this.member, maxBatchSize);
    if (fetched.length === 0) return false;
    for (const messages of handlerCalls(fetched, maxBatchSize)) {
      if (!this.loop.isRunning) break;
      // Dead letters are committed past like the rest: the consumer kept them.
      await this.handler(messages);
      const lost = await this.repository.commit(
        this.options.group,
        this.member,
        lastOfEachPartition(messages),
        leaseMs,
      );
      for (const partition of lost)
        this.settings.logger?.warn(
          `consumer ${this.options.group}: lost partition ${partition} to another member`,
        );
    }
    return true;
  }
}

/**
 * Splits what one fetch returned (ordered by topic, partition, offset) into
 * handler calls of at most `max` messages, never splitting a partition's run
 * (each is at most `max` already: the fetch's per-partition limit).
 */
function handlerCalls(messages: StoredMessage[], max: number): StoredMessage[][] {
  const calls: StoredMessage[][] = [];
  let call: StoredMessage[] = [];
  for (let start = 0; start < messages.length;) {
    const first = messages[start]!;
    let end = start + 1;
    while (
      end < messages.length &&
      messages[end]!.topic === first.topic &&
      messages[end]!.partition === first.partition
    )
      end++;
    if (call.length > 0 && call.length + (end - start) > max) {
      calls.push(call);
      call = [];
    }
    call.push(...messages.slice(start, end));
    start = end;
  }
  if (call.length > 0) calls.push(call);
  return calls;
}

/** The last message of each partition in a handler call, whose offset is committed. */
function lastOfEachPartition(messages: ConsumedMessage[]): ConsumedMessage[] {
  const last = new Map<string, ConsumedMessage>();
  for (const message of messages) last.set(`${message.topic}\u0000${message.partition}`, message);
  return [...last.values()];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
