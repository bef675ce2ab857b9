// The bench's own PostgreSQL (embedded, in a temporary directory, with the
// same durable settings `npm start` uses) and the populations on it: one
// database per size, migrated with the real migrations, its read model filled
// straight from the synthetic population generator with COPY. The ingest path
// (adapters → bus → read model) is not what these scenarios measure; here we
// only need the data, fast.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  AccessControlService,
  ClientCredentialsService,
  ClientRepository,
  grantableSections,
} from '#spean/access';
import { AuditLog } from '#spean/audit';
import {
  copyText,
  Database,
  createDatabase,
  runMigrations,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '#spean/persistence';
import { generatePopulation, type PopulationBatch } from '#spean/population';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { fromDist } from './dist.ts';
import { shortCount } from './options.ts';

/** The purpose every bench lookup states; the bench agency holds every section for it. */
export const BENCH_PURPOSE = 'business-registration';
export const BENCH_AGENCY = 'bench';

export interface Population {
  citizens: number;
  /** Records in the read model, and links in read_related_subject. */
  records: number;
  relatedLinks: number;
  database: string;
  appUrl: string;
  migratorUrl: string;
  /** National id serials of the citizens are startSerial … startSerial + citizens - 1. */
  startSerial: number;
  seedSeconds: number;
  /** pg_database_size right after seeding. */
  bytes: number;
  /** An agency client granted every section for BENCH_PURPOSE. */
  agency: { clientId: string; clientSecret: string };
}

export class BenchPostgres {
  readonly dir: string;
  private readonly server: RunningPostgres;
  private readonly log: (message: string) => void;
  private readonly populations = new Map<number, Promise<Population>>();

  private constructor(dir: string, server: RunningPostgres, log: (message: string) => void) {
    this.dir = dir;
    this.server = server;
    this.log = log;
  }

  static async start(log: (message: string) => void): Promise<BenchPostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-bench-'));
    // PostgreSQL runs as an unprivileged user when we are root: it must reach its cluster.
    fs.chmodSync(dir, 0o755);
    const port = 45000 + Math.floor(Math.random() * 5000);
    const server = await startEmbeddedPostgres({ dataDir: dir, port });
    log(`PostgreSQL ${await serverVersion(server)} on port ${port}, data in ${dir}`);
    return new BenchPostgres(dir, server, log);
  }

  get superuserUrl(): string {
    return this.server.url('superuser', 'postgres');
  }

  async version(): Promise<string> {
    return serverVersion(this.server);
  }

  /**
   * CPU seconds the whole server has used: the postmaster, its live
   * backends, and (cutime/cstime) every backend that has exited since.
   */
  cpuSeconds(): number | undefined {
    const pidFile = path.join(this.dir, 'postgres', 'postmaster.pid');
    const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    const own = readStat(postmaster);
    if (!own) return undefined;
    let ticks = own.utime + own.stime + own.cutime + own.cstime;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readStat(Number(entry));
      if (stat?.ppid === postmaster) ticks += stat.utime + stat.stime;
    }
    return ticks / 100;
  }

  freeDiskBytes(): number {
    const stats = fs.statfsSync(this.dir);
    return stats.bavail * stats.bsize;
  }

  population(citizens: number): Promise<Population> {
    let population = this.populations.get(citizens);
    if (!population) {
      population = this.create(citizens);
      this.populations.set(citizens, population);
      // A failed seed may be retried by a later scenario.
      population.catch(() => this.populations.delete(citizens));
    }
    return population;
  }

  async stop(keepData: boolean): Promise<void> {
    await this.server.stop();
    if (!keepData) fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Writes every dirty page out and waits for the disk, so the gigabytes just
   * loaded are not being flushed while the first scenario measures (an
   * audited lookup waits for its commit to reach the disk).
   */
  private async flush(): Promise<void> {
    const client = new pg.Client({ connectionString: this.superuserUrl });
    await client.connect();
    try {
      await client.query('CHECKPOINT');
    } finally {
      await client.end();
    }
    spawnSync('sync');
  }

  /** A fresh, migrated, empty database with the bench agency: the ingest and propagation scenarios fill it through the adapters. */
  async emptyDatabase(label: string): Promise<Population> {
    const name = `bench_${label}`;
    await createDatabase(
      {
        host: '127.0.0.1',
        port: this.server.port,
        user: this.server.credentials.superuser.user,
        password: this.server.credentials.superuser.password,
      },
      name,
    );
    const migratorUrl = this.server.url('migrator', name);
    const appUrl = this.server.url('app', name);
    await runMigrations(migratorUrl);
    const agency = await registerBenchAgency(appUrl);
    return {
      ...{ citizens: 0, records: 0, relatedLinks: 0, startSerial: 0, seedSeconds: 0, bytes: 0 },
      database: name,
      appUrl,
      migratorUrl,
      agency,
    };
  }

  /** Drops a database emptyDatabase made, with whatever still holds a connection to it. */
  async dropDatabase(name: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.superuserUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }

  private async create(citizens: number): Promise<Population> {
    const name = `bench_${citizens}`;
    await createDatabase(
      {
        host: '127.0.0.1',
        port: this.server.port,
        user: this.server.credentials.superuser.user,
        password: this.server.credentials.superuser.password,
      },
      name,
    );
    const migratorUrl = this.server.url('migrator', name);
    const appUrl = this.server.url('app', name);
    await runMigrations(migratorUrl);
    this.log(`seeding ${shortCount(citizens)} citizens into ${name} …`);
    const started = performance.now();
    const seeded = await seedReadModel(migratorUrl, citizens);
    const seedSeconds = (performance.now() - started) / 1000;
    await this.flush();
    const agency = await registerBenchAgency(appUrl);
    const bytes = await databaseSize(migratorUrl, name);
    this.log(
      `seeded ${shortCount(citizens)} citizens (${seeded.records.toLocaleString('en')} records, ` +
        `${seeded.relatedLinks.toLocaleString('en')} related links) in ${seedSeconds.toFixed(1)} s ` +
        `(${Math.round(seeded.records / seedSeconds).toLocaleString('en')} records/s), ` +
        `${(bytes / 1e9).toFixed(2)} GB on disk`,
    );
    return {
      citizens,
      ...seeded,
      database: name,
      appUrl,
      migratorUrl,
      seedSeconds,
      bytes,
      agency,
    };
  }
}

function readStat(
  pid: number,
): { ppid: number; utime: number; stime: number; cutime: number; cstime: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const f = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return { ppid: f[1]!, utime: f[11]!, stime: f[12]!, cutime: f[13]!, cstime: f[14]! };
  } catch {
    return undefined;
  }
}

async function serverVersion(server: RunningPostgres): Promise<string> {
  const client = new pg.Client({ connectionString: server.url('superuser', 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

async function databaseSize(url: string, name: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ size: string }>('SELECT pg_database_size($1) AS size', [
      name,
    ]);
    return Number(rows[0]!.size);
  } finally {
    await client.end();
  }
}

interface Seeded {
  records: number;
  relatedLinks: number;
  startSerial: number;
}

const READ_TABLES = ['read_record', 'read_related_subject'];

/**
 * Fills read_record and read_related_subject exactly as the gateway's read
 * model would hold the population after consuming it (version 1 of every
 * record, related subjects from the schemas), by COPY on two connections. The
 * tables' primary keys and indexes are dropped first and rebuilt from their
 * own definitions afterwards, which is several times faster than maintaining
 * them row by row.
 */
export async function seedReadModel(migratorUrl: string, citizens: number): Promise<Seeded> {
  const records = new pg.Client({ connectionString: migratorUrl });
  const related = new pg.Client({ connectionString: migratorUrl });
  await Promise.all([records.connect(), related.connect()]);
  try {
    for (const client of [records, related]) {
      await client.query(`SET synchronous_commit = off`);
      await client.query(`SET maintenance_work_mem = '512MB'`);
    }
    const rebuild = await dropIndexes(records);
    const run = generatePopulation({ citizens, seed: 1 });
    const catalog = defaultSchemaCatalog();
    const recordStream = records.query(
      copyFrom(
        `COPY read_record (record_type, record_id, subject_id, version, schema_version, deleted,
                           payload, source, event_id, occurred_at) FROM STDIN`,
      ),
    );
    const relatedStream = related.query(
      copyFrom(`COPY read_related_subject (subject_id, record_type, record_id) FROM STDIN`),
    );
    const recordsDone = finished(recordStream);
    const relatedDone = finished(relatedStream);
    let recordCount = 0;
    let linkCount = 0;
    for (const batch of run) {
      let recordRows = '';
      let linkRows = '';
      for (const [source, list] of Object.entries(batch) as Array<
        [keyof PopulationBatch, PopulationBatch[keyof PopulationBatch]]
      >) {
        for (const record of list) {
          const payload = JSON.stringify(record.payload);
          recordRows +=
            `${copyText(record.recordType)}\t${copyText(record.recordId)}\t${copyText(record.subjectId)}\t` +
            `${record.version}\t${record.schemaVersion}\tf\t${copyText(payload)}\t${source}\t` +
            `${randomUUID()}\t${record.occurredAt}\n`;
          recordCount++;
          const schema = catalog.get(record.recordType, record.schemaVersion);
          for (const subject of schema?.relatedSubjects(record.payload) ?? []) {
            if (subject === record.subjectId) continue;
            linkRows += `${subject}\t${copyText(record.recordType)}\t${copyText(record.recordId)}\n`;
            linkCount++;
          }
        }
      }
      const waits: Promise<unknown>[] = [];
      if (!recordStream.write(recordRows)) waits.push(once(recordStream, 'drain'));
      if (linkRows && !relatedStream.write(linkRows)) waits.push(once(relatedStream, 'drain'));
      await Promise.all(waits);
    }
    recordStream.end();
    relatedStream.end();
    await Promise.all([recordsDone, relatedDone]);
    // Both rebuilt at once, one per connection and core.
    await Promise.all([
      rebuildIndexes(
        records,
        rebuild.filter((index) => index.table === 'read_record'),
      ),
      rebuildIndexes(
        related,
        rebuild.filter((index) => index.table !== 'read_record'),
      ),
    ]);
    // Hint bits, visibility map and statistics set now, as on a database that
    // has been up a while — not by the first lookups, which would write pages.
    await Promise.all(
      READ_TABLES.map((table, i) =>
        [records, related][i]!.query(`VACUUM (FREEZE, ANALYZE) ${table}`),
      ),
    );
    return { records: recordCount, relatedLinks: linkCount, startSerial: run.startSerial };
  } finally {
    await Promise.all([records.end(), related.end()]);
  }
}

function finished(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
}

interface IndexDefinition {
  table: string;
  /** The statement that recreates it, from the catalog itself. */
  create: string;
}

async function dropIndexes(client: pg.Client): Promise<IndexDefinition[]> {
  const { rows: keys } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c
     WHERE c.conrelid = ANY($1::regclass[]) AND c.contype = 'p'`,
    [READ_TABLES],
  );
  const { rows: indexes } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
    [READ_TABLES],
  );
  for (const key of keys)
    await client.query(
      `ALTER TABLE ${client.escapeIdentifier(key.table)} DROP CONSTRAINT ${client.escapeIdentifier(key.name)}`,
    );
  for (const index of indexes)
    await client.query(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
  return [
    ...keys.map((key) => ({
      table: key.table,
      create: `ALTER TABLE ${client.escapeIdentifier(key.table)} ADD CONSTRAINT ${client.escapeIdentifier(key.name)} ${key.definition}`,
    })),
    ...indexes.map((index) => ({ table: index.table, create: index.definition })),
  ];
}

async function rebuildIndexes(client: pg.Client, indexes: IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(index.create);
}

/** The bench agency's client, with every grantable section for BENCH_PURPOSE (audited, as any grant is). */
async function registerBenchAgency(
  appUrl: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const database = new Database({ url: appUrl, applicationName: 'spean-bench' });
  const audit = new AuditLog(database);
  try {
    const { registerPurposes, grantSections } =
      await fromDist<typeof import('../../tools/demo-access.ts')>('tools/demo-access.js');
    // Tokens are issued by the gateway under test, not here.
    const credentials = new ClientCredentialsService(
      new ClientRepository(database),
      () => {
        throw new Error('not used');
      },
      0,
    );
    const client = await credentials.register({
      agencyId: BENCH_AGENCY,
      agencyName: 'Benchmark agency',
      name: 'Lookup load generator',
      role: 'agency',
    });
    const sections = grantableSections(defaultSchemaCatalog());
    const accessControl = new AccessControlService(database, audit, sections);
    await registerPurposes(accessControl);
    await grantSections(
      accessControl,
      BENCH_AGENCY,
      [{ purpose: BENCH_PURPOSE, sections: [...sections.keys()] }],
      'benchmark: every section',
    );
    return client;
  } finally {
    await audit.close();
    await database.close();
  }
}
