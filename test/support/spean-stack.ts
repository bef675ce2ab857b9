// The whole system in one test process: a fresh database, a bus (embedded or
// Kafka), the gateway and the interior adapter on ephemeral ports, and one
// client of each kind. The apps are assembled by the same functions their
// main.ts files use, on the same platform (libs/platform).
import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import {
  AccessControlService,
  ClientCredentialsService,
  type GrantableSections,
  ClientRepository,
  Pseudonymizer,
  RemoteKeySet,
  generateSigningKeyPem,
  signingKeyFromPem,
  type SigningKey,
} from '#spean/access';
import { createAdapterApp, readAdapterConfig, type AdapterDefinition } from '#spean/adapter-sdk';
import { AuditLog, auditKeyFromPem, type AuditKey } from '#spean/audit';
import type { EventBus } from '#spean/bus';
import { EnvReader } from '#spean/config';
import { getNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { assemblePlatform, type Platform } from '#spean/platform';
import type { OpenedSchemaRegistry } from '#spean/schema-registry';
import { createGatewayApp, GRANTABLE_SECTIONS } from '../../apps/gateway/src/gateway.app.js';
import { readGatewayConfig } from '../../apps/gateway/src/config/gateway.config.js';
import { fetchAccessToken } from '../../tools/access-token.js';
import { ADAPTERS, type AdapterName } from '../../tools/adapters.js';
import { registerBuiltInAdapters } from '../../tools/built-in-adapters.js';
import { DEMO_PURPOSES, grantSections, registerPurposes } from '../../tools/demo-access.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type Transport = 'embedded' | 'kafka';

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

export { ADAPTERS, type AdapterName };

export interface RunningAdapter {
  url: string;
  credentials: Credentials;
}

export interface SpeanStack {
  gatewayUrl: string;
  schemas: OpenedSchemaRegistry;
  /** The audit log the gateway and adapters write; its public key checks the checkpoints. */
  audit: AuditLog;
  auditKey: AuditKey;
  /** The gateway's own purposes and grants service: changes take effect at once. */
  accessControl: AccessControlService;
  /** The interior adapter's URL. */
  adapterUrl: string;
  adapters: Record<AdapterName, RunningAdapter>;
  /** The built-in adapters' private signing keys (their public keys are approved). */
  signingKeys: Record<AdapterName, KeyObject>;
  db: TestDatabase;
  bus: EventBus;
  agency: Credentials;
  /** The interior adapter's client. */
  adapter: Credentials;
  steward: Credentials;
  integrator: Credentials;
  /** An auditor of the National Audit Authority (agency naa). */
  auditor: Credentials;
  /** Registers a citizen client for this national id, as a citizen portal would after an identity check. */
  citizen(nationalId: string): Promise<Credentials>;
  /** Registers the desk client of another agency ("Ministry of <agencyId>"), with no grants yet. */
  agencyDesk(agencyId: string): Promise<Credentials>;
  token(credentials: Credentials): Promise<string>;
  graphql<T = unknown>(
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>>;
  /** Posts to an adapter's intake (the interior adapter unless named). */
  publish(
    token: string,
    body: unknown,
    adapter?: AdapterName,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Posts records to an adapter with a token of that adapter's own client. */
  publishAs(
    adapter: AdapterName,
    body: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /**
   * The environment a CLI command run beside this stack reads: the process's,
   * with the stack's own bus. A full `npm test` starts a Kafka broker for the
   * Kafka suites and every test worker inherits its KAFKA_BROKERS; a command
   * reading that would look at another bus than the stack's.
   */
  cliEnv(): EnvReader;
  close(): Promise<void>;
}

export interface GraphqlResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export async function startStack(transport: Transport, label: string): Promise<SpeanStack> {
  const db = await createTestDatabase(label);
  const cleanup: Array<() => Promise<void>> = [() => db.drop()];
  try {
    return await assemble(transport, db, cleanup);
  } catch (error) {
    // A half-started stack must not keep the test worker alive.
    for (const close of cleanup.reverse()) await close().catch(() => undefined);
    throw error;
  }
}

async function assemble(
  transport: Transport,
  db: TestDatabase,
  cleanup: Array<() => Promise<void>>,
): Promise<SpeanStack> {
  const auditKey = auditKeyFromPem(generateSigningKeyPem());
  const audit = new AuditLog(db.database, { signer: auditKey.signer });
  cleanup.push(() => audit.close());
  // One platform per process in production; here each app gets its own registry
  // and bus on the one database and audit log, as each process would.
  // Test files share one broker: a namespace per file keeps their topics and groups apart.
  const bus: { kafkaBrokers: string[]; partitions: number; namespace?: string } =
    transport === 'kafka'
      ? { kafkaBrokers: kafkaBrokers(), partitions: 4, namespace: db.name }
      : { kafkaBrokers: [], partitions: 4 };
  const platformFor = async (name: string): Promise<Platform> => {
    const platform = await assemblePlatform(db.database, audit, {
      name,
      environment: 'test',
      bus,
      logger: QUIET,
    });
    cleanup.push(() => platform.close());
    return platform;
  };
  const gatewayPlatform = await platformFor(`gateway-${db.name}`);
  const signingKey = signingKeyFromPem(generateSigningKeyPem());
  const gateway = await startGateway(gatewayPlatform, signingKey, auditKey, cleanup);
  const gatewayUrl = urlOf(gateway);
  const { signingKeys, adapterUrls } = await startAdapters(
    db,
    audit,
    gatewayUrl,
    platformFor,
    cleanup,
  );
  const credentials = new ClientCredentialsService(
    new ClientRepository(db.database),
    () => signingKey,
    900,
  );
  const clients = await registerClients(credentials);
  const accessControl = await grantEverything(gateway);
  const tokens = new Map<string, string>();
  const adapters = Object.fromEntries(
    (Object.keys(ADAPTERS) as AdapterName[]).map((name) => [
      name,
      { url: adapterUrls[name], credentials: clients.adapters[name] },
    ]),
  ) as Record<AdapterName, RunningAdapter>;

  const stack: SpeanStack = {
    gatewayUrl,
    schemas: gatewayPlatform.schemas,
    audit,
    auditKey,
    accessControl,
    adapterUrl: adapterUrls.interior,
    adapters,
    signingKeys,
    db,
    bus: gatewayPlatform.bus,
    agency: clients.agency,
    adapter: clients.adapters.interior,
    steward: clients.steward,
    integrator: clients.integrator,
    auditor: clients.auditor,
    citizen: (nationalId) =>
      credentials.register({
        agencyId: 'citizens',
        agencyName: 'Citizens',
        name: 'Citizen',
        role: 'citizen',
        nationalId,
      }),
    agencyDesk: (agencyId) =>
      credentials.register({
        agencyId,
        agencyName: `Ministry of ${agencyId}`,
        name: `${agencyId} desk`,
        role: 'agency',
      }),
    token: (client) => fetchAccessToken(gatewayUrl, client),
    graphql: (token, query, variables = {}) => postGraphql(gatewayUrl, token, query, variables),
    publish: (token, body, adapter = 'interior') => postRecords(adapterUrls[adapter], token, body),
    async publishAs(adapter, body) {
      let token = tokens.get(adapter);
      if (!token) tokens.set(adapter, (token = await stack.token(clients.adapters[adapter])));
      return stack.publish(token, body, adapter);
    },
    cliEnv: () =>
      new EnvReader({
        ...process.env,
        KAFKA_BROKERS: bus.kafkaBrokers.join(','),
        BUS_PARTITIONS: String(bus.partitions),
        BUS_NAMESPACE: bus.namespace,
      }),
    async close() {
      // Apps first, then their buses and registries, the database last.
      for (const close of cleanup.reverse()) await close();
    },
  };
  return stack;
}

const QUIET = {
  log: () => undefined,
  warn: () => undefined,
  error: (m: string) => console.error(m),
};

async function startGateway(
  platform: Platform,
  signingKey: SigningKey,
  auditKey: AuditKey,
  cleanup: Array<() => Promise<void>>,
): Promise<INestApplication> {
  // Suites drive the gateway harder than one client may in production; the limits have their own suite.
  const env = new EnvReader({
    LOG_LEVEL: 'warn',
    DATA_DIR: '/nonexistent-test-data-dir',
    GRAPHQL_RATE_LIMIT_PER_SECOND: '0',
  });
  const gateway = await createGatewayApp({
    config: readGatewayConfig(env),
    database: platform.database,
    bus: platform.bus,
    metrics: new Metrics('gateway'),
    signingKey,
    validator: platform.schemas.validator,
    nationalIds: getNationalIdScheme(),
    schemaRegistry: platform.schemas.registry,
    lineage: platform.schemas.lineage,
    audit: platform.audit,
    pseudonyms: new Pseudonymizer(randomBytes(32)),
    auditPublicKey: auditKey.publicKey,
  });
  cleanup.push(() => gateway.close());
  await gateway.listen(0, '127.0.0.1');
  return gateway;
}

/**
 * Adapters publish and consume only what they are approved for, and sign with
 * approved keys; the built-in ones are and do, from the start.
 */
async function startAdapters(
  db: TestDatabase,
  audit: AuditLog,
  gatewayUrl: string,
  platformFor: (name: string) => Promise<Platform>,
  cleanup: Array<() => Promise<void>>,
): Promise<{
  signingKeys: Record<AdapterName, KeyObject>;
  adapterUrls: Record<AdapterName, string>;
}> {
  const signingKeys = Object.fromEntries(
    Object.keys(ADAPTERS).map((name) => [name, generateKeyPairSync('ed25519').privateKey]),
  ) as Record<AdapterName, KeyObject>;
  await registerBuiltInAdapters(db.database, audit, Object.values(ADAPTERS), {
    environment: 'test',
    signingKeys: Object.fromEntries(
      Object.entries(signingKeys).map(([name, key]) => [name, createPublicKey(key)]),
    ),
  });
  const adapterUrls = {} as Record<AdapterName, string>;
  for (const [name, definition] of Object.entries(ADAPTERS) as Array<
    [AdapterName, AdapterDefinition]
  >) {
    const platform = await platformFor(`${name}-${db.name}`);
    const adapter = await createAdapterApp(
      {
        definition,
        config: readAdapterConfig(definition, new EnvReader({ LOG_LEVEL: 'warn' })),
        database: platform.database,
        bus: platform.bus,
        metrics: new Metrics(name),
        audit: platform.audit,
        signingKey: signingKeys[name],
        validator: platform.schemas.validator,
        lineage: platform.schemas.lineage,
      },
      new RemoteKeySet(`${gatewayUrl}/.well-known/jwks.json`).resolve,
    );
    cleanup.push(() => adapter.close());
    await adapter.listen(0, '127.0.0.1');
    adapterUrls[name] = urlOf(adapter);
  }
  return { signingKeys, adapterUrls };
}

async function registerClients(credentials: ClientCredentialsService): Promise<{
  agency: Credentials;
  integrator: Credentials;
  steward: Credentials;
  auditor: Credentials;
  adapters: Record<AdapterName, Credentials>;
}> {
  const agency = await credentials.register({
    agencyId: 'mef',
    agencyName: 'Ministry of Economy and Finance',
    name: 'Business registration desk',
    role: 'agency',
  });
  const integrator = await credentials.register({
    agencyId: 'mpwt',
    agencyName: 'Ministry of Public Works and Transport',
    name: 'Vehicle register IT team',
    role: 'integrator',
  });
  const adapters = {} as Record<AdapterName, Credentials>;
  for (const name of Object.keys(ADAPTERS) as AdapterName[]) {
    adapters[name] = await credentials.register({
      agencyId: name,
      agencyName: ADAPTERS[name].title,
      name: `${name} adapter`,
      role: 'adapter',
      adapter: name,
    });
  }
  const steward = await credentials.register({
    agencyId: 'interop-office',
    agencyName: 'Interoperability Office',
    name: 'Data steward',
    role: 'steward',
  });
  const auditor = await credentials.register({
    agencyId: 'naa',
    agencyName: 'National Audit Authority',
    name: 'Audit office',
    role: 'auditor',
  });
  return { agency, integrator, steward, auditor, adapters };
}

/**
 * Deny by default: the stack's agency is granted every section, the id itself
 * and verification, for every demo purpose; tests of narrower grants make their own.
 */
async function grantEverything(gateway: INestApplication): Promise<AccessControlService> {
  const accessControl = gateway.get(AccessControlService);
  const grantableSections = gateway.get<symbol, GrantableSections>(GRANTABLE_SECTIONS);
  await registerPurposes(accessControl);
  await grantSections(
    accessControl,
    'mef',
    DEMO_PURPOSES.map(({ code }) => ({ purpose: code, sections: [...grantableSections.keys()] })),
    'test stack: everything for every purpose',
  );
  return accessControl;
}

async function postGraphql<T>(
  gatewayUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

async function postRecords(
  adapterUrl: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${adapterUrl}/v1/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function urlOf(app: INestApplication): string {
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

function kafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error(
      'KAFKA_BROKERS is not set: the kafka global setup should have started a broker',
    );
  return brokers.split(',');
}
