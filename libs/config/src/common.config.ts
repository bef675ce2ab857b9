// Settings every Spean process shares: where data lives, which database and
// which bus. Each app extends this with its own validated settings.
import path from 'node:path';
import { EnvReader } from './env-reader.js';
import { readKafkaCredentials, type KafkaCredentials } from './kafka-credentials.js';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug';

export interface CommonConfig {
  /** Production turns off development conveniences (introspection, demo data). */
  environment: 'development' | 'production' | 'test';
  dataDir: string;
  /** Postgres for the app role; unset means the embedded server under dataDir. */
  databaseUrl?: string;
  /** Postgres for migrations (DDL); defaults to databaseUrl. */
  databaseMigrationUrl?: string;
  /** Port of the embedded Postgres server. */
  embeddedPostgresPort: number;
  /** Kafka bootstrap servers; empty means the embedded (Postgres) bus. */
  kafkaBrokers: string[];
  /** SASL credentials for a secured Kafka cluster; unset means none (a development broker). */
  kafkaSasl?: KafkaCredentials;
  /** Partitions of each topic on either transport. */
  busPartitions: number;
  /** Prefix of topics and consumer groups, for environments sharing one Kafka cluster. */
  busNamespace?: string;
  /** Embedded bus: how long handled messages are kept. */
  busRetentionHours: number;
  logLevel: LogLevel;
}

export function readCommonConfig(env: EnvReader): CommonConfig {
  const environment = env.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
  env.secret('DATABASE_URL');
  env.secret('DATABASE_MIGRATION_URL');
  const databaseUrl = env.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const kafkaBrokers = env.list('KAFKA_BROKERS');
  return {
    environment,
    dataDir: path.resolve(env.string('DATA_DIR', './.data')),
    databaseUrl,
    databaseMigrationUrl:
      env.url('DATABASE_MIGRATION_URL', ['postgres:', 'postgresql:']) ?? databaseUrl,
    embeddedPostgresPort: env.port('EMBEDDED_POSTGRES_PORT', 54329),
    kafkaBrokers,
    kafkaSasl: readKafkaCredentials(env, kafkaBrokers),
    busPartitions: env.int('BUS_PARTITIONS', 6, { min: 1, max: 1024 }),
    busNamespace: env.string('BUS_NAMESPACE'),
    busRetentionHours: env.int('BUS_RETENTION_HOURS', 168, { min: 1, max: 100_000 }),
    logLevel: env.oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug'], 'log'),
  };
}
