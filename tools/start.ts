// `npm start`: the whole system on one machine. Starts PostgreSQL (embedded
// unless DATABASE_URL is set), migrates it, registers demo clients on first
// run, starts the gateway and every adapter as child processes, seeds demo
// citizens through the interior adapter into an empty database, and stops
// everything cleanly on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AccessControlService,
  ClientCredentialsService,
  ClientRepository,
  type NewClient,
} from '#spean/access';
import { AuditLog } from '#spean/audit';
import { EnvReader, readCommonConfig } from '#spean/config';
import {
  Database,
  runMigrations,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '#spean/persistence';
import { demoCitizens } from '#spean/population';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { grantableSections } from '../apps/gateway/src/citizen/citizen.sections.js';
import { GATEWAY_NODE_FLAGS } from '../apps/gateway/src/gateway.node-flags.js';
import { fetchAccessToken, type ClientSecret } from './access-token.js';
import { ADAPTERS, type AdapterName } from './adapters.js';
import { builtInSigningKeys, registerBuiltInAdapters } from './built-in-adapters.js';
import { DEMO_GRANTS, grantSections, registerPurposes } from './demo-access.js';
import { seedPopulation, type AdapterEndpoint } from './seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = new EnvReader();
const config = readCommonConfig(env);
const gatewayPort = env.port('PORT', 3000);
const demoCount = env.int('DEMO_CITIZENS', 300, { min: 0, max: 100_000 });
env.done();

interface AppSpec {
  name: string;
  entry: string;
  /** V8 flags the app is started with (see apps/gateway/src/gateway.node-flags.ts). */
  nodeFlags?: readonly string[];
  port: number;
}

const APPS: AppSpec[] = [
  {
    name: 'gateway',
    entry: 'dist/apps/gateway/src/main.js',
    nodeFlags: GATEWAY_NODE_FLAGS,
    port: gatewayPort,
  },
  ...Object.values(ADAPTERS).map((adapter) => ({
    name: adapter.name,
    entry: `dist/apps/${adapter.name}/src/main.js`,
    port: adapter.defaultPort,
  })),
];

/** Short ids of the ministries, as agencies are registered. */
const AGENCY_IDS: Record<string, string> = {
  interior: 'moi',
  transport: 'mpwt',
  land: 'mlmupc',
  commerce: 'moc',
  tax: 'gdt',
};

const DEMO_CLIENTS: NewClient[] = [
  {
    agencyId: 'mef',
    agencyName: 'Ministry of Economy and Finance',
    name: 'Business registration desk',
    role: 'agency',
  },
  ...Object.values(ADAPTERS).map((adapter): NewClient => ({
    agencyId: AGENCY_IDS[adapter.name] ?? adapter.name,
    agencyName: adapter.title,
    name: `${adapter.name} adapter`,
    role: 'adapter',
    adapter: adapter.name,
  })),
  {
    agencyId: 'interop',
    agencyName: 'Interoperability Office',
    name: 'Data steward',
    role: 'steward',
  },
  {
    agencyId: 'naa',
    agencyName: 'National Audit Authority',
    name: 'Audit office',
    role: 'auditor',
  },
  {
    // The credential a citizen portal would hand the first demo citizen after an in-person check.
    agencyId: 'citizens',
    agencyName: 'Citizens',
    name: 'Demo citizen',
    role: 'citizen',
    nationalId: demoCitizens(Math.max(demoCount, 1)).nationalIds[0]!,
  },
];

const children = new Map<string, ChildProcess>();
let postgres: RunningPostgres | undefined;
let stopping = false;

async function main(): Promise<void> {
  const started = performance.now();
  let appUrl = config.databaseUrl;
  let migratorUrl = config.databaseMigrationUrl ?? appUrl;
  if (!appUrl) {
    say(`starting PostgreSQL under ${path.join(config.dataDir, 'postgres')}`);
    postgres = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
    });
    appUrl = postgres.url('app');
    migratorUrl = postgres.url('migrator');
  }
  const applied = await runMigrations(migratorUrl!);
  if (applied.length > 0) say(`applied ${applied.length} migration(s)`);

  const database = new Database({ url: appUrl, applicationName: 'spean-start' });
  const audit = new AuditLog(database);
  try {
    await registerDemoClients(database);
    // Adapters publish and consume only what they are approved for: approve the built-in ones.
    await registerBuiltInAdapters(database, audit, Object.values(ADAPTERS), {
      environment: config.environment,
      signingKeys: await builtInSigningKeys(config.dataDir, Object.values(ADAPTERS)),
    });
    await registerDemoAccess(database, audit);
  } finally {
    await audit.close();
    await database.close();
  }

  for (const app of APPS)
    startApp(app, { DATABASE_URL: appUrl, DATABASE_MIGRATION_URL: migratorUrl! });
  await Promise.all(APPS.map((app) => waitForHealth(app)));
  say(`gateway and adapters up (${Math.round(performance.now() - started)} ms)`);

  await seedDemoCitizens();
  say(
    `ready in ${((performance.now() - started) / 1000).toFixed(1)} s — GraphQL at http://127.0.0.1:${gatewayPort}/graphql`,
  );
  say(`demo client credentials: ${credentialsFile()}   (Ctrl-C stops everything)`);
}

function credentialsFile(): string {
  return path.join(config.dataDir, 'demo-credentials.json');
}

async function registerDemoClients(database: Database): Promise<void> {
  const clients = new ClientRepository(database);
  if ((await clients.countClients()) > 0) return;
  // Tokens are never issued here, so no signing key is needed.
  const service = new ClientCredentialsService(
    clients,
    () => {
      throw new Error('not used');
    },
    0,
  );
  const written = [];
  for (const client of DEMO_CLIENTS) {
    const { clientId, clientSecret } = await service.register(client);
    written.push({
      clientId,
      clientSecret,
      role: client.role,
      name: `${client.agencyName}: ${client.name}`,
      ...(client.adapter ? { adapter: client.adapter } : {}),
    });
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(credentialsFile(), `${JSON.stringify(written, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(credentialsFile(), 0o600);
  say(`registered ${written.length} demo clients`);
}

/** The demo's legal purposes, and on first run the grants of its business registration desk. */
async function registerDemoAccess(database: Database, audit: AuditLog): Promise<void> {
  const accessControl = new AccessControlService(
    database,
    audit,
    grantableSections(defaultSchemaCatalog()),
  );
  await registerPurposes(accessControl);
  if ((await accessControl.grants({ agencyId: 'mef', includeEnded: true })).length > 0) return;
  await grantSections(accessControl, 'mef', DEMO_GRANTS, 'demo: business registration desk');
  say(
    `granted the demo agency mef: ${DEMO_GRANTS.map((g) => `${g.purpose} (${g.sections.join(', ')})`).join('; ')}`,
  );
}

function startApp(app: AppSpec, extraEnv: Record<string, string>): void {
  const child = spawn(process.execPath, [...(app.nodeFlags ?? []), path.join(root, app.entry)], {
    cwd: root,
    env: { ...process.env, ...extraEnv, PORT: String(app.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(app.name, child);
  const prefix = `[${app.name}]`.padEnd(11);
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(app.name);
    if (!stopping) {
      say(`${app.name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything`);
      void stop(1);
    }
  });
}

async function waitForHealth(app: AppSpec): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopping');
    try {
      const response = await fetch(`http://127.0.0.1:${app.port}/health`, {
        signal: AbortSignal.timeout(1000),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${app.name} did not become healthy within 60 s`);
}

async function seedDemoCitizens(): Promise<void> {
  if (demoCount === 0 || !fs.existsSync(credentialsFile())) return;
  const credentials = JSON.parse(fs.readFileSync(credentialsFile(), 'utf8')) as DemoClient[];
  const agency = credentials.find((client) => client.role === 'agency');
  if (!agency) return;
  // An empty read model is the sign of a fresh database.
  const firstCitizen = demoCitizens(demoCount).nationalIds[0]!;
  if (await lookup(await accessToken(agency), firstCitizen)) return;
  const adapters = {} as Record<AdapterName, AdapterEndpoint>;
  for (const [name, adapter] of Object.entries(ADAPTERS) as Array<
    [AdapterName, (typeof ADAPTERS)[AdapterName]]
  >) {
    const client = credentials.find((c) => c.role === 'adapter' && c.adapter === name);
    if (!client) return;
    adapters[name] = {
      url: `http://127.0.0.1:${adapter.defaultPort}`,
      token: await accessToken(client),
    };
  }
  const seeded = await seedPopulation({ citizens: demoCount, seed: 1, adapters });
  say(
    `seeded ${demoCount} demo citizens (${seeded.records} records from all five ministries) ` +
      `through the adapters — e.g. national id ${firstCitizen}`,
  );
}

interface DemoClient {
  clientId: string;
  clientSecret: string;
  role: string;
  adapter?: string;
}

function accessToken(client: ClientSecret): Promise<string> {
  return fetchAccessToken(`http://127.0.0.1:${gatewayPort}`, client);
}

async function lookup(token: string, nationalId: string): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query:
        'query($id: ID!) { citizen(nationalId: $id, purpose: "business-registration", reference: "start-up check") { nationalId } }',
      variables: { id: nationalId },
    }),
  });
  const body = (await response.json()) as { data?: { citizen: unknown } };
  return Boolean(body.data?.citizen);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = [...children.values()].map(
    (child) =>
      new Promise<void>((resolve) =>
        child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
      ),
  );
  for (const child of children.values()) child.kill('SIGTERM');
  await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  for (const child of children.values()) child.kill('SIGKILL');
  await postgres?.stop();
  say('stopped');
  process.exit(code);
}

function say(message: string): void {
  process.stdout.write(`[spean]     ${message}\n`);
}

process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
main().catch((error: unknown) => {
  say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
