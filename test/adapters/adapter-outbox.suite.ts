// Storing and publishing are one step: a record an adapter has kept is on the
// bus sooner or later, whatever fails between the two. The faults are put
// into the real bus, embedded or Kafka (a publish that throws, or one that
// never answers, as a process killed mid-publish would leave it); what the
// adapter publishes is read back by an ordinary consumer group.
import { createPublicKey, generateKeyPairSync, randomInt } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Principal } from '#spean/access';
import {
  createAdapterApp,
  ImportService,
  OutboxRelay,
  OutboxRepository,
  readAdapterConfig,
  RecordPublisher,
  AdapterRecordRepository,
  type PublisherOutbox,
} from '#spean/adapter-sdk';
import { AuditLog } from '#spean/audit';
import {
  createEventBus,
  topicFor,
  type BatchHandler,
  type EventBus,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from '#spean/bus';
import { EnvReader } from '#spean/config';
import {
  VerhoeffNationalIdScheme,
  recordSigner,
  PROOF_HEADER,
  signatureHolds,
  type PublishedRecord,
} from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { openSchemaRegistry, type OpenedSchemaRegistry } from '#spean/schema-registry';
import { ADAPTERS } from '../../tools/adapters.js';
import { registerBuiltInAdapters } from '../../tools/built-in-adapters.js';
import { signedMessage } from '../support/signed-message.js';
import {
  DEATH_HEADERS,
  deathOf,
  IMPORT_HEADER as HEADER,
  importRow as vehicleRow,
  newPlate,
  vehicle,
} from '../support/transport-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { eventually } from '../support/eventually.js';

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
/** The transport adapter's signing key, approved like a built-in adapter's. */
const signingKey = generateKeyPairSync('ed25519').privateKey;
/** The interior adapter's, which signs the life events this suite puts on the bus itself. */
const interiorKey = generateKeyPairSync('ed25519').privateKey;

/** The real bus, with faults put into its publish: the next n throw, or every one hangs. */
class FaultyBus implements EventBus {
  failures = 0;
  hang = false;
  publishes = 0;

  constructor(private readonly inner: EventBus) {}

  get transport(): EventBus['transport'] {
    return this.inner.transport;
  }
  connect(): Promise<void> {
    return this.inner.connect();
  }
  ensureTopics(topics: string[]): Promise<void> {
    return this.inner.ensureTopics(topics);
  }
  async publish(messages: OutgoingMessage[]): Promise<void> {
    this.publishes++;
    if (this.hang) return new Promise<void>(() => undefined);
    if (this.failures > 0) {
      this.failures--;
      throw new Error('the broker is unreachable');
    }
    await this.inner.publish(messages);
  }
  subscribe(options: SubscribeOptions, handler: BatchHandler): Promise<Subscription> {
    return this.inner.subscribe(options, handler);
  }
  lag: EventBus['lag'] = (group, topics) => this.inner.lag(group, topics);
  consumerLag: EventBus['consumerLag'] = (group, topics) => this.inner.consumerLag(group, topics);
  isHealthy(): Promise<boolean> {
    return this.inner.isHealthy();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

export function describeOutbox(transport: 'embedded' | 'kafka'): void {
  describe(`atomic store and publish (outbox), ${transport} bus`, () => {
    let db: TestDatabase;
    let audit: AuditLog;
    let schemas: OpenedSchemaRegistry;
    let bus: EventBus;
    let faulty: FaultyBus;
    let app: INestApplication;
    let appClosed = false;
    let observer: Subscription;
    /** Every vehicle registration that reached the bus, in the order consumed. */
    const seen: PublishedRecord[] = [];
    /** Messages on the bus whose signature is not the transport key's over their exact bytes. */
    const unverified: string[] = [];
    const principal: Principal = {
      clientId: 'transport-test',
      agencyId: 'mpwt',
      role: 'adapter',
      adapter: 'transport',
    };
    const onBus = (recordId: string): PublishedRecord[] =>
      seen.filter((record) => record.recordId === recordId);
    /** The transport adapter's publisher over `onto`, with its store in the test database. */
    const transportPublisher = (
      onto: EventBus,
      metrics: Metrics,
      delivery: Omit<PublisherOutbox, 'database'>,
    ): RecordPublisher =>
      new RecordPublisher(
        ADAPTERS.transport,
        schemas.validator,
        new AdapterRecordRepository(db.database, 'transport'),
        onto,
        metrics,
        undefined,
        { database: db.database, ...delivery },
        recordSigner(signingKey),
      );

    beforeAll(async () => {
      db = await createTestDatabase('adapter_outbox');
      audit = new AuditLog(db.database);
      await registerBuiltInAdapters(db.database, audit, Object.values(ADAPTERS), {
        environment: 'test',
        signingKeys: {
          interior: createPublicKey(interiorKey),
          transport: createPublicKey(signingKey),
        },
      });
      schemas = await openSchemaRegistry(db.database, { environment: 'test', audit });
      // Test files share one broker: a namespace per file keeps their topics and groups apart.
      bus = await createEventBus({
        kafkaBrokers: transport === 'kafka' ? (process.env.KAFKA_BROKERS ?? '').split(',') : [],
        partitions: 2,
        clientId: `outbox-${db.name}`,
        database: db.database,
        logger: quiet,
        namespace: transport === 'kafka' ? db.name : undefined,
      });
      await bus.ensureTopics([topicFor('vehicle-registration'), topicFor('civil-event')]);
      observer = await bus.subscribe(
        { group: 'observer', topics: [topicFor('vehicle-registration')] },
        async (batch) => {
          for (const message of batch) {
            seen.push(JSON.parse(message.value.toString('utf8')) as PublishedRecord);
            const { signature = '', [PROOF_HEADER]: proof } = message.headers;
            if (
              !(await signatureHolds(createPublicKey(signingKey), message.value, signature, proof))
            )
              unverified.push(message.offset);
          }
        },
      );
      faulty = new FaultyBus(bus);
      app = await createAdapterApp(
        {
          definition: ADAPTERS.transport,
          config: readAdapterConfig(ADAPTERS.transport, new EnvReader({ LOG_LEVEL: 'error' })),
          database: db.database,
          bus: faulty,
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
      if (!appClosed) await app?.close();
      await observer?.close();
      await bus?.close();
      await schemas?.close();
      await audit?.close();
      await db?.drop();
    });

    it('answers a CSV import whose publish failed once the rows are kept, and relays them to the bus exactly once', async () => {
      const imports = app.get(ImportService);
      const plate = newPlate();
      const chunk = { columns: HEADER, rows: [vehicleRow(plate, newNationalId())], firstRow: 2 };

      faulty.failures = 1;
      await expect(
        imports.importChunk(principal, { kind: 'json', value: chunk }),
      ).resolves.toMatchObject({
        imported: 1,
        rejected: [],
      });
      expect(faulty.failures).toBe(0);

      const delivered = await eventually(
        () => onBus(plate),
        (records) => records.length > 0,
      );
      expect(delivered.map((record) => record.version)).toEqual([1]);

      // The same export again: already kept and delivered, so nothing new.
      await expect(
        imports.importChunk(principal, { kind: 'json', value: chunk }),
      ).resolves.toMatchObject({
        imported: 0,
        unchanged: 1,
      });
      await expect(
        eventually(
          () => bus.lag('observer', [topicFor('vehicle-registration')]),
          (lag) => lag === 0,
        ),
      ).resolves.toBe(0);
      expect(onBus(plate).map((record) => record.version)).toEqual([1]);
      // Forgotten once acknowledged (the answer does not wait for that).
      await expect(
        eventually(
          () => db.database.query(`SELECT id FROM adapter_outbox`),
          (rows) => rows.length === 0,
        ),
      ).resolves.toEqual([]);
    });

    it('publishes what a reaction returned though its publish failed, and not again when the trigger comes twice', async () => {
      const imports = app.get(ImportService);
      const owner = newNationalId();
      const plate = newPlate();
      await imports.importChunk(principal, {
        kind: 'json',
        value: { columns: HEADER, rows: [vehicleRow(plate, owner)], firstRow: 2 },
      });
      await eventually(
        () => onBus(plate),
        (records) => records.length === 1,
      );

      const death: OutgoingMessage = signedMessage(interiorKey, {
        topic: topicFor('civil-event'),
        key: owner,
        value: Buffer.from(JSON.stringify(deathOf(owner))),
        headers: DEATH_HEADERS,
      });
      faulty.failures = 1;
      await bus.publish([death]);
      const flagged = await eventually(
        () => onBus(plate),
        (records) => records.length >= 2,
      );
      expect(faulty.failures).toBe(0);
      expect(
        flagged.map((record) => [
          record.version,
          (record.payload as { ownerDeceased?: boolean }).ownerDeceased,
        ]),
      ).toEqual([
        [1, false],
        [2, true],
      ]);

      // The bus delivers the trigger again (at least once): the reaction reads the store and publishes nothing new.
      await bus.publish([death]);
      await expect(
        eventually(
          () => bus.lag('transport', [topicFor('civil-event')]),
          (lag) => lag === 0,
        ),
      ).resolves.toBe(0);
      await expect(
        eventually(
          () => bus.lag('observer', [topicFor('vehicle-registration')]),
          (lag) => lag === 0,
        ),
      ).resolves.toBe(0);
      expect(onBus(plate).map((record) => record.version)).toEqual([1, 2]);
    });

    it('relays what a process killed before the bus answered left behind, once its claim lapses', async () => {
      // The running transport process stops (its relay with it); the next one's bus never
      // answers, and it is killed (abandoned) with its records kept but not on the bus.
      await app.close();
      appClosed = true;
      const doomedBus = new FaultyBus(bus);
      doomedBus.hang = true;
      const store = new AdapterRecordRepository(db.database, 'transport');
      const doomed = new RecordPublisher(
        ADAPTERS.transport,
        schemas.validator,
        store,
        doomedBus,
        new Metrics('transport-doomed'),
        undefined,
        {
          database: db.database,
          outbox: new OutboxRepository(db.database, 'transport'),
          settings: { leaseMs: 300, fastPathWaitMs: 50 },
        },
        recordSigner(signingKey),
      );
      const plates = [newPlate(), newPlate()];
      const owner = newNationalId();
      const { ready, issues } = doomed.prepare(plates.map((plate) => vehicle(plate, owner)));
      expect(issues).toEqual([]);
      await doomed.publish(ready);
      expect(doomedBus.publishes).toBe(1);
      expect(plates.flatMap(onBus)).toEqual([]);

      // A fresh relay (what the restarted process starts) over the working bus.
      const relay = new OutboxRelay(
        new OutboxRepository(db.database, 'transport'),
        bus,
        new Metrics('transport-restarted'),
        'transport',
        { pollIntervalMs: 50 },
      );
      relay.start();
      try {
        const delivered = await eventually(
          () => plates.flatMap(onBus),
          (records) => records.length >= 2,
        );
        expect(delivered.map((record) => record.recordId)).toEqual(plates);
      } finally {
        await relay.stop();
      }
    });

    it("keeps a subject's records in order: a later one waits behind an earlier one the bus refused", async () => {
      const flaky = new FaultyBus(bus);
      const outbox = new OutboxRepository(db.database, 'transport');
      // No relay yet: what the publisher leaves behind stays until one starts.
      const publisher = transportPublisher(flaky, new Metrics('transport-flaky'), { outbox });
      const owner = newNationalId();
      const [first, second] = [newPlate(), newPlate()];
      flaky.failures = 1;
      await publisher.publish(publisher.prepare([vehicle(first, owner)]).ready);
      // The bus is back, but this record of the same subject must not overtake the first.
      await publisher.publish(publisher.prepare([vehicle(second, owner)]).ready);
      expect(flaky.publishes).toBe(1);
      await expect(outbox.depth()).resolves.toBe(2);

      const relay = new OutboxRelay(outbox, bus, new Metrics('transport-relay'), 'transport', {
        pollIntervalMs: 50,
      });
      relay.start();
      try {
        const delivered = await eventually(
          () => [first, second].flatMap(onBus),
          (records) => records.length >= 2,
        );
        expect(delivered.map((record) => record.recordId)).toEqual([first, second]);
        await expect(outbox.depth()).resolves.toBe(0);
      } finally {
        await relay.stop();
      }
    });

    it('keeps retrying while the bus refuses, then relays, and counts what waits and what it sent', async () => {
      const refusing = new FaultyBus(bus);
      const outbox = new OutboxRepository(db.database, 'transport');
      const metrics = new Metrics('transport-retrying');
      const publisher = transportPublisher(refusing, metrics, { outbox });
      const plate = newPlate();
      refusing.failures = 4; // the fast path, then the relay three times
      await publisher.publish(publisher.prepare([vehicle(plate, newNationalId())]).ready);
      const relay = new OutboxRelay(outbox, refusing, metrics, 'transport', { pollIntervalMs: 50 });
      const depth = async (): Promise<number | undefined> =>
        (await metrics.outboxDepth.get()).values[0]?.value;
      await expect(relay.relayOnce()).rejects.toThrow('the broker is unreachable');
      await expect(outbox.depth()).resolves.toBe(1);
      relay.start();
      try {
        const delivered = await eventually(
          () => onBus(plate),
          (records) => records.length > 0,
        );
        expect(delivered).toHaveLength(1);
        expect(refusing.failures).toBe(0);
        await expect(eventually(depth, (value) => value === 0)).resolves.toBe(0);
        expect((await metrics.outboxRelayed.get()).values[0]?.value).toBe(1);
      } finally {
        await relay.stop();
      }
    });

    it('ends its back-off as soon as a publisher’s send shows the bus is back', async () => {
      const refusing = new FaultyBus(bus);
      // An outbox of its own: the app's relay (transport's) must not send these rows for it.
      const outbox = new OutboxRepository(db.database, 'transport-backing-off');
      const metrics = new Metrics('transport-back');
      let backingOff: () => void = () => undefined;
      const refused = new Promise<void>((resolve) => (backingOff = resolve));
      // A back-off far longer than the wait below: only the publisher's success can end it.
      const relay = new OutboxRelay(
        outbox,
        refusing,
        metrics,
        'transport',
        { pollIntervalMs: 60_000, firstBackoffMs: 60_000, maxBackoffMs: 60_000 },
        { warn: () => backingOff() },
      );
      const publisher = transportPublisher(refusing, metrics, { outbox, relay });
      const [first, second] = [newPlate(), newPlate()];
      refusing.failures = 2; // the fast path, then the relay's first round
      await publisher.publish(publisher.prepare([vehicle(first, newNationalId())]).ready);
      relay.start();
      try {
        await refused;
        // The relay is backing off now; the bus takes the next publisher's send.
        await publisher.publish(publisher.prepare([vehicle(second, newNationalId())]).ready);
        const relayed = await eventually(
          () => onBus(first),
          (records) => records.length > 0,
          10_000,
        );
        expect(relayed).toHaveLength(1);
      } finally {
        await relay.stop();
      }
    });

    it('counts the outbox only when it relayed something or when the metrics are scraped, not every idle round', async () => {
      const outbox = new OutboxRepository(db.database, 'transport');
      const counted = jest.spyOn(outbox, 'depth');
      const metrics = new Metrics('transport-idle');
      const relay = new OutboxRelay(outbox, bus, metrics, 'transport', { pollIntervalMs: 20 });
      relay.start();
      try {
        // Ten idle rounds and more: nothing relayed, nothing to count.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(counted).not.toHaveBeenCalled();
        await expect(metrics.registry.metrics()).resolves.toMatch(
          /spean_outbox_depth\{source="transport",app="transport-idle"\} 0/,
        );
        expect(counted).toHaveBeenCalledTimes(1);
      } finally {
        await relay.stop();
      }
    });

    it('signs every record before it is kept, so what the relay sends later verifies as what the publisher sent', async () => {
      // Every earlier case put records on the bus both ways: the publisher's fast path and the relay.
      expect(seen.length).toBeGreaterThan(5);
      expect(unverified).toEqual([]);
      const [row] = await db.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM adapter_outbox WHERE NOT (headers ? 'signature')`,
      );
      expect(row!.n).toBe(0);
    });
  });
}
