// Applies the schema migrations with TypeORM's runner, as the migrator role.
// synchronize is never used: every change to the schema is a reviewed migration.
import { DataSource } from 'typeorm';
import { migrations } from './migrations/index.js';

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    applicationName: 'spean-migrate',
    logging: false,
  });
  await dataSource.initialize();
  try {
    // Two processes booting at once must not both migrate.
    await dataSource.query('SELECT pg_advisory_lock(7424710)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock(7424710)').catch(() => undefined);
    await dataSource.destroy();
  }
}
