// The Kafka transport of the event bus (production; KAFKA_BROKERS set), on
// @platformatic/kafka. Topic per record type, key = subject id, an idempotent
// producer with acks=all, consumer groups with manual commits after the
// handler's effect (dead letters go to the dead-letter store). The consuming side
// lives in kafka-subscription.ts; this class owns the shared clients.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Admin,
  ProduceAcks,
  Producer,
  compatibilityPartitioner,
  stringSerializer,
} from '@platformatic/kafka';
import type {
  BatchHandler,
  ConsumerLag,
  EventBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '../event-bus.port.js';
import type { BusLogger } from './bus-logger.js';
import { KafkaConsumerLag } from './kafka-consumer-lag.js';
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

export class KafkaEventBus implements EventBus {
  readonly transport = 'kafka' as const;
  private readonly options: KafkaEventBusOptions;
  private readonly partitions: number;
  private producer: Producer<string, Buffer, string, string>;
  private readonly admin: Admin;
  private readonly lagReader: KafkaConsumerLag;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private closed: Promise<void> | null = null;
  /** publish() calls waiting for the request in flight (see publish). */
  private readonly waiting: Array<{
    messages: OutgoingMessage[];
    resolve(): void;
    reject(error: Error): void;
  }> = [];
  private flushing = false;

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
    this.lagReader = new KafkaConsumerLag(this.admin, options);
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

  /**
   * Resolves once the broker holds every message. An idempotent producer has
   * one request in flight per connection (the library's rule), so calls made
   * while one is in flight wait, and go together, in call order, as the next
   * request: under load a call waits for one round trip, not for each one
   * queued before it. If the broker refuses that shared send, each call's
   * messages are sent again on their own, so one call's refused message fails
   * only that call; if the broker cannot be reached, every call in it fails.
   */
  publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ messages, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        const calls = this.waiting.splice(0);
        try {
          await this.send(calls.flatMap((call) => call.messages));
          for (const call of calls) call.resolve();
        } catch (error) {
          // Refused by the broker (a message too large, a topic missing): each
          // call on its own, so only the one at fault fails. Unreachable: all
          // fail now, instead of each waiting out the retries again.
          if (calls.length === 1 || protocolErrorsIn(error).length === 0) {
            for (const call of calls) call.reject(error as Error);
            continue;
          }
          for (const call of calls) await this.send(call.messages).then(call.resolve, call.reject);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async send(messages: OutgoingMessage[]): Promise<void> {
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
    const subscription = new KafkaSubscription({
      brokers: this.options.brokers,
      sasl: this.options.sasl,
      clientId: `${this.options.clientId}-${options.group}`,
      group: options.group,
      topics: options.topics,
      maxBatchSize: options.maxBatchSize ?? 500,
      handler,
      logger: this.options.logger,
    });
    try {
      await subscription.start();
    } catch (error) {
      // Named by the broker's reason (e.g. GROUP_AUTHORIZATION_FAILED), as a refused publish is.
      throw new Error(
        `subscribing group ${options.group} to ${options.topics.join(', ')} failed: ${explain(error)}`,
        { cause: error },
      );
    }
    this.subscriptions.add(subscription);
    const close = subscription.close.bind(subscription);
    return {
      close: async () => {
        this.subscriptions.delete(subscription);
        await close();
      },
    };
  }

  lag(group: string, topics: string[]): Promise<number> {
    return this.lagReader.messages(group, topics);
  }

  consumerLag(group: string, topics: string[]): Promise<ConsumerLag> {
    return this.lagReader.consumerLag(group, topics);
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
    await Promise.all([this.producer.close(), this.lagReader.close()]);
    await this.admin.close();
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
