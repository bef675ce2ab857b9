// One path to publish, at medium size: the adapter's real services in one
// process, on a real PostgreSQL and the embedded bus, no HTTP stack. Intake,
// CSV import and reactions all go through Publishing.publish, so the same
// record is refused the same way — checked before it is validated, the
// refusal audited — whichever of them carries it. The adapter here is the
// transport adapter with a definition that no longer declares
// vehicle-registration, though the registry still approves it: the case the
// declared-type check exists for.
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Principal } from '#spean/access';
import {
  AdapterRecordRepository,
  ImportService,
  IntakeException,
  IntakeExceptionCode,
  IntakeService,
  Publishing,
  type AdapterDefinition,
} from '#spean/adapter-sdk';
import { ADAPTER_CHANNEL } from '#spean/adapter-registry';
import { ReactionConsumer } from '../../libs/adapter-sdk/src/reactions/reaction.consumer.js';
import { ADAPTERS } from '../../tools/adapters.js';
import { startAdapterMedium, type AdapterMedium } from '../support/adapter-medium.js';
import {
  deathMessage,
  IMPORT_HEADER as HEADER,
  importRow as row,
  newOwner,
  newPlate,
  storedVehicle,
  vehicle,
} from '../support/transport-fixtures.js';
import { listeningOn } from '../support/listening.js';
import type { TestDatabase } from '../support/test-database.js';

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

describe('one path to publish (medium: real services, database and embedded bus)', () => {
  let medium: AdapterMedium;
  let db: TestDatabase;
  let app: INestApplication;

  const refusals = () =>
    db.database.query<{ actor_client: string; details: Record<string, unknown> }>(
      `SELECT actor_client, details FROM audit_entry WHERE kind = 'adapter-refusal' ORDER BY seq`,
    );
  const kept = async (): Promise<number> =>
    (await db.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM adapter_record`))[0]!.n;

  beforeAll(async () => {
    medium = await startAdapterMedium('publishing_medium', undeclared);
    ({ db, app } = medium);
  });

  afterAll(async () => {
    await medium?.close();
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
    await storedVehicle(db.database, plate, owner);
    const before = (await refusals()).length;
    const outcome = await app.get(ReactionConsumer).handle([deathMessage(owner)]);
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
  let medium: AdapterMedium;
  let db: TestDatabase;
  let app: INestApplication;
  const kept = async (recordId: string): Promise<number[]> =>
    (
      await db.database.query<{ version: number }>(
        `SELECT version::int AS version FROM adapter_record WHERE record_id = $1 ORDER BY version`,
        [recordId],
      )
    ).map((each) => each.version);

  beforeAll(async () => {
    medium = await startAdapterMedium('publishing_modes', ADAPTERS.transport);
    ({ db, app } = medium);
  });

  afterAll(async () => {
    await medium?.close();
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

  describe('one version of a record has one content', () => {
    /** Messages for a record, on the bus or still waiting in the outbox. */
    const sent = async (recordId: string): Promise<string[]> => {
      const rows = await db.database.query<{ event_id: string }>(
        `SELECT headers->>'event-id' AS event_id FROM bus_message WHERE convert_from(value, 'UTF8')::jsonb->>'recordId' = $1
         UNION ALL
         SELECT headers->>'event-id' FROM adapter_outbox WHERE convert_from(value, 'UTF8')::jsonb->>'recordId' = $1`,
        [recordId],
      );
      return rows.map((row) => row.event_id);
    };

    it('refuses at intake the same version with other content (409, /version), keeping the first', async () => {
      const first: Record<string, unknown> = {
        ...vehicle(newPlate(), newOwner()),
        eventId: randomUUID(),
      };
      const other = {
        ...first,
        eventId: randomUUID(),
        payload: { ...(first.payload as object), colour: 'red' },
      };
      const intake = app.get(IntakeService);
      await intake.accept(principal, { kind: 'json', value: first });
      const retry = intake.accept(principal, {
        kind: 'json',
        value: [vehicle(newPlate(), newOwner()), other],
      });
      await expect(retry).rejects.toMatchObject({
        code: IntakeExceptionCode.VERSION_CONFLICT,
        issues: [expect.objectContaining({ index: 1, path: '/version', rule: 'version-taken' })],
      });
      await expect(sent(first.recordId as string)).resolves.toEqual([first.eventId]);
      const [stored] = await db.database.query<{ event_id: string }>(
        `SELECT event_id::text FROM adapter_record WHERE record_id = $1`,
        [first.recordId],
      );
      expect(stored!.event_id).toBe(first.eventId);
    });

    it('answers a resend of a kept version (same event id, or same content) with the kept event id, sending nothing twice', async () => {
      const first: Record<string, unknown> = {
        ...vehicle(newPlate(), newOwner()),
        eventId: randomUUID(),
      };
      const intake = app.get(IntakeService);
      await intake.accept(principal, { kind: 'json', value: first });
      await expect(intake.accept(principal, { kind: 'json', value: first })).resolves.toMatchObject(
        {
          eventIds: [first.eventId],
        },
      );
      const { eventId: _dropped, ...sameContent } = first;
      await expect(
        intake.accept(principal, { kind: 'json', value: sameContent }),
      ).resolves.toMatchObject({ eventIds: [first.eventId] });
      await expect(sent(first.recordId as string)).resolves.toEqual([first.eventId]);
    });

    it("'each' returns a version taken with other content as the row's issue and publishes the rest", async () => {
      const first = vehicle(newPlate(), newOwner());
      await app.get(Publishing).publish(principal, [first], 'each');
      const good = vehicle(newPlate(), newOwner());
      const other = { ...first, payload: { ...(first.payload as object), colour: 'red' } };
      const outcome = await app.get(Publishing).publish(principal, [other, good], 'each');
      expect(outcome.published.map((each) => each.record.recordId)).toEqual([good.recordId]);
      expect(outcome.issues).toEqual([
        expect.objectContaining({ index: 0, path: '/version', rule: 'version-taken' }),
      ]);
      await expect(sent(first.recordId as string)).resolves.toHaveLength(1);
    });

    it('runs a reaction again when its output lost the race to a record kept meanwhile', async () => {
      const owner = newOwner();
      const plate = newPlate();
      const seeded = vehicle(plate, owner);
      const store = new AdapterRecordRepository(db.database, 'transport');
      const keep = (version: number, colour: string) =>
        store.save([
          {
            recordType: 'vehicle-registration',
            recordId: plate,
            subjectId: owner,
            relatedSubjects: [],
            version,
            schemaVersion: 1,
            deleted: false,
            payload: { ...(seeded.payload as object), colour },
            eventId: randomUUID(),
            occurredAt: '2026-12-01T10:00:00+07:00',
          },
        ]);
      await keep(1, 'white');
      const consumer = app.get(ReactionConsumer);
      // The reaction reads version 1; before it publishes version 2, the ministry keeps its own version 2.
      const original = store.bySubject.bind(store);
      let raced = false;
      const spy = jest
        .spyOn(AdapterRecordRepository.prototype, 'bySubject')
        .mockImplementation(async function (this: AdapterRecordRepository, ...args) {
          const found = await original.apply(this, args);
          if (!raced && args[0] === 'vehicle-registration' && args[1] === owner) {
            raced = true;
            await keep(2, 'red');
          }
          return found as never;
        });
      try {
        const outcome = await consumer.handle([deathMessage(owner)]);
        expect(outcome.deadLetters).toEqual([]);
      } finally {
        spy.mockRestore();
      }
      const [kept] = await db.database.query<{ version: number; payload: Record<string, unknown> }>(
        `SELECT version::int AS version, payload FROM adapter_record WHERE record_id = $1`,
        [plate],
      );
      // The second run saw version 2 and marked the owner deceased on top of it.
      expect(kept).toMatchObject({ version: 3, payload: { colour: 'red', ownerDeceased: true } });
    });
  });
});
