// Connects an app to its database: the server named by DATABASE_URL, or the
// embedded one under DATA_DIR (started here if no one has). Migrations run at
// boot as the migrator role, under a lock, so any app may start first.
import type { CommonConfig } from '#spean/config';
import { Database } from './database.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

export interface OpenedDatabase {
  database: Database;
  /** Closes the pool, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

export async function openDatabase(
  config: Pick<
    CommonConfig,
    'databaseUrl' | 'databaseMigrationUrl' | 'dataDir' | 'embeddedPostgresPort'
  >,
  applicationName: string,
  options: { poolSize?: number; log?: (line: string) => void } = {},
): Promise<OpenedDatabase> {
  let appUrl = config.databaseUrl;
  let migratorUrl = config.databaseMigrationUrl ?? appUrl;
  let stopServer = async (): Promise<void> => undefined;
  if (!appUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      log: options.log,
    });
    appUrl = server.url('app');
    migratorUrl = server.url('migrator');
    stopServer = server.stop;
  }
  await runMigrations(migratorUrl!);
  const database = new Database({ url: appUrl, applicationName, poolSize: options.poolSize });
  return {
    database,
    async close() {
      await database.close();
      await stopServer();
    },
  };
}
