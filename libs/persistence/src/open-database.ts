// Connects an app to its database: the server named by DATABASE_URL, or the
// embedded one under DATA_DIR (started here if no one has). Migrations run at
// boot as the migrator role, under a lock, so any app may start first.
import type { CommonConfig } from '#spean/config';
import { Database } from './database.js';
import { startEmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

export interface OpenedDatabase {
  database: Database;
  /** Closes the pool, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

type DatabaseSettings = Pick<
  CommonConfig,
  'databaseUrl' | 'databaseMigrationUrl' | 'dataDir' | 'embeddedPostgresPort'
>;

/** The database server as an app uses it, migrated. */
export interface MigratedServer {
  appUrl: string;
  migratorUrl: string;
  /** The migrations this start applied (none when another app had). */
  applied: string[];
  /** Stops the embedded server if this process started it; nothing otherwise. */
  stop(): Promise<void>;
}

/**
 * The server named by DATABASE_URL, or the embedded one under DATA_DIR
 * (started here if no one has; `starting` is told first), with the
 * migrations run as the migrator role.
 */
export async function migratedServer(
  config: DatabaseSettings,
  options: Pick<EmbeddedPostgresOptions, 'log' | 'ownProcessGroup'> & {
    starting?: () => void;
  } = {},
): Promise<MigratedServer> {
  let appUrl = config.databaseUrl;
  let migratorUrl = config.databaseMigrationUrl ?? appUrl;
  let stop = async (): Promise<void> => undefined;
  if (!appUrl) {
    options.starting?.();
    const server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      log: options.log,
      ownProcessGroup: options.ownProcessGroup,
    });
    appUrl = server.url('app');
    migratorUrl = server.url('migrator');
    stop = server.stop;
  }
  try {
    const applied = await runMigrations(migratorUrl!);
    return { appUrl, migratorUrl: migratorUrl!, applied, stop };
  } catch (error) {
    // A server started here for nothing is not left behind.
    await stop();
    throw error;
  }
}

export async function openDatabase(
  config: DatabaseSettings,
  applicationName: string,
  options: { poolSize?: number; log?: (line: string) => void } = {},
): Promise<OpenedDatabase> {
  const server = await migratedServer(config, { log: options.log });
  const { poolSize } = options;
  const database = new Database({ url: server.appUrl, applicationName, poolSize });
  return {
    database,
    async close() {
      await database.close();
      await server.stop();
    },
  };
}
