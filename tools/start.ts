// `npm start`: the whole system on one machine. Starts PostgreSQL (embedded
// unless DATABASE_URL is set), migrates it, registers demo clients on first
// run and seeds demo citizens into an empty database (neither in production
// unless SEED_DEMO=true), starts the gateway and every adapter as supervised
// child processes — one that dies is started again; a crash loop stops
// everything with a message — and stops everything cleanly on Ctrl-C.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditLog } from '#spean/audit';
import { EnvReader } from '#spean/config';
import { Database, migratedServer, type MigratedServer } from '#spean/persistence';
import { GATEWAY_NODE_FLAGS } from '../apps/gateway/src/gateway.node-flags.js';
import { ADAPTERS } from './adapters.js';
import { builtInSigningKeys, registerBuiltInAdapters } from './built-in-adapters.js';
import { credentialsFile, prepareDemoAccess, seedDemoCitizens } from './demo-data.js';
import { adapterPort, readStartConfig } from './start.config.js';
import { Supervisor } from './supervisor.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = new EnvReader();
const config = readStartConfig(env);
const gatewayPort = config.gatewayPort;
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
    port: adapterPort(config, adapter),
  })),
];

const supervisor = new Supervisor({
  maxRestarts: config.maxRestarts,
  windowMs: config.restartWindowMs,
  say,
  output: (app, line) => process.stdout.write(`${`[${app}]`.padEnd(11)} ${line}\n`),
  // One app that cannot stay up makes the whole system useless: stop it all, loudly.
  onGiveUp: () => void stop(1),
});
const HEALTH_TIMEOUT_MS = 180_000;
let postgres: MigratedServer | undefined;
let stopping = false;

async function main(): Promise<void> {
  const started = performance.now();
  postgres = await migratedServer(config, {
    starting: () => say(`starting PostgreSQL under ${path.join(config.dataDir, 'postgres')}`),
    // Stopped last, after the apps, not by the terminal's Ctrl-C with them.
    ownProcessGroup: true,
  });
  const { appUrl, migratorUrl, applied } = postgres;
  if (applied.length > 0) say(`applied ${applied.length} migration(s)`);

  const database = new Database({ url: appUrl, applicationName: 'spean-start' });
  const audit = new AuditLog(database);
  try {
    // Adapters publish and consume only what they are approved for: approve the built-in ones.
    await registerBuiltInAdapters(database, audit, Object.values(ADAPTERS), {
      environment: config.environment,
      signingKeys: await builtInSigningKeys(config.dataDir, Object.values(ADAPTERS)),
    });
    await prepareDemoAccess(database, audit, config, say);
  } finally {
    await audit.close();
    await database.close();
  }

  for (const app of APPS)
    startApp(app, {
      DATABASE_URL: appUrl,
      DATABASE_MIGRATION_URL: migratorUrl,
      // Adapters verify tokens with the keys this gateway publishes.
      ...(app.name === 'gateway' ? {} : { GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` }),
    });
  await Promise.all(APPS.map((app) => waitForHealth(app)));
  say(`gateway and adapters up (${Math.round(performance.now() - started)} ms)`);

  await seedDemoCitizens(config, say);
  say(
    `ready in ${((performance.now() - started) / 1000).toFixed(1)} s — GraphQL at http://127.0.0.1:${gatewayPort}/graphql`,
  );
  say(`console at http://127.0.0.1:${gatewayPort}/console/`);
  say(
    config.seedDemo
      ? `console logins and demo client credentials: ${credentialsFile(config)}   (Ctrl-C stops everything)`
      : 'Ctrl-C stops everything',
  );
}

function startApp(app: AppSpec, extraEnv: Record<string, string>): void {
  supervisor.start({
    name: app.name,
    command: process.execPath,
    args: [...(app.nodeFlags ?? []), path.join(root, app.entry)],
    cwd: root,
    env: { ...process.env, ...extraEnv, PORT: String(app.port) },
  });
}

async function waitForHealth(app: AppSpec): Promise<void> {
  // Long enough for an app to wait out a Kafka broker that is still starting.
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
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
  throw new Error(`${app.name} did not become healthy within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await supervisor.stop();
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
