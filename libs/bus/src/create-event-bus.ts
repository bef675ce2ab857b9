// Picks the transport: Kafka when brokers are configured, otherwise the
// embedded bus in the app's own PostgreSQL.
import type { Database } from '#spean/persistence';
import { EmbeddedEventBus } from './embedded/embedded-event-bus.js';
import type { EventBus } from './event-bus.port.js';
import type { KafkaSasl } from './kafka/kafka-sasl.js';
import { NamespacedEventBus } from './namespaced-event-bus.js';

export interface BusLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The bus settings every process reads from its configuration (see CommonConfig). */
export function busSettings(config: {
  kafkaBrokers: string[];
  kafkaSasl?: KafkaSasl;
  busPartitions: number;
  busNamespace?: string;
  busRetentionHours?: number;
}): {
  kafkaBrokers: string[];
  kafkaSasl?: KafkaSasl;
  partitions: number;
  namespace?: string;
  retentionHours?: number;
} {
  return {
    kafkaBrokers: config.kafkaBrokers,
    kafkaSasl: config.kafkaSasl,
    partitions: config.busPartitions,
    namespace: config.busNamespace,
    retentionHours: config.busRetentionHours,
  };
}

export async function createEventBus(options: {
  kafkaBrokers: string[];
  /** Credentials for a cluster with SASL authentication (KAFKA_SASL_MECHANISM). */
  kafkaSasl?: KafkaSasl;
  partitions: number;
  clientId: string;
  database: Database;
  logger: BusLogger;
  /** Prefix for topics and groups, when environments share a broker. */
  namespace?: string;
  /** Embedded bus: how long handled messages are kept. */
  retentionHours?: number;
}): Promise<EventBus> {
  let bus: EventBus;
  if (options.kafkaBrokers.length > 0) {
    const { KafkaEventBus } = await import('./kafka/index.js');
    bus = new KafkaEventBus({
      brokers: options.kafkaBrokers,
      clientId: options.clientId,
      partitions: options.partitions,
      logger: options.logger,
      sasl: options.kafkaSasl,
    });
  } else {
    bus = new EmbeddedEventBus({
      database: options.database,
      partitions: options.partitions,
      logger: options.logger,
      ...(options.retentionHours ? { retentionMs: options.retentionHours * 3600_000 } : {}),
    });
  }
  if (options.namespace) bus = new NamespacedEventBus(bus, options.namespace);
  await bus.connect();
  return bus;
}
