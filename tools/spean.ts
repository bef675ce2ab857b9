// `npm run spean -- <command>`: operators' and stewards' tasks.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CsvMapping } from '#spean/adapter-sdk';
import { EnvReader, readCommonConfig } from '#spean/config';
import { Database, runMigrations, startEmbeddedPostgres } from '#spean/persistence';
import { ReadModelRepository } from '../apps/gateway/src/read-model/read-model.repository.js';
import {
  readVerificationLimits,
  type VerificationLimits,
} from '../apps/gateway/src/verification-lock/verification-limits.config.js';
import { fetchAccessToken } from './access-token.js';
import { ADAPTERS, isAdapterName, type AdapterName } from './adapters.js';
import { ADAPTERS_HELP, adaptersCommand } from './adapters-command.js';
import { describeColumns, importCsv } from './csv-import.js';
import { ACCESS_HELP, accessCommand } from './access-command.js';
import { AUDIT_HELP, auditCommand } from './audit-command.js';
import { BACKFILL_HELP, backfillCommand } from './backfill-command.js';
import { CLIENT_HELP, runClientCommand } from './client-command.js';
import { DEAD_LETTERS_HELP, deadLettersCommand } from './dead-letters-command.js';
import { KAFKA_HELP, kafkaCommand } from './kafka-command.js';
import { SCHEMAS_HELP, schemasCommand } from './schemas-command.js';
import { VERIFICATION_HELP, verificationCommand } from './verification-command.js';
import { seedPopulation, type AdapterEndpoint } from './seed.js';
import { say, usageOf } from './cli-output.js';

const HELP = `Spean command line

Usage: npm run spean -- <command> [options]

Commands:
  migrate                       Apply pending database migrations.
${CLIENT_HELP}  import <adapter> <file>       Import a ministry's CSV export through its adapter (transport, land,
                                commerce, tax); rows it refuses go to <file>.rejects.csv with reasons.
      [--rejects <path>]        Where to write the refused rows instead.
  import <adapter> --columns    Show the adapter's CSV columns.
${BACKFILL_HELP}  orphans [--record-type <t>]   List records whose subject interior does not know (kept; they attach
      [--limit <n>]             when the person appears). Record ids only, no national ids.
  seed --citizens <n>           Publish a synthetic population of n citizens (families, addresses, life
                                events, vehicles, land, businesses, taxpayers) through every adapter,
                                then wait until the gateway shows it all. The system must be running.
      [--seed <s>]              Random seed (default 1): the same seed gives the same citizens.
      [--concurrency <n>]       Requests in flight (default 8).
      [--no-wait]               Do not wait for the gateway.
${ACCESS_HELP}${SCHEMAS_HELP}${DEAD_LETTERS_HELP}${ADAPTERS_HELP}${AUDIT_HELP}${VERIFICATION_HELP}${KAFKA_HELP}  help                          Show this text.

Settings come from the environment (DATA_DIR, DATABASE_URL, PORT ...); see README.md.
`;

const usage = usageOf(HELP);

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    case 'migrate':
      return withDatabase(async (_db, migratorUrl) => {
        const applied = await runMigrations(migratorUrl);
        say(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
      });
    case 'client':
      return withDatabase((db) => runClientCommand(argv.slice(1), db));
    case 'seed':
      return seed(argv.slice(1));
    case 'import':
      return importFile(argv.slice(1));
    case 'backfill':
      return backfillCommand(argv.slice(1));
    case 'orphans':
      return listOrphans(argv.slice(1));
    case 'schemas':
      return withDatabase((db) => schemasCommand(argv.slice(1), db, environment()));
    case 'audit':
      return withDatabase((db) => auditCommand(argv.slice(1), db, auditKeyFile()));
    case 'purposes':
    case 'grants':
      return withDatabase((db) => accessCommand(command, argv.slice(1), db));
    case 'adapters':
      return withDatabase((db) => adaptersCommand(argv.slice(1), db));
    case 'verification':
      return withDatabase((db) => verificationCommand(argv.slice(1), db, verificationLimits()));
    case 'dead-letters':
      return withDatabase((db) => deadLettersCommand(argv.slice(1), db));
    case 'lineage':
      return withDatabase((db) => schemasCommand(['lineage', ...argv.slice(1)], db, environment()));
    case 'kafka':
      return kafkaCommand(argv.slice(1), busNamespace());
    default:
      return usage(`unknown command "${command}"`);
  }
}

function busNamespace(): string | undefined {
  const env = new EnvReader();
  const { busNamespace } = readCommonConfig(env);
  env.done();
  return busNamespace;
}

function environment(): 'development' | 'production' | 'test' {
  const env = new EnvReader();
  const { environment } = readCommonConfig(env);
  env.done();
  return environment;
}

function verificationLimits(): VerificationLimits {
  const env = new EnvReader();
  const limits = readVerificationLimits(env);
  env.done();
  return limits;
}

function auditKeyFile(): string {
  const env = new EnvReader();
  const { dataDir } = readCommonConfig(env);
  const file = env.string(
    'AUDIT_SIGNING_KEY_FILE',
    path.join(dataDir, 'keys', 'audit-signing-key.pem'),
  );
  env.done();
  return path.resolve(file);
}

async function withDatabase(
  work: (db: Database, migratorUrl: string) => Promise<void | number>,
): Promise<number> {
  const env = new EnvReader();
  const config = readCommonConfig(env);
  env.done();
  let appUrl = config.databaseUrl;
  let migratorUrl = config.databaseMigrationUrl ?? appUrl;
  let stop = async (): Promise<void> => undefined;
  if (!appUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
    });
    appUrl = server.url('app');
    migratorUrl = server.url('migrator');
    stop = server.stop;
  }
  await runMigrations(migratorUrl!);
  const db = new Database({ url: appUrl, applicationName: 'spean-cli' });
  try {
    return (await work(db, migratorUrl!)) ?? 0;
  } finally {
    await db.close();
    await stop();
  }
}

async function seed(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      citizens: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      'no-wait': { type: 'boolean' },
    },
  });
  const count = Number(values.citizens);
  const seedValue = Number(values.seed ?? 1);
  const concurrency = Number(values.concurrency ?? 8);
  if (!Number.isInteger(count) || count < 1)
    return usage('seed needs --citizens <n>, a whole number above 0');
  if (!Number.isInteger(seedValue)) return usage('--seed must be a whole number');
  if (!Number.isInteger(concurrency) || concurrency < 1)
    return usage('--concurrency must be a whole number above 0');

  const adapters = {} as Record<AdapterName, AdapterEndpoint>;
  for (const name of Object.keys(ADAPTERS) as AdapterName[]) {
    const { token, adapterUrl } = await adapterSession(name);
    adapters[name] = { url: adapterUrl, token };
  }
  const gatewayUrl = gatewaySettings().gatewayUrl;
  const before = await recordsApplied(gatewayUrl);
  const tty = Boolean(process.stderr.isTTY);
  let lastLine = 0;
  const done = await seedPopulation({
    citizens: count,
    seed: seedValue,
    adapters,
    concurrency,
    onProgress: ({ citizens, records, seconds }) => {
      if (!tty && Date.now() - lastLine < 5000) return;
      lastLine = Date.now();
      const line = `published ${citizens} of ${count} citizens (${records} records, ${Math.round(citizens / seconds)} citizens/s)`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    },
  });
  say(
    `${tty ? '\n' : ''}${count} citizens (${done.records} records) accepted by the adapters in ` +
      `${done.seconds.toFixed(1)} s: ${Math.round(count / done.seconds)} citizens/s`,
  );
  if (values['no-wait'] || before === undefined) return 0;
  // Accepted is not yet visible: wait for the gateway's read model to apply them all.
  const started = performance.now() - done.seconds * 1000;
  for (;;) {
    const applied = ((await recordsApplied(gatewayUrl)) ?? 0) - before;
    if (applied >= done.records) break;
    process.stderr.write(tty ? `\rgateway applied ${applied} of ${done.records} records` : '');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = (performance.now() - started) / 1000;
  say(
    `${tty ? '\n' : ''}all ${done.records} records visible at the gateway after ${seconds.toFixed(1)} s: ` +
      `${Math.round(count / seconds)} citizens/s end to end`,
  );
  return 0;
}

/** Records the gateway's read model has received so far, from its metrics; undefined if unreachable. */
async function recordsApplied(gatewayUrl: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
    let total = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith('spean_records_consumed_total{') && line.includes('group="gateway"')) {
        if (line.includes('outcome="received"') || line.includes('outcome="dead_letter"')) {
          total += Number(line.slice(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return total;
  } catch {
    return undefined;
  }
}

function gatewaySettings(): { gatewayUrl: string } {
  const env = new EnvReader();
  const gatewayUrl = env.string('GATEWAY_URL', `http://127.0.0.1:${env.port('PORT', 3000)}`);
  env.done();
  return { gatewayUrl };
}

async function listOrphans(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'record-type': { type: 'string' }, limit: { type: 'string' } },
  });
  const limit = Number(values.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1) return usage('--limit must be a whole number above 0');
  return withDatabase(async (db) => {
    const orphans = await new ReadModelRepository(db).orphans({
      recordType: values['record-type'],
      limit,
      offset: 0,
    });
    if (orphans.length === 0) say('no orphans: every record has a known subject');
    else console.table(orphans);
  });
}

async function importFile(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { rejects: { type: 'string' }, columns: { type: 'boolean' } },
  });
  const [adapter, file] = positionals;
  if (!adapter || !isAdapterName(adapter)) {
    return usage(`import needs an adapter: ${Object.keys(ADAPTERS).join(', ')}`);
  }
  const mapping: CsvMapping | undefined = ADAPTERS[adapter].csv;
  if (!mapping) return usage(`the ${adapter} adapter has no CSV import`);
  if (values.columns) {
    process.stdout.write(describeColumns(adapter, mapping));
    return 0;
  }
  if (!file || !fs.existsSync(file)) return usage('import needs the path of an existing CSV file');
  const { token, adapterUrl } = await adapterSession(adapter);
  const rejectsFile = values.rejects ?? `${file.replace(/\.csv$/i, '')}.rejects.csv`;
  const summary = await importCsv({ file, adapterUrl, token, mapping, rejectsFile });
  say(
    `${summary.rows} rows in ${summary.seconds.toFixed(1)} s: ${summary.imported} published, ` +
      `${summary.unchanged} unchanged, ${summary.rejected} rejected` +
      (summary.rejected > 0 ? ` — see ${rejectsFile}` : ''),
  );
  return summary.rejected > 0 ? 3 : 0;
}

/** A token for an adapter's own client, and where the adapter listens. */
async function adapterSession(
  adapter: AdapterName,
): Promise<{ token: string; adapterUrl: string }> {
  const env = new EnvReader();
  const config = readCommonConfig(env);
  const gatewayUrl = env.string('GATEWAY_URL', `http://127.0.0.1:${env.port('PORT', 3000)}`);
  const adapterUrl = env.string(
    `${adapter.toUpperCase()}_URL`,
    `http://127.0.0.1:${ADAPTERS[adapter].defaultPort}`,
  );
  const clientId = env.string('SPEAN_CLIENT_ID');
  const clientSecret = env.secret('SPEAN_CLIENT_SECRET');
  env.done();
  const client =
    clientId && clientSecret ? { clientId, clientSecret } : demoClient(config.dataDir, adapter);
  if (!client) {
    throw new Error(
      `no client for the ${adapter} adapter: set SPEAN_CLIENT_ID and SPEAN_CLIENT_SECRET`,
    );
  }
  return { token: await fetchAccessToken(gatewayUrl, client), adapterUrl };
}

/** A demo adapter client from the credentials file `npm start` wrote. */
function demoClient(
  dataDir: string,
  adapter: string,
): { clientId: string; clientSecret: string } | undefined {
  const file = path.join(dataDir, 'demo-credentials.json');
  if (!fs.existsSync(file)) return undefined;
  const clients = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
    clientId: string;
    clientSecret: string;
    role: string;
    adapter?: string;
  }>;
  return clients.find((client) => client.role === 'adapter' && client.adapter === adapter);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`spean: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
