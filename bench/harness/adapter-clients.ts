// The built-in adapters registered and approved on a fresh database, as
// `npm start` does, each with a client of its own: what the bench's and the
// fault suite's systems start from. The tools are read from dist/, the build
// the apps under test run from.
import type { KeyObject } from 'node:crypto';
import { ClientCredentialsService, ClientRepository } from '#spean/access';
import { AuditLog } from '#spean/audit';
import { Database } from '#spean/persistence';
import type { ClientSecret } from '../../tools/access-token.ts';
import { fromDist } from './dist.ts';

/** A built-in adapter's name. */
export type BuiltInAdapter = keyof (typeof import('../../tools/adapters.ts'))['ADAPTERS'];

export interface AdapterClientsOptions {
  appUrl: string;
  /** The database's application name while registering. */
  applicationName: string;
  /** Who the clients are for, in their names: "interior adapter (bench)". */
  clientsFor: string;
  /** The data directory an adapter will run with: its signing key is made there. */
  dataDirOf: (adapter: string) => string;
}

/** Registers and approves the built-in adapters; returns each one's client credentials. */
export async function registerAdapterClients<Name extends BuiltInAdapter>(
  names: readonly Name[],
  options: AdapterClientsOptions,
): Promise<Record<Name, ClientSecret>> {
  const { appUrl: url, applicationName } = options;
  const database = new Database({ url, applicationName });
  const audit = new AuditLog(database);
  try {
    const { registerBuiltInAdapters, builtInSigningKeys, BUILT_IN_AGENCY_IDS } = await fromDist<
      typeof import('../../tools/built-in-adapters.ts')
    >('tools/built-in-adapters.js');
    const { ADAPTERS } =
      await fromDist<typeof import('../../tools/adapters.ts')>('tools/adapters.js');
    const signingKeys: Record<string, KeyObject> = {};
    for (const adapter of Object.values(ADAPTERS)) {
      Object.assign(
        signingKeys,
        await builtInSigningKeys(options.dataDirOf(adapter.name), [adapter]),
      );
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
    const clients = {} as Record<Name, ClientSecret>;
    for (const name of names) {
      clients[name] = await credentials.register({
        agencyId: BUILT_IN_AGENCY_IDS[name] ?? name,
        agencyName: ADAPTERS[name].title,
        name: `${name} adapter (${options.clientsFor})`,
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
