// One system under test for one bus: a fresh, migrated database on the run's
// PostgreSQL, the built-in adapters registered and approved (as `npm start`
// does), a client of each adapter, and the gateway and adapters running
// under the supervisor. What the publisher drives and the ledger checks.
import path from 'node:path';
import { ClientCredentialsService, ClientRepository } from '#spean/access';
import { AuditLog } from '#spean/audit';
import { Database, createDatabase, runMigrations } from '#spean/persistence';
import { fromDist } from '../../bench/harness/dist.ts';
import { HarnessSupervisor, type AppSupervisor } from './app-supervisor.ts';
import type { ChaosPostgres } from './infrastructure.ts';
import { ADAPTER_TARGETS, type BusKind } from './options.ts';

export type AdapterName = (typeof ADAPTER_TARGETS)[number];

export interface ClientSecret {
  clientId: string;
  clientSecret: string;
}

export interface ChaosSystem {
  bus: BusKind;
  appUrl: string;
  migratorUrl: string;
  /** The gateway's data directory: its audit signing key is there. */
  gatewayDataDir: string;
  busNamespace?: string;
  kafkaBrokers?: string;
  supervisor: AppSupervisor;
  clients: Record<AdapterName, ClientSecret>;
  stop(): Promise<void>;
}

export async function startChaosSystem(options: {
  bus: BusKind;
  postgres: ChaosPostgres;
  workDir: string;
  kafkaBrokers?: string;
}): Promise<ChaosSystem> {
  const name = `chaos_${options.bus}`;
  const server = options.postgres.running;
  await createDatabase(
    {
      host: '127.0.0.1',
      port: server.port,
      user: server.credentials.superuser.user,
      password: server.credentials.superuser.password,
    },
    name,
  );
  const migratorUrl = server.url('migrator', name);
  const appUrl = server.url('app', name);
  await runMigrations(migratorUrl);
  const clients = await registerAdapters(appUrl, options.workDir);
  // A namespace of its own, so a reused broker never hands this run an earlier run's records.
  const busNamespace = options.bus === 'kafka' ? `chaos-${Date.now().toString(36)}` : undefined;
  const supervisor = await HarnessSupervisor.start({
    workDir: options.workDir,
    databaseUrl: appUrl,
    migratorUrl,
    ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}),
    ...(busNamespace ? { busNamespace } : {}),
  });
  return {
    bus: options.bus,
    appUrl,
    migratorUrl,
    gatewayDataDir: `${options.workDir}/apps/gateway`,
    ...(busNamespace ? { busNamespace } : {}),
    ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}),
    supervisor,
    clients,
    stop: () => supervisor.stop(),
  };
}

/**
 * Registers and approves the built-in adapters, as `npm start` does, and
 * gives each a client of its own; returns the clients' credentials.
 */
async function registerAdapters(
  appUrl: string,
  workDir: string,
): Promise<Record<AdapterName, ClientSecret>> {
  const database = new Database({ url: appUrl, applicationName: 'spean-chaos' });
  const audit = new AuditLog(database);
  try {
    const { registerBuiltInAdapters, builtInSigningKeys, BUILT_IN_AGENCY_IDS } = await fromDist<
      typeof import('../built-in-adapters.ts')
    >('tools/built-in-adapters.js');
    const { ADAPTERS } = await fromDist<typeof import('../adapters.ts')>('tools/adapters.js');
    // Each app has a data directory of its own, so each adapter's key is made in its own.
    const signingKeys: Record<string, import('node:crypto').KeyObject> = {};
    for (const adapter of Object.values(ADAPTERS)) {
      const dataDir = path.join(workDir, 'apps', adapter.name);
      Object.assign(signingKeys, await builtInSigningKeys(dataDir, [adapter]));
    }
    await registerBuiltInAdapters(database, audit, Object.values(ADAPTERS), {
      environment: 'production',
      signingKeys,
    });
    // Tokens are issued by the gateway under test, not here.
    const credentials = new ClientCredentialsService(
      new ClientRepository(database),
      () => {
        throw new Error('not used');
      },
      0,
    );
    const clients = {} as Record<AdapterName, ClientSecret>;
    for (const name of ADAPTER_TARGETS) {
      clients[name] = await credentials.register({
        agencyId: BUILT_IN_AGENCY_IDS[name] ?? name,
        agencyName: ADAPTERS[name].title,
        name: `${name} adapter (fault suite)`,
        role: 'adapter',
        adapter: name,
      });
    }
    return clients;
  } finally {
    await audit.close();
    await database.close();
  }
}
