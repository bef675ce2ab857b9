// One adapter at medium size: its real services (intake, import, publishing,
// reactions) assembled by createAdapterApp in this process, on a freshly
// migrated PostgreSQL and the embedded bus, with every built-in adapter
// registered and approved — no HTTP server is started. Specs take the
// services from `app` and read the rows they leave from `db`.
import {
  createPublicKey,
  generateKeyPairSync,
  randomInt,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import {
  AdapterRecordRepository,
  createAdapterApp,
  readAdapterConfig,
  type AdapterDefinition,
} from '#spean/adapter-sdk';
import { AuditLog } from '#spean/audit';
import { createEventBus, topicFor, type ConsumedMessage, type EventBus } from '#spean/bus';
import { EnvReader } from '#spean/config';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import { openSchemaRegistry, type OpenedSchemaRegistry } from '#spean/schema-registry';
import { ADAPTERS } from '../../tools/adapters.js';
import { registerBuiltInAdapters } from '../../tools/built-in-adapters.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const ids = new VerhoeffNationalIdScheme();
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
    signingKeys: { [definition.name]: createPublicKey(signingKey) },
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

/** A canonical vehicle registration of `owner`, as the transport ministry sends it. */
export const vehicle = (plate: string, owner: string): Record<string, unknown> => ({
  recordType: 'vehicle-registration',
  schemaVersion: 1,
  recordId: plate,
  subjectId: owner,
  version: 1,
  op: 'upsert',
  occurredAt: '2026-12-01T10:00:00+07:00',
  payload: {
    plateNumber: plate,
    vin: 'JTDKB20U093456789',
    make: 'Toyota',
    model: 'Prius',
    year: 2009,
    category: 'car',
    owner: { nationalId: owner },
    registrationDate: '2019-03-02',
    status: 'active',
    ownerDeceased: false,
  },
});
/** The transport CSV export's header, and a row of it. */
export const IMPORT_HEADER = [
  'plate_number',
  'vin',
  'make',
  'model',
  'year',
  'category',
  'colour',
  'owner_national_id',
  'owner_name',
  'registration_date',
  'inspection_due_date',
  'status',
];
export const importRow = (plate: string, owner: string): string[] => [
  plate,
  'JTDKB20U093456789',
  'Toyota',
  'Prius',
  '2009',
  'car',
  'silver',
  owner,
  'Sok Chantha',
  '2019-03-02',
  '2027-03-02',
  'active',
];
const deathFixture = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../schemas/civil-event/ok/death-in-kandal.json'),
    'utf8',
  ),
) as Record<string, unknown>;
/** A death as the reaction consumer receives it (its signature was checked before handle). */
export const deathOf = (owner: string): ConsumedMessage => ({
  topic: topicFor('civil-event'),
  partition: 0,
  offset: '0',
  key: owner,
  value: Buffer.from(
    JSON.stringify({
      recordType: 'civil-event',
      schemaVersion: 1,
      recordId: `CE-${randomUUID()}`,
      subjectId: owner,
      version: 1,
      op: 'upsert',
      source: 'interior',
      eventId: randomUUID(),
      occurredAt: '2026-12-01T10:00:00+07:00',
      payload: { ...deathFixture, subject: { nationalId: owner } },
    }),
  ),
  headers: { 'record-type': 'civil-event', 'schema-version': '1', source: 'interior' },
  timestamp: new Date(),
});
export const newOwner = (): string => ids.fromSerial(randomInt(0, ids.capacity));
export const newPlate = (): string =>
  `2C${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;

/** Keeps `vehicle(plate, owner)` in the transport adapter's store at version 1, as if published before. */
export async function storedVehicle(
  database: Database,
  plate: string,
  owner: string,
): Promise<void> {
  await new AdapterRecordRepository(database, 'transport').save([
    {
      recordType: 'vehicle-registration',
      recordId: plate,
      subjectId: owner,
      relatedSubjects: [],
      version: 1,
      schemaVersion: 1,
      deleted: false,
      payload: vehicle(plate, owner).payload as Record<string, unknown>,
      eventId: randomUUID(),
      occurredAt: '2026-12-01T10:00:00+07:00',
    },
  ]);
}
