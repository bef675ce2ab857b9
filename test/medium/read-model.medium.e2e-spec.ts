// The gateway's read model where its logic lives: the real ReadModelConsumer
// and ReadModelService, constructed directly (no Nest, no HTTP, no adapter
// apps), reading signed records from the real embedded bus on a freshly
// migrated PostgreSQL. What it applies, and what it turns into dead letters
// and why, is read from the rows it leaves.
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  ADAPTER_CHANNEL,
  AdapterKeyService,
  AdapterRegistryRepository,
  AdapterRegistryService,
  type AdapterActor,
  type CheckedDecoder,
} from '#spean/adapter-registry';
import { AuditLog } from '#spean/audit';
import { EmbeddedEventBus, topicFor, type ConsumedMessage, type OutgoingMessage } from '#spean/bus';
import { keyIdOf, publicKeyPem, VerhoeffNationalIdScheme } from '#spean/contracts';
import { DeadLetterRepository, DeadLetterService } from '#spean/dead-letters';
import { Metrics } from '#spean/observability';
import { openSchemaRegistry, type OpenedSchemaRegistry } from '#spean/schema-registry';
import { ReadModelConsumer } from '../../apps/gateway/src/read-model/read-model.consumer.js';
import { ReadModelRepository } from '../../apps/gateway/src/read-model/read-model.repository.js';
import { ReadModelService } from '../../apps/gateway/src/read-model/read-model.service.js';
import { listeningOn } from '../support/listening.js';
import { signedMessage } from '../support/signed-message.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ids = new VerhoeffNationalIdScheme();
const root = path.resolve(import.meta.dirname, '..', '..');
const example = (recordType: string, file: string): Record<string, unknown> =>
  JSON.parse(
    fs.readFileSync(path.join(root, 'schemas', recordType, 'ok', `${file}.json`), 'utf8'),
  ) as Record<string, unknown>;
const CAR = example('vehicle-registration', 'car-in-phnom-penh');
const TITLE = example('land-title', 'married-couple-siem-reap-mortgaged');
const system: AdapterActor = { clientId: 'test-setup', agencyId: 'interop', role: 'system' };

let test: TestDatabase;
let audit: AuditLog;
let schemas: OpenedSchemaRegistry;
let bus: EmbeddedEventBus;
let consumer: ReadModelConsumer;
let repository: ReadModelRepository;
let deadLetters: DeadLetterService;
/** Each adapter's approved signing key. */
const signingKeys: Record<string, KeyObject> = {};
let serial = 1_000;
const citizen = (): string => ids.fromSerial(serial++);

beforeAll(async () => {
  test = await createTestDatabase('read_model_medium');
  audit = new AuditLog(test.database);
  schemas = await openSchemaRegistry(test.database, { environment: 'test' });
  const agencies = new AdapterRegistryRepository(test.database);
  const registry = new AdapterRegistryService(test.database, audit);
  const keys = new AdapterKeyService(test.database, audit);
  // transport may publish vehicles, land land titles, and census only persons.
  for (const [name, agency, recordType] of [
    ['transport', 'mpwt', 'vehicle-registration'],
    ['land', 'mlmupc', 'land-title'],
    ['census', 'nis', 'person'],
  ] as const) {
    await agencies.ensureAgency(agency, agency);
    await registry.register(system, {
      name,
      agencyId: agency,
      title: name,
      publishes: [{ recordType }],
      consumes: [],
    });
    await registry.approve(system, name, 'test adapter');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    await keys.propose(system, name, publicKeyPem(publicKey));
    await keys.approve(system, keyIdOf(publicKey), 'test key');
    signingKeys[name] = privateKey;
  }
  bus = new EmbeddedEventBus({ database: test.database, partitions: 3, pollIntervalMs: 50 });
  await bus.connect();
  repository = new ReadModelRepository(test.database);
  const metrics = new Metrics('gateway');
  consumer = new ReadModelConsumer(
    bus,
    new ReadModelService(repository, schemas.validator, metrics, schemas.lineage),
    (deadLetters = new DeadLetterService(new DeadLetterRepository(test.database), metrics)),
    test.database,
    metrics,
  );
  await consumer.onApplicationBootstrap();
});

afterAll(async () => {
  await consumer?.onApplicationShutdown();
  await bus?.close();
  await schemas?.close();
  await audit?.close();
  await test?.drop();
});

interface Envelope {
  recordType: string;
  schemaVersion?: number;
  recordId: string;
  subjectId: string;
  version: number;
  op?: 'upsert' | 'delete';
  source?: string;
  payload?: Record<string, unknown>;
}

function valueOf(record: Envelope): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 1,
      op: 'upsert',
      source: record.recordType === 'land-title' ? 'land' : 'transport',
      eventId: randomUUID(),
      occurredAt: '2026-12-01T10:00:00+07:00',
      ...record,
      ...(record.op === 'delete' ? { payload: {} } : {}),
    }),
  );
}

/** A record as its adapter publishes it: signed with that adapter's key, keyed by its subject. */
function signed(record: Envelope, signer = record.source ?? adapterOf(record)): OutgoingMessage {
  return signedMessage(signingKeys[signer]!, unsigned(record));
}

function unsigned(record: Envelope): OutgoingMessage {
  return { topic: topicFor(record.recordType), key: record.subjectId, value: valueOf(record) };
}

function adapterOf(record: Envelope): string {
  return record.recordType === 'land-title' ? 'land' : 'transport';
}

function car(plate: string, owner: string, version: number): Envelope {
  return {
    recordType: 'vehicle-registration',
    recordId: plate,
    subjectId: owner,
    version,
    payload: { ...CAR, plateNumber: plate, owner: { nationalId: owner } },
  };
}

function title(titleNumber: string, owners: string[], version: number): Envelope {
  return {
    recordType: 'land-title',
    recordId: titleNumber,
    subjectId: owners[0]!,
    version,
    payload: {
      ...TITLE,
      titleNumber,
      owners: owners.map((nationalId) => ({
        nationalId,
        share: { numerator: 1, denominator: owners.length },
      })),
    },
  };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Row {
  subjectId: string;
  version: number;
  deleted: boolean;
  eventId: string;
}

async function stored(recordType: string, recordId: string): Promise<Row | undefined> {
  const [row] = await test.database.query<Row>(
    `SELECT subject_id AS "subjectId", version::int AS version, deleted, event_id::text AS "eventId"
       FROM read_record WHERE record_type = $1 AND record_id = $2`,
    [recordType, recordId],
  );
  return row;
}

/** Waits until the record is stored at this version. */
function storedAt(recordType: string, recordId: string, version: number): Promise<Row | undefined> {
  return until(
    () => stored(recordType, recordId),
    (row) => row?.version === version,
  );
}

async function sectionIds(subjectId: string, own: string[], related: string[]): Promise<string[]> {
  return (await repository.sectionsOf(subjectId, own, related)).map(
    (section) => `${section.recordId} ${section.relation}`,
  );
}

interface Letter {
  code: string;
  reason: string;
  recordType: string;
  source: string | null;
  status: string;
}

async function lettersFor(recordId: string): Promise<Letter[]> {
  return test.database.query<Letter>(
    `SELECT code, reason, record_type AS "recordType", source, status
       FROM dead_letter WHERE group_id = 'gateway' AND record_id = $1 ORDER BY id`,
    [recordId],
  );
}

describe('applying records', () => {
  it('keeps the newest version, whatever order the versions arrive in', async () => {
    const owner = citizen();
    // One key, one partition: the versions are consumed in this order, within one batch ...
    await bus.publish([
      signed(car('2AA-1001', owner, 1)),
      signed(car('2AA-1001', owner, 3)),
      signed(car('2AA-1001', owner, 2)),
    ]);
    await storedAt('vehicle-registration', '2AA-1001', 3);
    // ... and in a later batch, after the newer one was stored.
    await bus.publish([signed(car('2AA-1001', owner, 2))]);
    // A later record of the same citizen marks that the stale one was consumed.
    await bus.publish([signed(car('2AA-1002', owner, 1))]);
    await storedAt('vehicle-registration', '2AA-1002', 1);
    await expect(stored('vehicle-registration', '2AA-1001')).resolves.toMatchObject({
      subjectId: owner,
      version: 3,
      deleted: false,
    });
    await expect(sectionIds(owner, ['vehicle-registration'], [])).resolves.toEqual(
      expect.arrayContaining(['2AA-1001 subject', '2AA-1002 subject']),
    );
  });

  it('skips, unverified, what a large batch names exactly as held; verifies any other stale message', async () => {
    const owner = citizen();
    await bus.publish([signed(car('2AA-3001', owner, 2))]);
    const held = (await storedAt('vehicle-registration', '2AA-3001', 2))!;
    const asConsumed = (message: OutgoingMessage, offset: number): ConsumedMessage => ({
      ...message,
      headers: message.headers ?? {},
      partition: 0,
      offset: String(offset),
      timestamp: new Date(),
    });
    // The record held, as the bus brings it again after a backfill: same version and event id.
    const again = unsigned(car('2AA-3001', owner, 2));
    const exact = asConsumed(
      {
        ...again,
        value: Buffer.from(
          JSON.stringify({ ...JSON.parse(again.value.toString('utf8')), eventId: held.eventId }),
        ),
      },
      1,
    );
    // Stale as well, but not the record held: another event id, an older version.
    const otherEvent = asConsumed(unsigned(car('2AA-3001', owner, 2)), 2);
    const older = asConsumed(unsigned(car('2AA-3001', owner, 1)), 3);
    const fresh = Array.from({ length: 100 }, (_, i) =>
      asConsumed(signed(car(`2AA-4${String(i).padStart(3, '0')}`, owner, 1)), 10 + i),
    );
    const verified: ConsumedMessage[] = [];
    const decoder: CheckedDecoder = async (message, decode) => {
      verified.push(message);
      return decode(message);
    };
    const service = new ReadModelService(repository, schemas.validator, new Metrics('gateway'));
    await service.applyBatch([exact, otherEvent, older, ...fresh], decoder);
    expect(verified).not.toContain(exact);
    expect(verified).toEqual(expect.arrayContaining([otherEvent, older, ...fresh]));
    expect(verified).toHaveLength(102);
    await expect(stored('vehicle-registration', '2AA-3001')).resolves.toMatchObject({
      version: 2,
      eventId: held.eventId,
    });
    await expect(stored('vehicle-registration', '2AA-4099')).resolves.toMatchObject({ version: 1 });
  });

  it('moves a record to its new owner, and a delete withdraws it from everyone', async () => {
    const [seller, buyer] = [citizen(), citizen()];
    await bus.publish([signed(car('2AB-2001', seller, 1))]);
    await storedAt('vehicle-registration', '2AB-2001', 1);
    await bus.publish([signed(car('2AB-2001', buyer, 2))]);
    await expect(storedAt('vehicle-registration', '2AB-2001', 2)).resolves.toMatchObject({
      subjectId: buyer,
    });
    await expect(sectionIds(seller, ['vehicle-registration'], [])).resolves.toEqual([]);
    await expect(sectionIds(buyer, ['vehicle-registration'], [])).resolves.toEqual([
      '2AB-2001 subject',
    ]);

    await bus.publish([signed({ ...car('2AB-2001', buyer, 3), op: 'delete', payload: undefined })]);
    await expect(storedAt('vehicle-registration', '2AB-2001', 3)).resolves.toMatchObject({
      deleted: true,
    });
    await expect(sectionIds(buyer, ['vehicle-registration'], [])).resolves.toEqual([]);
  });

  it('shows a record to every citizen it names, and forgets those a newer version drops', async () => {
    const [first, second] = [citizen(), citizen()];
    await bus.publish([signed(title('17100603-1001', [first, second], 1))]);
    await storedAt('land-title', '17100603-1001', 1);
    await expect(sectionIds(first, ['land-title'], ['land-title'])).resolves.toEqual([
      '17100603-1001 subject',
    ]);
    await expect(sectionIds(second, ['land-title'], ['land-title'])).resolves.toEqual([
      '17100603-1001 related',
    ]);

    await bus.publish([signed(title('17100603-1001', [first], 2))]);
    await storedAt('land-title', '17100603-1001', 2);
    await expect(sectionIds(second, ['land-title'], ['land-title'])).resolves.toEqual([]);
    await expect(sectionIds(first, ['land-title'], ['land-title'])).resolves.toEqual([
      '17100603-1001 subject',
    ]);
  });

  it('parses each record once: the signature is checked on the bytes, the claims on the decoded record', async () => {
    const message = signed(car('2AC-3001', citizen(), 1));
    const text = message.value.toString('utf8');
    const parse = jest.spyOn(JSON, 'parse');
    try {
      await bus.publish([message]);
      await storedAt('vehicle-registration', '2AC-3001', 1);
      expect(parse.mock.calls.filter(([input]) => input === text)).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('hears the registry (approvals and keys) on one LISTEN connection', async () => {
    await expect(listeningOn(test.database, ADAPTER_CHANNEL)).resolves.toBe(1);
  });

  it('records what it consumes in the lineage', async () => {
    await schemas.lineage.flush();
    await expect(schemas.registry.repository.lineage()).resolves.toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          party: 'gateway',
          role: 'consumes',
          recordType: 'vehicle-registration',
          schemaVersion: 1,
        }),
        expect.objectContaining({ party: 'gateway', role: 'consumes', recordType: 'land-title' }),
      ]),
    );
  });
});

describe('refusals become dead letters of the gateway, and are never applied', () => {
  it.each<[string, string, (owner: string, plate: string) => OutgoingMessage]>([
    ['unsigned', 'unsigned', (owner, plate) => unsigned(car(plate, owner, 1))],
    [
      'signed by a key no adapter registered',
      'unknown-key',
      (owner, plate) =>
        signedMessage(generateKeyPairSync('ed25519').privateKey, unsigned(car(plate, owner, 1))),
    ],
    [
      'altered after signing',
      'bad-signature',
      (owner, plate) => {
        const message = signed(car(plate, owner, 1));
        return {
          ...message,
          value: Buffer.from(message.value.toString().replace('"version":1', '"version":9')),
        };
      },
    ],
    [
      'naming a source other than its signer',
      'unknown-key',
      (owner, plate) => signed({ ...car(plate, owner, 1), source: 'transport' }, 'census'),
    ],
    [
      'from a source not approved for the record type',
      'source-not-approved',
      (owner, plate) => signed({ ...car(plate, owner, 1), source: 'census' }),
    ],
    [
      'keyed by another citizen than its subject',
      'key-mismatch',
      (owner, plate) => ({ ...signed(car(plate, owner, 1)), key: citizen() }),
    ],
    [
      'not valid under its schema',
      'schema-invalid',
      (owner, plate) =>
        signed({
          ...car(plate, owner, 1),
          payload: { ...car(plate, owner, 1).payload, year: 'new' },
        }),
    ],
  ])('%s: %s', async (_case, code, message) => {
    const owner = citizen();
    const plate = `3C${String.fromCharCode(65 + (serial % 26))}-${serial}`;
    await bus.publish([message(owner, plate)]);
    const letters = await until(
      () => lettersFor(plate),
      (rows) => rows.length > 0,
    );
    expect(letters).toEqual([
      expect.objectContaining({ code, recordType: 'vehicle-registration', status: 'open' }),
    ]);
    // The reason names what was wrong, never the citizen.
    expect(letters[0]!.reason).not.toContain(owner);
    await expect(stored('vehicle-registration', plate)).resolves.toBeUndefined();
  });
});

describe('a schema version learnt later', () => {
  it('dead-letters records of an unknown version, and applies each once when a replay follows its approval', async () => {
    const owner = citizen();
    const plates = ['2GA-5001', '2GB-5002', '2GC-5003'];
    const withFuel = (plate: string): Envelope => ({
      ...car(plate, owner, 1),
      schemaVersion: 2,
      payload: { ...car(plate, owner, 1).payload, fuelType: 'electric' },
    });
    await bus.publish(plates.map((plate) => signed(withFuel(plate))));
    const letters = await until(
      () => Promise.all(plates.map(lettersFor)).then((all) => all.flat()),
      (all) => all.length === plates.length,
    );
    for (const letter of letters) {
      expect(letter).toMatchObject({ code: 'unknown-schema-version', source: 'transport' });
    }

    // The fix: the registry learns version 2, and every process reloads it.
    const v1 = await schemas.registry.get('vehicle-registration', 1);
    const v1Properties = v1.schema.properties as Record<string, unknown>;
    await schemas.registry.propose(
      'mpwt/integrator-1',
      'vehicle-registration',
      { ...v1.schema, properties: { ...v1Properties, fuelType: { enum: ['petrol', 'electric'] } } },
      'fuel type for the emissions tax',
    );
    // Seen as proposed first: a change announced while a reload is under way is
    // otherwise only picked up by the watcher's check a minute later.
    await until(
      async () => schemas.validator.schemas.get('vehicle-registration', 2)?.state,
      (state) => state === 'proposed',
    );
    await schemas.registry.approve('interop/steward-1', 'vehicle-registration', 2, 'agreed');
    await until(
      async () => schemas.validator.schemas.get('vehicle-registration', 2)?.state,
      (state) => state === 'active',
    );

    const replay = {
      group: 'gateway',
      recordType: 'vehicle-registration',
      code: 'unknown-schema-version',
    };
    await expect(
      deadLetters.requestReplay({
        ...replay,
        actor: 'interop/steward-1',
        reason: 'version 2 approved',
      }),
    ).resolves.toEqual({ requested: 3, groups: [{ group: 'gateway', requested: 3 }] });
    await until(
      () => Promise.all(plates.map(lettersFor)).then((all) => all.flat()),
      (all) => all.every((letter) => letter.status === 'resolved'),
    );
    await expect(
      sectionIds(owner, ['vehicle-registration'], []).then((found) => found.sort()),
    ).resolves.toEqual(plates.map((plate) => `${plate} subject`));
    // Resolved letters are never replayed again.
    await expect(deadLetters.requestReplay(replay)).resolves.toMatchObject({ requested: 0 });
    await expect(
      test.database.query(`SELECT actor, reason, requested FROM dead_letter_replay_request`),
    ).resolves.toEqual([
      { actor: 'interop/steward-1', reason: 'version 2 approved', requested: 3 },
    ]);
  });
});
