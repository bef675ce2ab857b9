// A fresh database per test file, migrated with the real migrations, on the
// PostgreSQL the global setup started. Tests connect as the app role, which
// may read and write rows but not change the schema — as in production.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, Database, ensureRoles, runMigrations } from '#spean/persistence';

export interface TestDatabase {
  name: string;
  appUrl: string;
  migratorUrl: string;
  database: Database;
  /**
   * The schema owner's connection: what someone with the migrator's password
   * could do — e.g. tamper with the append-only audit log. Opened on first use.
   */
  owner(): Database;
  drop(): Promise<void>;
}

interface Roles {
  migrator: { user: string; password: string };
  app: { user: string; password: string };
}

export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const superuserUrl = process.env.TEST_DATABASE_URL;
  if (!superuserUrl) throw new Error('TEST_DATABASE_URL is not set: run the suite through jest');
  const roles: Roles = process.env.TEST_DATABASE_ROLES
    ? (JSON.parse(process.env.TEST_DATABASE_ROLES) as Roles)
    : {
        migrator: { user: 'spean_migrator', password: 'spean-test-migrator' },
        app: { user: 'spean_app', password: 'spean-test-app' },
      };
  const name = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const superuser = new URL(superuserUrl);
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    // Test files start in parallel; role changes must not race.
    await admin.query('SELECT pg_advisory_lock(7424711)');
    await ensureRoles(admin, roles);
  } finally {
    await admin.end();
  }
  await createDatabase({ connectionString: superuserUrl }, name);
  const urlFor = (role: { user: string; password: string }): string => {
    const url = new URL(superuser.toString());
    url.username = role.user;
    url.password = role.password;
    url.pathname = `/${name}`;
    return url.toString();
  };
  const migratorUrl = urlFor(roles.migrator);
  await runMigrations(migratorUrl);
  const appUrl = urlFor(roles.app);
  const database = new Database({ url: appUrl, applicationName: `spean-test-${label}` });
  let owner: Database | undefined;
  return {
    name,
    appUrl,
    migratorUrl,
    database,
    owner() {
      owner ??= new Database({ url: migratorUrl, applicationName: `spean-test-${label}-owner` });
      return owner;
    },
    async drop() {
      await database.close().catch(() => undefined);
      await owner?.close().catch(() => undefined);
      const client = new pg.Client({ connectionString: superuserUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
