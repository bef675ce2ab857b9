// The event-bus port: the one behaviour both transports (Kafka and the embedded
// Postgres log) promise. Application code depends on this file only.
//
// Semantics every transport keeps:
// - a message's key picks its partition, so messages with one key are consumed
//   in the order they were published;
// - publish() resolves only once the messages are durable;
// - delivery is at least once: a consumer group's offset moves only after the
//   handler's promise resolves (its effect is durable), so a crash or a thrown
//   error replays the batch — handlers must be idempotent;
// - a message the handler reports as unappliable goes to the group's dead
//   letters with the reason, and consumption continues past it;
// - a group that has never committed starts at the beginning of the log;
// - offsets can be reset for replay.
import type { Queryable } from '#spean/persistence';

export interface OutgoingMessage {
  topic: string;
  /** Partition key; for canonical records the subject's national id. */
  key: string;
  value: Buffer;
  headers?: Record<string, string>;
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  /** Decimal string: Kafka offsets are 64-bit. */
  offset: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
  timestamp: Date;
}

export interface DeadLetterVerdict {
  message: ConsumedMessage;
  /** A sentence a steward understands; never quotes payload values. */
  reason: string;
  /** A short stable code for counting and filtering, e.g. schema-invalid, unknown-schema-version. */
  code?: string;
}

/**
 * What a handler returns for a batch: every message not named in deadLetters
 * counts as applied. A dead letter is committed past like an applied message;
 * the transport keeps no copy of it (the consumer keeps it where stewards see
 * and replay it: the dead_letter store, see #spean/dead-letters). Throwing means "not now" (a transient fault): nothing in
 * the batch is committed and it is delivered again after a back-off.
 */
export interface BatchOutcome {
  deadLetters?: DeadLetterVerdict[];
}

/** Called with messages of one partition, in offset order. */
export type BatchHandler = (batch: ConsumedMessage[]) => Promise<BatchOutcome | void>;

export interface SubscribeOptions {
  /** Consumer group: one per adapter (and one for the gateway's read model). */
  group: string;
  topics: string[];
  /** Upper bound on messages handed to one handler call. */
  maxBatchSize?: number;
}

export interface Subscription {
  /** Stops fetching, waits for the batch in hand to finish, leaves the group. */
  close(): Promise<void>;
}

/** How far a consumer group is behind on some topics. */
export interface ConsumerLag {
  /** Messages published and not yet committed by the group. */
  messages: number;
  /** When the oldest of them was published (the log's timestamp); null when there is none. */
  oldestUnconsumedAt: Date | null;
}

/**
 * What a transport whose log lives in the application's own PostgreSQL (the
 * embedded bus) offers besides publish(): appending in the caller's
 * transaction, so what the transaction keeps and what it publishes commit
 * together or not at all — no outbox round trip — and the messages' bytes
 * taken from rows already in the database rather than sent again. Kafka has
 * no such thing: its callers keep an outbox.
 */
export interface TransactionalLog {
  /** The partition publish() gives a key's messages. */
  partitionOf(key: string): number;
  /**
   * Appends, in `tx`, the messages the query `rows` selects — a SELECT
   * without parameters, whose columns are topic, partition (partitionOf(key)),
   * key, value (bytea), headers (jsonb) and seq (their order within a
   * partition) — and wakes the topics' consumers when `tx` commits. The
   * partitions' offsets are taken under their row locks, held until `tx`
   * ends: append last, just before committing. Returns how many it appended.
   */
  appendSelected(tx: Queryable, rows: string): Promise<number>;
  /**
   * Appends these messages in `tx`, as publish() would (a key's partition,
   * their order kept within it), and wakes the topics' consumers when `tx`
   * commits. Takes the partitions' row locks, held until `tx` ends: append
   * last, just before committing.
   */
  append(tx: Queryable, messages: readonly OutgoingMessage[]): Promise<void>;
}

export interface EventBus {
  /** Which transport this is, for health and metrics. */
  readonly transport: 'kafka' | 'embedded';
  /** Present when the log is in the application's PostgreSQL (the embedded bus). */
  readonly transactionalLog?: TransactionalLog;
  connect(): Promise<void>;
  /** Creates topics that do not exist yet (idempotent). */
  ensureTopics(topics: string[]): Promise<void>;
  /** Resolves once every message is durable on the log. */
  publish(messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: BatchHandler): Promise<Subscription>;
  /**
   * How many messages on these topics the group has not committed yet: per
   * partition, the head of the log minus the group's committed position (a
   * group that never committed counts from the oldest message still kept).
   * Topics that do not exist count 0.
   */
  lag(group: string, topics: string[]): Promise<number>;
  /**
   * lag() in messages, and when the oldest of those messages was published:
   * how far behind the group is in time (null when it is not behind).
   */
  consumerLag(group: string, topics: string[]): Promise<ConsumerLag>;
  /** True while the transport can publish and consume. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}

export const EVENT_BUS = Symbol('EVENT_BUS');
