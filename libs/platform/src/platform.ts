// What every Spean process stands on, assembled one way: a migrated database,
// the audit log, the schema registry and the bus — and taken down the other
// way round once the app has closed. The gateway, every adapter and the test
// stack are built on it, so a change to the order of things happens here once.
import { AuditLog, type AuditLogOptions } from '#spean/audit';
import { busSettings, createEventBus, type BusLogger, type EventBus } from '#spean/bus';
import type { CommonConfig } from '#spean/config';
import { openDatabase, type Database } from '#spean/persistence';
import { openSchemaRegistry, type OpenedSchemaRegistry } from '#spean/schema-registry';

export interface Platform {
  database: Database;
  audit: AuditLog;
  schemas: OpenedSchemaRegistry;
  bus: EventBus;
  /** Closes the bus and the registry, then what the platform opened itself (audit log, database). */
  close(): Promise<void>;
}

export interface PlatformParts {
  /** Names the process to Postgres and to the bus (its client id). */
  name: string;
  environment: CommonConfig['environment'];
  bus: ReturnType<typeof busSettings>;
  logger: BusLogger;
}

/** Opens a process's own database and audit log, then the rest of the platform on them. */
export async function openPlatform(
  config: CommonConfig,
  options: { name: string; poolSize?: number; audit?: AuditLogOptions; logger: BusLogger },
): Promise<Platform> {
  const opened = await openDatabase(config, options.name, { poolSize: options.poolSize });
  // Before anything that changes what it records (schemas are registered at boot).
  const audit = new AuditLog(opened.database, options.audit);
  const closeOwn = async (): Promise<void> => {
    await audit.close();
    await opened.close();
  };
  try {
    const parts = { ...options, environment: config.environment, bus: busSettings(config) };
    const platform = await assemblePlatform(opened.database, audit, parts);
    return { ...platform, close: () => platform.close().then(closeOwn) };
  } catch (error) {
    await closeOwn().catch(() => undefined);
    throw error;
  }
}

/**
 * The registry and the bus on a database and audit log the caller owns (and
 * closes): the test stack runs several processes' worth on one database.
 */
export async function assemblePlatform(
  database: Database,
  audit: AuditLog,
  parts: PlatformParts,
): Promise<Platform> {
  const schemas = await openSchemaRegistry(database, {
    environment: parts.environment,
    audit,
    log: parts.logger,
  });
  try {
    const bus = await createEventBus({
      ...parts.bus,
      clientId: parts.name,
      database,
      logger: parts.logger,
    });
    const close = async (): Promise<void> => {
      await bus.close();
      await schemas.close();
    };
    return { database, audit, schemas, bus, close };
  } catch (error) {
    await schemas.close().catch(() => undefined);
    throw error;
  }
}
