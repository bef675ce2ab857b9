// The whole system in one test process: a fresh database, a bus (embedded or
// Kafka), the gateway and the interior adapter on ephemeral ports, and one
// client of each kind. The apps are assembled by the same functions their
// main.ts files use.
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import {
  ClientCredentialsService,
  ClientRepository,
  RemoteKeySet,
  generateSigningKeyPem,
  signingKeyFromPem,
} from '#spean/access';
import { createAdapterApp, readAdapterConfig, type AdapterDefinition } from '#spean/adapter-sdk';
import { createEventBus, type EventBus } from '#spean/bus';
import { EnvReader } from '#spean/config';
import { getNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { RecordValidator } from '#spean/schema-registry';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app.js';
import { readGatewayConfig } from '../../apps/gateway/src/config/gateway.config.js';
import { INTERIOR_ADAPTER } from '../../apps/interior/src/interior.adapter.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type Transport = 'embedded' | 'kafka';

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

export interface SpeanStack {
  gatewayUrl: string;
  adapterUrl: string;
  db: TestDatabase;
  bus: EventBus;
  agency: Credentials;
  adapter: Credentials;
  steward: Credentials;
  token(credentials: Credentials): Promise<string>;
  graphql<T = unknown>(
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>>;
  publish(token: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface GraphqlResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export async function startStack(transport: Transport, label: string): Promise<SpeanStack> {
  const db = await createTestDatabase(label);
  const env = new EnvReader({ LOG_LEVEL: 'warn', DATA_DIR: '/nonexistent-test-data-dir' });
  const gatewayConfig = readGatewayConfig(env);
  const logger = {
    log: () => undefined,
    warn: () => undefined,
    error: (m: string) => console.error(m),
  };
  const busFor = async (clientId: string): Promise<EventBus> => {
    const brokers = transport === 'kafka' ? kafkaBrokers() : [];
    // Test files share one broker: a namespace per file keeps their topics and groups apart.
    return createEventBus({
      kafkaBrokers: brokers,
      partitions: 4,
      clientId,
      database: db.database,
      logger,
      namespace: transport === 'kafka' ? db.name : undefined,
    });
  };

  const signingKey = signingKeyFromPem(generateSigningKeyPem());
  const gatewayBus = await busFor(`gateway-${db.name}`);
  const gateway = await createGatewayApp({
    config: gatewayConfig,
    database: db.database,
    bus: gatewayBus,
    metrics: new Metrics('gateway'),
    signingKey,
    validator: new RecordValidator(),
    nationalIds: getNationalIdScheme(),
  });
  await gateway.listen(0, '127.0.0.1');
  const gatewayUrl = urlOf(gateway);

  const adapterBus = await busFor(`interior-${db.name}`);
  const definition: AdapterDefinition = INTERIOR_ADAPTER;
  const adapter = await createAdapterApp(
    {
      definition,
      config: readAdapterConfig(definition, new EnvReader({ LOG_LEVEL: 'warn' })),
      database: db.database,
      bus: adapterBus,
      metrics: new Metrics('interior'),
      validator: new RecordValidator(),
    },
    new RemoteKeySet(`${gatewayUrl}/.well-known/jwks.json`).resolve,
  );
  await adapter.listen(0, '127.0.0.1');

  const credentials = new ClientCredentialsService(
    new ClientRepository(db.database),
    () => signingKey,
    900,
  );
  const agency = await credentials.register({
    agencyId: 'mef',
    agencyName: 'Ministry of Economy and Finance',
    name: 'Business registration desk',
    role: 'agency',
  });
  const interior = await credentials.register({
    agencyId: 'moi',
    agencyName: 'Ministry of Interior',
    name: 'Interior adapter',
    role: 'adapter',
    adapter: 'interior',
  });
  const steward = await credentials.register({
    agencyId: 'interop-office',
    agencyName: 'Interoperability Office',
    name: 'Data steward',
    role: 'steward',
  });

  return {
    gatewayUrl,
    adapterUrl: urlOf(adapter),
    db,
    bus: gatewayBus,
    agency,
    adapter: interior,
    steward,
    async token(client) {
      const response = await fetch(`${gatewayUrl}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }),
      });
      if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
    async graphql(token, query, variables = {}) {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async publish(token, body) {
      const response = await fetch(`${urlOf(adapter)}/v1/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async close() {
      await adapter.close();
      await gateway.close();
      await adapterBus.close();
      await gatewayBus.close();
      await db.drop();
    },
  };
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
