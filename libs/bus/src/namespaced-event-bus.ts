// Lets several Spean environments (or test runs) share one broker: every
// topic and consumer group gets a prefix on the way in, and loses it on the
// way out, so application code never sees it.
import type {
  BatchHandler,
  ConsumerLag,
  EventBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
  TransactionalLog,
} from './event-bus.port.js';

export class NamespacedEventBus implements EventBus {
  private readonly prefix: string;

  constructor(
    private readonly inner: EventBus,
    namespace: string,
  ) {
    this.prefix = `${namespace}.`;
  }

  get transport(): EventBus['transport'] {
    return this.inner.transport;
  }

  /** The inner bus's, with the prefix put on the topics the caller selects. */
  get transactionalLog(): TransactionalLog | undefined {
    const inner = this.inner.transactionalLog;
    if (!inner) return undefined;
    const prefix = `'${this.prefix.replaceAll("'", "''")}'`;
    return {
      partitionOf: (key) => inner.partitionOf(key),
      appendSelected: (tx, rows) =>
        inner.appendSelected(
          tx,
          `SELECT ${prefix} || r.topic AS topic, r.partition, r.key, r.value, r.headers, r.seq
           FROM (${rows}) r`,
        ),
      append: (tx, messages) =>
        inner.append(
          tx,
          messages.map((message) => ({ ...message, topic: this.wrap(message.topic) })),
        ),
    };
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  ensureTopics(topics: string[]): Promise<void> {
    return this.inner.ensureTopics(topics.map(this.wrap));
  }

  publish(messages: OutgoingMessage[]): Promise<void> {
    return this.inner.publish(
      messages.map((message) => ({ ...message, topic: this.wrap(message.topic) })),
    );
  }

  subscribe(options: SubscribeOptions, handler: BatchHandler): Promise<Subscription> {
    return this.inner.subscribe(
      { ...options, group: this.wrap(options.group), topics: options.topics.map(this.wrap) },
      (batch) =>
        handler(batch.map((message) => ({ ...message, topic: this.unwrap(message.topic) }))),
    );
  }

  lag(group: string, topics: string[]): Promise<number> {
    return this.inner.lag(this.wrap(group), topics.map(this.wrap));
  }

  consumerLag(group: string, topics: string[]): Promise<ConsumerLag> {
    return this.inner.consumerLag(this.wrap(group), topics.map(this.wrap));
  }

  isHealthy(): Promise<boolean> {
    return this.inner.isHealthy();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private readonly wrap = (name: string): string => `${this.prefix}${name}`;

  private readonly unwrap = (name: string): string =>
    name.startsWith(this.prefix) ? name.slice(this.prefix.length) : name;
}
