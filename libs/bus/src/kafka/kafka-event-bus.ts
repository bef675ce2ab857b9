// The Kafka transport of the event bus (production; KAFKA_BROKERS set), on
// @platformatic/kafka. Topic per record type, key = subject id, an idempotent
// producer with acks=all, consumer groups with manual commits after the
// handler's effect, and a dead-letter topic per group. The consuming side
// lives in kafka-subscription.ts; this class owns the shared clients.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Admin,
  Consumer,
  FetchIsolationLevels,
  IS_CONTROL,
  ListOffsetTimestamps,
  ProduceAcks,
  Producer,
  compatibilityPartitioner,
  stringSerializer,
} from '@platformatic/kafka';
import type {
  BatchHandler,
  DeadLetter,
  DeadLetterVerdict,
  EventBus,
  OffsetReset,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '../event-bus.port.js';
import { deadLetterTopicFor } from '../topics.js';
import type { BusLogger } from './bus-logger.js';
import { fromDeadLetterRecord, toDeadLetterRecord } from './dead-letter-record.js';
import { KafkaSubscription } from './kafka-subscription.js';
import { saslOptions, type KafkaSasl } from './kafka-sasl.js';

export interface KafkaEventBusOptions {
  brokers: string[];
  clientId: string;
  /** Partitions of topics this bus creates; existing topics keep theirs. */
  partitions?: number;
  logger?: BusLogger;
  /** How long connect() waits for the cluster to answer; 120 s unless set. */
  connectTimeoutMs?: number;
  /** Credentials for a cluster with SASL authentication; none for a development broker. */
  sasl?: KafkaSasl;
}

/** Messages per produce request, and their rough size: the broker refuses batches over ~1 MB. */
const MAX_SEND_MESSAGES = 500;
const MAX_SEND_BYTES = 512 * 1024;
const FETCH_MAX_BYTES = 4 * 1024 * 1024;
/** Waits between produce retries; their count is the number of retries. */
const PRODUCE_RETRY_DELAYS_MS = [100, 200, 400, 800, 1_600, 2_000, 2_000, 2_000];
/** @platformatic/kafka's AuthenticationError.code. */
const AUTHENTICATION_ERROR = 'PLT_KFK_AUTHENTICATION';
const HEALTH_TIMEOUT_MS = 3_000;
const TOPIC_READY_TIMEOUT_MS = 15_000;
/** How long connect() waits for a cluster that is starting, and its backoff. */
const CONNECT_TIMEOUT_MS = 120_000;
const CONNECT_FIRST_BACKOFF_MS = 250;
const CONNECT_MAX_BACKOFF_MS = 2_000;

interface StoredDeadLetter {
  letter: DeadLetter;
  partition: number;
  offset: bigint;
  timestamp: number;
}

export class KafkaEventBus implements EventBus {
  readonly transport = 'kafka' as const;
  private readonly options: KafkaEventBusOptions;
  private readonly partitions: number;
  private producer: Producer<string, Buffer, string, string>;
  private readonly admin: Admin;
  /** Reads dead-letter topics by offset; it never joins its group. */
  private reader: Consumer<string, Buffer, string, string> | null = null;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private closed: Promise<void> | null = null;

  constructor(options: KafkaEventBusOptions) {
    if (options.brokers.length === 0)
      throw new Error('KafkaEventBus needs at least one broker address');
    this.options = options;
    this.partitions = options.partitions ?? 6;
    this.producer = this.createProducer();
    this.admin = new Admin({
      clientId: `${options.clientId}-admin`,
      bootstrapBrokers: options.brokers,
      ...saslOptions(options.sasl),
    });
  }

  /**
   * Waits for the cluster to answer metadata. A broker whose port is open is
   * not necessarily ready (a JVM starting, a controller not yet elected), and
   * apps often start beside it: they wait, with a bounded backoff, instead of
   * giving up after the client's own few retries.
   */
  async connect(): Promise<void> {
    const timeoutMs = this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.admin.metadata({ topics: [], forceUpdate: true });
        if (attempt > 1) this.options.logger?.log(`Kafka at ${this.where()} answers`);
        return;
      } catch (error) {
        if (isAuthenticationFailure(error)) {
          throw new Error(
            `Kafka at ${this.where()} refused the credentials of user "${this.options.sasl?.username ?? ''}" ` +
              `(SASL_AUTHENTICATION_FAILED): check KAFKA_USERNAME and KAFKA_PASSWORD`,
            { cause: error },
          );
        }
        if (Date.now() >= deadline) {
          throw new Error(
            `cannot reach Kafka at ${this.where()} within ${timeoutMs / 1000} s: ${explain(error)}`,
            { cause: error },
          );
        }
        if (attempt === 1) {
          this.options.logger?.warn(
            `Kafka at ${this.where()} is not ready (${explain(error)}); waiting up to ${timeoutMs / 1000} s`,
          );
        }
        await sleep(
          Math.min(CONNECT_FIRST_BACKOFF_MS * 2 ** (attempt - 1), CONNECT_MAX_BACKOFF_MS),
        );
      }
    }
  }

  async ensureTopics(topics: string[]): Promise<void> {
    await this.createTopics(topics, this.partitions);
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    // Chunks go one after another, so a key's order holds across them.
    for (const chunk of chunksOf(messages)) {
      const producer = this.producer;
      try {
        await producer.send({
          messages: chunk.map((m) => ({
            topic: m.topic,
            key: m.key,
            value: m.value,
            headers: m.headers,
          })),
        });
      } catch (error) {
        this.replaceProducer(producer);
        throw new Error(`publishing ${chunk.length} message(s) failed: ${explain(error)}`, {
          cause: error,
        });
      }
    }
  }

  async subscribe(options: SubscribeOptions, handler: BatchHandler): Promise<Subscription> {
    // Topics are created here too, so a consumer may start before the
    // adapter that publishes to them ever ran.
    await this.ensureTopics(options.topics);
    // One partition: the dead letters of a group stay in the order they failed.
    await this.createTopics([deadLetterTopicFor(options.group)], 1);
    const subscription = new KafkaSubscription({
      brokers: this.options.brokers,
      sasl: this.options.sasl,
      clientId: `${this.options.clientId}-${options.group}`,
      group: options.group,
      topics: options.topics,
      maxBatchSize: options.maxBatchSize ?? 500,
      handler,
      writeDeadLetters: (group, verdicts) => this.writeDeadLetters(group, verdicts),
      logger: this.options.logger,
    });
    await subscription.start();
    this.subscriptions.add(subscription);
    const close = subscription.close.bind(subscription);
    return {
      close: async () => {
        this.subscriptions.delete(subscription);
        await close();
      },
    };
  }

  async listDeadLetters(group: string, options: { limit?: number } = {}): Promise<DeadLetter[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const topic = deadLetterTopicFor(group);
    if (limit <= 0 || !(await this.admin.listTopics()).includes(topic)) return [];
    const reader = this.deadLetterReader();
    const metadata = await reader.metadata({ topics: [topic], forceUpdate: true });
    const info = metadata.topics.get(topic)!;
    const [starts, ends] = await Promise.all(
      [ListOffsetTimestamps.EARLIEST, ListOffsetTimestamps.LATEST].map(async (timestamp) =>
        (await reader.listOffsets({ topics: [topic], timestamp })).get(topic)!,
      ),
    );
    const letters: StoredDeadLetter[] = [];
    for (let partition = 0; partition < info.partitionsCount; partition++) {
      // Oldest first within a partition, so each needs to give at most `limit`.
      letters.push(
        ...(await this.readDeadLetters(reader, group, {
          topic,
          topicId: info.id,
          partition,
          leader: info.partitions[partition]!.leader,
          from: starts[partition]!,
          to: ends[partition]!,
          limit,
        })),
      );
    }
    // Only a topic created elsewhere with several partitions needs this.
    letters.sort(
      (a, b) =>
        a.timestamp - b.timestamp || a.partition - b.partition || (a.offset < b.offset ? -1 : 1),
    );
    return letters.slice(0, limit).map((each) => each.letter);
  }

  async lag(group: string, topics: string[]): Promise<number> {
    const existing = new Set(await this.admin.listTopics());
    const names = [...new Set(topics)].filter((topic) => existing.has(topic));
    if (names.length === 0) return 0;
    const metadata = await this.admin.metadata({ topics: names, forceUpdate: true });
    const partitionsOf = (name: string): number[] =>
      Array.from({ length: metadata.topics.get(name)!.partitionsCount }, (_, index) => index);
    const offsets = async (timestamp: bigint): Promise<Map<string, bigint>> => {
      const listed = await this.admin.listOffsets({
        topics: names.map((name) => ({
          name,
          partitions: partitionsOf(name).map((partitionIndex) => ({ partitionIndex, timestamp })),
        })),
      });
      return new Map(
        listed.flatMap((topic) =>
          topic.partitions.map((p) => [`${topic.name}/${p.partitionIndex}`, p.offset] as const),
        ),
      );
    };
    const [starts, ends, [committed]] = await Promise.all([
      offsets(ListOffsetTimestamps.EARLIEST),
      offsets(ListOffsetTimestamps.LATEST),
      this.admin.listConsumerGroupOffsets({
        groups: [
          {
            groupId: group,
            topics: names.map((name) => ({ name, partitionIndexes: partitionsOf(name) })),
          },
        ],
      }),
    ]);
    // Kafka commits the next offset to read; -1 means the group never committed there.
    const next = new Map<string, bigint>();
    for (const topic of committed?.topics ?? []) {
      for (const p of topic.partitions)
        next.set(`${topic.name}/${p.partitionIndex}`, p.committedOffset);
    }
    let lag = 0n;
    for (const [partition, end] of ends) {
      const start = starts.get(partition) ?? 0n;
      const position = next.get(partition) ?? -1n;
      const from = position < start ? start : position;
      if (end > from) lag += end - from;
    }
    return Number(lag);
  }

  async resetOffsets(group: string, topics: string[], reset: OffsetReset): Promise<void> {
    if (topics.length === 0) return;
    const metadata = await this.admin.metadata({ topics: [...topics], forceUpdate: true });
    const timestamp =
      reset.to === 'earliest' ? ListOffsetTimestamps.EARLIEST : ListOffsetTimestamps.LATEST;
    const listed = await this.admin.listOffsets({
      topics: topics.map((name) => ({
        name,
        partitions: Array.from(
          { length: metadata.topics.get(name)!.partitionsCount },
          (_, partitionIndex) => ({
            partitionIndex,
            timestamp,
          }),
        ),
      })),
    });
    try {
      await this.admin.alterConsumerGroupOffsets({
        groupId: group,
        topics: listed.map((topic) => ({
          name: topic.name,
          partitionOffsets: topic.partitions.map((p) => ({
            partition: p.partitionIndex,
            offset: p.offset,
          })),
        })),
      });
    } catch (error) {
      throw new Error(
        `resetting the offsets of group ${group} failed (a group with live members cannot be reset): ${explain(error)}`,
        { cause: error },
      );
    }
  }

  async isHealthy(): Promise<boolean> {
    const answered = this.admin.metadata({ topics: [], forceUpdate: true }).then(
      () => true,
      () => false,
    );
    const timedOut = sleep(HEALTH_TIMEOUT_MS, false, { ref: false });
    return Promise.race([answered, timedOut]);
  }

  close(): Promise<void> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    // Subscriptions first: their last batch may still write dead letters.
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    await Promise.all([this.producer.close(), this.admin.close(), this.reader?.close()]);
  }

  // ------------------------------------------------------------ internals

  private where(): string {
    return this.options.brokers.join(',');
  }

  private createProducer(): Producer<string, Buffer, string, string> {
    return new Producer<string, Buffer, string, string>({
      clientId: this.options.clientId,
      bootstrapBrokers: this.options.brokers,
      ...saslOptions(this.options.sasl),
      idempotent: true,
      acks: ProduceAcks.ALL,
      // Left unset, an idempotent producer retries forever: a publish to a
      // missing topic or a lost cluster would never return. About 9 s here.
      retries: PRODUCE_RETRY_DELAYS_MS.length,
      retryDelay: (_client, _operation, attempt) =>
        PRODUCE_RETRY_DELAYS_MS[Math.min(attempt, PRODUCE_RETRY_DELAYS_MS.length - 1)]!,
      // Java's partitioner (positive murmur2): Java producers and the embedded
      // transport place a subject's records in the same partition.
      partitioner: compatibilityPartitioner,
      serializers: {
        key: stringSerializer,
        headerKey: stringSerializer,
        headerValue: stringSerializer,
      },
      autocreateTopics: false,
    });
  }

  /**
   * After a failed send the broker may hold a batch whose sequence numbers the
   * client never counted; reusing them would make it discard the next batch as
   * a duplicate. A new producer gets a new producer id and starts afresh.
   */
  private replaceProducer(failed: Producer<string, Buffer, string, string>): void {
    if (this.producer !== failed || this.closed) return;
    this.producer = this.createProducer();
    failed.close().catch(() => {});
  }

  private async createTopics(topics: string[], partitions: number): Promise<void> {
    const wanted = [...new Set(topics)];
    if (wanted.length === 0) return;
    const existing = new Set(await this.admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      try {
        // replicas -1: the cluster's default.replication.factor.
        await this.admin.createTopics({ topics: missing, partitions, replicas: -1 });
      } catch (error) {
        // Every app creates the topics it touches, so on a fresh cluster they
        // race: "already exists" is success. The topic may not be in the
        // broker's metadata yet (the controller answers first), so nothing is
        // listed again here; waitForLeaders below waits for it to show.
        const refusals = protocolErrorsIn(error).filter((e) => e.apiCode !== TOPIC_ALREADY_EXISTS);
        if (refusals.length > 0 || protocolErrorsIn(error).length === 0) {
          throw new Error(`creating topics ${missing.join(', ')} failed: ${explain(error)}`, {
            cause: error,
          });
        }
      }
    }
    await this.waitForLeaders(wanted);
  }

  /** A topic just created has no partition leaders for a moment; producing then fails. */
  private async waitForLeaders(topics: string[]): Promise<void> {
    const deadline = Date.now() + TOPIC_READY_TIMEOUT_MS;
    for (;;) {
      try {
        const metadata = await this.admin.metadata({ topics: [...topics], forceUpdate: true });
        const ready = topics.every((topic) => {
          const info = metadata.topics.get(topic);
          return (
            info !== undefined &&
            info.partitions.length > 0 &&
            info.partitions.every((p) => p.leader >= 0)
          );
        });
        if (ready) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader yet`);
      await sleep(50);
    }
  }

  /** Reads records [from, to) of one partition with plain fetches: no group, no commits. */
  private async readDeadLetters(
    reader: Consumer<string, Buffer, string, string>,
    group: string,
    at: {
      topic: string;
      topicId: string;
      partition: number;
      leader: number;
      from: bigint;
      to: bigint;
      limit: number;
    },
  ): Promise<StoredDeadLetter[]> {
    const letters: StoredDeadLetter[] = [];
    let next = at.from;
    while (next < at.to && letters.length < at.limit) {
      const response = await reader.fetch({
        node: at.leader,
        topics: [
          {
            topicId: at.topicId,
            partitions: [
              {
                partition: at.partition,
                fetchOffset: next,
                partitionMaxBytes: FETCH_MAX_BYTES,
                currentLeaderEpoch: -1,
                lastFetchedEpoch: -1,
              },
            ],
          },
        ],
        maxWaitTime: 100,
        maxBytes: FETCH_MAX_BYTES,
        isolationLevel: FetchIsolationLevels.READ_COMMITTED,
      });
      const answer = response.responses[0]?.partitions[0];
      if (!answer || answer.errorCode !== 0) {
        throw new Error(
          `reading ${at.topic}[${at.partition}] at offset ${next} failed (error code ${answer?.errorCode})`,
        );
      }
      const batches = answer.records ?? [];
      if (batches.length === 0) break;
      for (const batch of batches) {
        // Control batches (transaction markers) only move the offset.
        if ((batch.attributes & IS_CONTROL) !== 0) continue;
        for (const record of batch.records) {
          const offset = batch.firstOffset + BigInt(record.offsetDelta);
          if (offset < next || offset >= at.to || letters.length >= at.limit) continue;
          const timestamp = Number(batch.firstTimestamp + record.timestampDelta);
          const headers: Record<string, string> = {};
          for (const [name, value] of record.headers) {
            if (name) headers[name.toString('utf8')] = value?.toString('utf8') ?? '';
          }
          const letter = fromDeadLetterRecord(group, {
            key: record.key?.toString('utf8') ?? '',
            value: record.value ?? Buffer.alloc(0),
            headers,
            timestamp: new Date(timestamp),
          });
          letters.push({ letter, partition: at.partition, offset, timestamp });
        }
      }
      const last = batches.at(-1)!;
      next = last.firstOffset + BigInt(last.lastOffsetDelta) + 1n;
    }
    return letters;
  }

  private async writeDeadLetters(group: string, verdicts: DeadLetterVerdict[]): Promise<void> {
    const topic = deadLetterTopicFor(group);
    const failedAt = new Date();
    await this.publish(
      verdicts.map((verdict) => ({ topic, ...toDeadLetterRecord(verdict, failedAt) })),
    );
  }

  private deadLetterReader(): Consumer<string, Buffer, string, string> {
    this.reader ??= new Consumer<string, Buffer, string, string>({
      clientId: `${this.options.clientId}-dead-letters`,
      bootstrapBrokers: this.options.brokers,
      ...saslOptions(this.options.sasl),
      groupId: `${this.options.clientId}-dead-letter-reader`,
      autocommit: false,
    });
    return this.reader;
  }
}

function* chunksOf(messages: OutgoingMessage[]): Generator<OutgoingMessage[]> {
  let chunk: OutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    let size = Buffer.byteLength(message.key) + message.value.length;
    for (const [name, value] of Object.entries(message.headers ?? {}))
      size += name.length + value.length;
    if (chunk.length > 0 && (chunk.length >= MAX_SEND_MESSAGES || bytes + size > MAX_SEND_BYTES)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}

/** Kafka's error code for a CreateTopics entry naming a topic that exists. */
const TOPIC_ALREADY_EXISTS = 36;

interface KafkaProtocolError {
  apiCode: number;
  apiId?: string;
  message: string;
}

/** The broker's per-item answers inside the library's nested error (retries, responses). */
function protocolErrorsIn(error: unknown): KafkaProtocolError[] {
  return errorsWithin(error).filter(
    (each): each is KafkaProtocolError =>
      typeof (each as { apiCode?: unknown }).apiCode === 'number',
  );
}

/** The error, its inner errors and their causes: the library wraps the broker's reason deep down. */
function errorsWithin(error: unknown, seen = new Set<unknown>()): object[] {
  if (typeof error !== 'object' || error === null || seen.has(error)) return [];
  seen.add(error);
  const found: object[] = [error];
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner)) for (const each of inner) found.push(...errorsWithin(each, seen));
  found.push(...errorsWithin((error as { cause?: unknown }).cause, seen));
  return found;
}

/** The broker refused the credentials: waiting or retrying will not change that. */
function isAuthenticationFailure(error: unknown): boolean {
  return errorsWithin(error).some(
    (each) =>
      (each as { code?: unknown }).code === AUTHENTICATION_ERROR ||
      (each as { apiId?: unknown }).apiId === 'SASL_AUTHENTICATION_FAILED',
  );
}

/** The library's outer message ("Producing messages failed.") names no reason; the broker's do. */
function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reasons = [...new Set(protocolErrorsIn(error).map((e) => `${e.apiId ?? e.apiCode}`))];
  if (isAuthenticationFailure(error) && !reasons.includes('SASL_AUTHENTICATION_FAILED'))
    reasons.push('SASL_AUTHENTICATION_FAILED');
  return reasons.length > 0 ? `${message} (${reasons.join(', ')})` : message;
}
