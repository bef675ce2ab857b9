// One adapter at medium size: its real services (intake, import, publishing,
// reactions) assembled by createAdapterApp in this process, on a freshly
// migrated PostgreSQL and the embedded bus, with every built-in adapter
// registered and approved — no HTTP server is started. Specs take the
// services from `app` and read the rows they leave from `db`.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createAdapterApp, readAdapterConfig, type AdapterDefinition } from '#spean/adapter-sdk';
import { AuditLog } from '#spean/audit';
import { createEventBus, topicFor, type EventBus } from '#spean/bus';
import { EnvReader } from '#spean/config';
import { Metrics } from '#spean/observability';
import { openSchemaRegistry, type OpenedSchemaRegistry } from '#spean/schema-registry';
import { ADAPTERS } from '../../tools/adapters.js';
import { registerBuiltInAdapters } from '../../tools/built-in-adapters.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { INTERIOR_KEY } from './transport-fixtures.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

export interface AdapterMedium {
  db: TestDatabase;
  audit: AuditLog;
  schemas: OpenedSchemaRegistry;
  bus: EventBus;
  app: INestApplication;
  /** The adapter's signing key, approved in the registry. */
  signingKey: KeyObject;
  close(): Promise<void>;
}

/**
 * Starts `definition` under its name: the registry approves what the built-in
 * adapter of that name declares, whatever `definition` declares. `env` adds settings.
 */
export async function startAdapterMedium(
  label: string,
  definition: AdapterDefinition,
  env: Record<string, string> = {},
): Promise<AdapterMedium> {
  const signingKey = generateKeyPairSync('ed25519').privateKey;
  const db = await createTestDatabase(label);
  const audit = new AuditLog(db.database);
  await registerBuiltInAdapters(db.database, audit, Object.values(ADAPTERS), {
    environment: 'test',
    // Interior's key too: it signs the life events the specs hand to reactions.
    signingKeys: {
      interior: createPublicKey(INTERIOR_KEY),
      [definition.name]: createPublicKey(signingKey),
    },
  });
  const schemas = await openSchemaRegistry(db.database, { environment: 'test', audit });
  const bus = await createEventBus({
    kafkaBrokers: [],
    partitions: 2,
    clientId: `${definition.name}-${db.name}`,
    database: db.database,
    logger: quiet,
  });
  await bus.ensureTopics(
    [...new Set([...definition.publishes, 'civil-event', 'vehicle-registration'])].map(topicFor),
  );
  const app = await createAdapterApp(
    {
      definition,
      config: readAdapterConfig(definition, new EnvReader({ LOG_LEVEL: 'error', ...env })),
      database: db.database,
      bus,
      metrics: new Metrics(definition.name),
      validator: schemas.validator,
      lineage: schemas.lineage,
      audit,
      signingKey,
    },
    async () => undefined,
  );
  await app.init();
  return {
    db,
    audit,
    schemas,
    bus,
    app,
    signingKey,
    async close() {
      await app.close();
      await bus.close();
      await schemas.close();
      await audit.close();
      await db.drop();
    },
  };
}
