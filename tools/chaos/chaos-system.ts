// One system under test for one bus: a fresh, migrated database on the run's
// PostgreSQL, the built-in adapters registered and approved (as `npm start`
// does), a client of each adapter, and the gateway and adapters running
// under the supervisor. What the publisher drives and the ledger checks.
import path from 'node:path';
import { createDatabase, runMigrations } from '#spean/persistence';
import { registerAdapterClients } from '../../bench/harness/adapter-clients.ts';
import type { ClientSecret } from '../access-token.ts';
import { HarnessSupervisor, type AppSupervisor } from './app-supervisor.ts';
import type { ChaosPostgres } from './infrastructure.ts';
import { ADAPTER_TARGETS, type BusKind } from './options.ts';

export type AdapterName = (typeof ADAPTER_TARGETS)[number];

export type { ClientSecret };

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
  // Each app has a data directory of its own, so each adapter's key is made in its own.
  const clients = await registerAdapterClients(ADAPTER_TARGETS, {
    appUrl,
    applicationName: 'spean-chaos',
    clientsFor: 'fault suite',
    dataDirOf: (adapter) => path.join(options.workDir, 'apps', adapter),
  });
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
