// One path to publish, at medium size: the adapter's real services in one
// process, on a real PostgreSQL and the embedded bus, no HTTP stack. Intake,
// CSV import and reactions all go through Publishing.publish, so the same
// record is refused the same way — checked before it is validated, the
// refusal audited — whichever of them carries it. The adapter here is the
// transport adapter with a definition that no longer declares
// vehicle-registration, though the registry still approves it: the case the
// declared-type check exists for.
import { createPublicKey, generateKeyPairSync, randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#spean/access';
import {
  AdapterRecordRepository,
  createAdapterApp,
  ImportService,
  IntakeException,
  IntakeExceptionCode,
  IntakeService,
  Publishing,
  readAdapterConfig,
  type AdapterDefinition,
} from '#spean/adapter-sdk';
import { ADAPTER_CHANNEL } from '#spean/adapter-registry';
import { AuditLog } from '#spean/audit';
import { createEventBus, topicFor, type ConsumedMessage, type EventBus } from '#spean/bus';
import { EnvReader } from '#spean/config';
import { recordSigner, signedHeaders, VerhoeffNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { openSchemaRegistry, type OpenedSchemaRegistry } from '#spean/schema-registry';
import { ReactionConsumer } from '../../libs/adapter-sdk/src/reactions/reaction.consumer.js';
import { ADAPTERS } from '../../tools/adapters.js';
import { registerBuiltInAdapters } from '../../tools/built-in-adapters.js';
import { listeningOn } from '../support/listening.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ids = new VerhoeffNationalIdScheme();
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const signingKey = generateKeyPairSync('ed25519').privateKey;
/** Interior's approved key, which signs the deaths the reactions consume. */
const interiorKey = generateKeyPairSync('ed25519').privateKey;
const principal: Principal = {
  clientId: 'transport-test',
  agencyId: 'mpwt',
  role: 'adapter',
  adapter: 'transport',
};
/** The transport adapter whose code no longer publishes vehicle registrations. */
const undeclared: AdapterDefinition = {
  ...ADAPTERS.transport,
  publishes: ['land-title'],
};

const vehicle = (plate: string, owner: string): Record<string, unknown> => ({
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
const HEADER = [
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
const row = (plate: string, owner: string): string[] => [
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
/** A death as the reaction consumer receives it: signed by interior, whose key is approved. */
const deathOf = (owner: string): ConsumedMessage => {
  const value = Buffer.from(
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
  );
  return {
    topic: topicFor('civil-event'),
    partition: 0,
    offset: '0',
    key: owner,
    value,
    headers: signedHeaders(recordSigner(interiorKey), value, {
      'record-type': 'civil-event',
      'schema-version': '1',
      source: 'interior',
    }),
    timestamp: new Date(),
  };
};
const newOwner = (): string => ids.fromSerial(randomInt(0, ids.capacity));
const newPlate = (): string =>
  `2C${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;

describe('one path to publish (medium: real services, database and embedded bus)', () => {
  let db: TestDatabase;
  let audit: AuditLog;
  let schemas: OpenedSchemaRegistry;
  let bus: EventBus;
  let app: INestApplication;

  const refusals = () =>
    db.database.query<{ actor_client: string; details: Record<string, unknown> }>(
      `SELECT actor_client, details FROM audit_entry WHERE kind = 'adapter-refusal' ORDER BY seq`,
    );
  const kept = async (): Promise<number> =>
    (await db.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM adapter_record`))[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase('publishing_medium');
    audit = new AuditLog(db.database);
    await registerBuiltInAdapters(db.database, audit, Object.values(ADAPTERS), {
      environment: 'test',
      signingKeys: {
        transport: createPublicKey(signingKey),
        interior: createPublicKey(interiorKey),
      },
    });
    schemas = await openSchemaRegistry(db.database, { environment: 'test', audit });
    bus = await createEventBus({
      kafkaBrokers: [],
      partitions: 2,
      clientId: `publishing-${db.name}`,
      database: db.database,
      logger: quiet,
    });
    await bus.ensureTopics([topicFor('vehicle-registration'), topicFor('civil-event')]);
    app = await createAdapterApp(
      {
        definition: undeclared,
        config: readAdapterConfig(undeclared, new EnvReader({ LOG_LEVEL: 'error' })),
        database: db.database,
        bus,
        metrics: new Metrics('transport'),
        validator: schemas.validator,
        lineage: schemas.lineage,
        audit,
        signingKey,
      },
      async () => undefined,
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await schemas?.close();
    await audit?.close();
    await db?.drop();
  });

  it('hears the registry on one LISTEN connection, for its approvals and its reactions’ keys', async () => {
    await expect(listeningOn(db.database, ADAPTER_CHANNEL)).resolves.toBe(1);
  });

  it('refuses at intake a record type the adapter does not declare, and audits the refusal', async () => {
    const before = (await refusals()).length;
    const accepting = app
      .get(IntakeService)
      .accept(principal, { kind: 'json', value: vehicle(newPlate(), newOwner()) });
    await expect(accepting).rejects.toBeInstanceOf(IntakeException);
    await expect(accepting).rejects.toMatchObject({
      code: IntakeExceptionCode.RECORD_TYPE_NOT_PUBLISHED,
      message: expect.stringContaining(
        'record 0: the transport adapter does not publish vehicle-registration',
      ) as unknown,
    });
    const after = await refusals();
    expect(after.slice(before)).toEqual([
      {
        actor_client: 'transport-test',
        details: expect.objectContaining({
          adapter: 'transport',
          action: 'publish',
          recordType: 'vehicle-registration',
          schemaVersion: 1,
        }) as unknown,
      },
    ]);
    await expect(kept()).resolves.toBe(0);
  });

  it('refuses a CSV import chunk of such a record type whole, as intake does, and audits it', async () => {
    const before = (await refusals()).length;
    const importing = app.get(ImportService).importChunk(principal, {
      kind: 'json',
      value: { columns: HEADER, rows: [row(newPlate(), newOwner())], firstRow: 2 },
    });
    await expect(importing).rejects.toMatchObject({
      code: IntakeExceptionCode.RECORD_TYPE_NOT_PUBLISHED,
      message: expect.stringContaining(
        'row 2: the transport adapter does not publish vehicle-registration',
      ) as unknown,
    });
    expect((await refusals()).length).toBe(before + 1);
    await expect(kept()).resolves.toBe(0);
  });

  it('turns a reaction output the adapter does not declare into an audited refusal, checked before validation', async () => {
    const owner = newOwner();
    const plate = newPlate();
    const seeded = vehicle(plate, owner);
    await new AdapterRecordRepository(db.database, 'transport').save([
      {
        recordType: 'vehicle-registration',
        recordId: plate,
        subjectId: owner,
        relatedSubjects: [],
        version: 1,
        schemaVersion: 1,
        deleted: false,
        payload: seeded.payload as Record<string, unknown>,
        eventId: randomUUID(),
        occurredAt: '2026-12-01T10:00:00+07:00',
      },
    ]);
    const before = (await refusals()).length;
    const outcome = await app.get(ReactionConsumer).handle([deathOf(owner)]);
    expect(outcome.deadLetters).toEqual([
      expect.objectContaining({
        code: 'adapter-not-approved',
        reason: expect.stringContaining(
          'the transport adapter does not publish vehicle-registration',
        ) as unknown,
      }),
    ]);
    const after = (await refusals()).slice(before);
    expect(after).toEqual([
      {
        actor_client: 'adapter:transport',
        details: expect.objectContaining({
          action: 'publish',
          recordType: 'vehicle-registration',
        }) as unknown,
      },
    ]);
  });

  it('refuses, audited, a record type the definition declares but the registry does not approve', async () => {
    const before = (await refusals()).length;
    const land = { ...vehicle(newPlate(), newOwner()), recordType: 'land-title' };
    await expect(app.get(Publishing).publish(principal, [land], 'each')).rejects.toMatchObject({
      code: IntakeExceptionCode.NOT_APPROVED,
    });
    expect((await refusals()).slice(before)).toEqual([
      {
        actor_client: 'transport-test',
        details: expect.objectContaining({
          action: 'publish',
          recordType: 'land-title',
        }) as unknown,
      },
    ]);
  });
});

describe('one path to publish, by mode (medium: the approved transport adapter)', () => {
  let db: TestDatabase;
  let audit: AuditLog;
  let schemas: OpenedSchemaRegistry;
  let bus: EventBus;
  let app: INestApplication;
  const kept = async (recordId: string): Promise<number[]> =>
    (
      await db.database.query<{ version: number }>(
        `SELECT version::int AS version FROM adapter_record WHERE record_id = $1 ORDER BY version`,
        [recordId],
      )
    ).map((each) => each.version);

  beforeAll(async () => {
    db = await createTestDatabase('publishing_modes');
    audit = new AuditLog(db.database);
    await registerBuiltInAdapters(db.database, audit, Object.values(ADAPTERS), {
      environment: 'test',
      signingKeys: {
        transport: createPublicKey(signingKey),
        interior: createPublicKey(interiorKey),
      },
    });
    schemas = await openSchemaRegistry(db.database, { environment: 'test', audit });
    bus = await createEventBus({
      kafkaBrokers: [],
      partitions: 2,
      clientId: `publishing-${db.name}`,
      database: db.database,
      logger: quiet,
    });
    await bus.ensureTopics([topicFor('vehicle-registration'), topicFor('civil-event')]);
    app = await createAdapterApp(
      {
        definition: ADAPTERS.transport,
        config: readAdapterConfig(ADAPTERS.transport, new EnvReader({ LOG_LEVEL: 'error' })),
        database: db.database,
        bus,
        metrics: new Metrics('transport'),
        validator: schemas.validator,
        lineage: schemas.lineage,
        audit,
        signingKey,
      },
      async () => undefined,
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await schemas?.close();
    await audit?.close();
    await db?.drop();
  });

  it("'all-or-nothing' keeps nothing when one record is invalid, and names its path and rule", async () => {
    const good = vehicle(newPlate(), newOwner());
    const bad = { ...vehicle(newPlate(), newOwner()), occurredAt: 'yesterday' };
    const publishing = app.get(Publishing).publish(principal, [good, bad], 'all-or-nothing');
    await expect(publishing).rejects.toMatchObject({
      code: IntakeExceptionCode.INVALID_RECORDS,
      issues: [expect.objectContaining({ index: 1, path: '/occurredAt' })],
    });
    await expect(kept(good.recordId as string)).resolves.toEqual([]);
  });

  it("'each' keeps the valid records, returns the others' issues, and lets select skip and version", async () => {
    const good = vehicle(newPlate(), newOwner());
    const bad = { ...vehicle(newPlate(), newOwner()), occurredAt: 'yesterday' };
    const outcome = await app.get(Publishing).publish(principal, [bad, good], 'each', {
      select: (ready) => ready.map((each) => ((each.record.version = 7), each)),
    });
    expect(outcome.published.map((each) => each.record.recordId)).toEqual([good.recordId]);
    expect(outcome.eventIds).toHaveLength(1);
    expect(outcome.issues).toEqual([expect.objectContaining({ index: 0, path: '/occurredAt' })]);
    await expect(kept(good.recordId as string)).resolves.toEqual([7]);

    const none = await app.get(Publishing).publish(principal, [good], 'each', { select: () => [] });
    expect(none).toMatchObject({ published: [], eventIds: [], skipped: 1, issues: [] });
  });
});
