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
} from '../event-bus.port.js';
import { partitionFor } from '../partitioner.js';
import { WorkLoop } from '../work-loop.js';
import { EmbeddedBusRepository, type StoredMessage } from './embedded-bus.repository.js';

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

  constructor(private readonly options: EmbeddedEventBusOptions) {
    this.repository = new EmbeddedBusRepository(options.database);
    this.partitions = options.partitions ?? 6;
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
    const byPartition = new Map<
      string,
      { topic: string; partition: number; items: OutgoingMessage[] }
    >();
    for (const message of messages) {
      const partition = partitionFor(message.key, this.partitions);
      const id = `${message.topic}\u0000${partition}`;
      let group = byPartition.get(id);
      if (!group) byPartition.set(id, (group = { topic: message.topic, partition, items: [] }));
      group.items.push(message);
    }
    // A fixed lock order keeps concurrent publishers from deadlocking.
    const groups = [...byPartition.values()].sort((a, b) =>
      a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
    );
    await this.repository.append(groups, this.partitions, CHANNEL);
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

  constructor(
    private readonly repository: EmbeddedBusRepository,
    private readonly options: SubscribeOptions,
    private readonly handler: BatchHandler,
    private readonly settings: LoopSettings,
    private readonly onClosed: () => void,
  ) {
    this.loop = new WorkLoop(() => this.pass(), {
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

  /** One round over the owned partitions; true when any message was handled. */
  private async pass(): Promise<boolean> {
    const leaseMs = this.settings.leaseMs;
    await this.repository.claimPartitions(
      this.options.group,
      this.options.topics,
      this.member,
      leaseMs,
    );
    const fetched = await this.repository.fetch(
      this.options.group,
      this.member,
      this.options.maxBatchSize ?? 500,
    );
    if (fetched.length === 0) return false;
    for (const batch of byPartition(fetched)) {
      if (!this.loop.isRunning) break;
      const messages = batch.map(toConsumed);
      // Dead letters are committed past like the rest: the consumer kept them.
      await this.handler(messages);
      const last = messages[messages.length - 1]!;
      const kept = await this.repository.commit(this.options.group, this.member, last, leaseMs);
      if (!kept) {
        this.settings.logger?.warn(
          `consumer ${this.options.group}: lost partition ${last.topic}/${last.partition} to another member`,
        );
      }
    }
    return true;
  }
}

function byPartition(messages: StoredMessage[]): StoredMessage[][] {
  const batches = new Map<string, StoredMessage[]>();
  for (const message of messages) {
    const id = `${message.topic}\u0000${message.partition}`;
    const batch = batches.get(id);
    if (batch) batch.push(message);
    else batches.set(id, [message]);
  }
  return [...batches.values()];
}

function toConsumed(message: StoredMessage): ConsumedMessage {
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers,
    timestamp: message.published_at,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
