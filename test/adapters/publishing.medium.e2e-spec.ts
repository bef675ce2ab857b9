// One path to publish, at medium size: the adapter's real services in one
// process, on a real PostgreSQL and the embedded bus, no HTTP stack. Intake,
// CSV import and reactions all go through Publishing.publish, so the same
// record is refused the same way — checked before it is validated, the
// refusal audited — whichever of them carries it. The adapter here is the
// transport adapter with a definition that no longer declares
// vehicle-registration, though the registry still approves it: the case the
// declared-type check exists for.
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#spean/access';
import {
  ImportService,
  IntakeException,
  IntakeExceptionCode,
  IntakeService,
  Publishing,
  type AdapterDefinition,
} from '#spean/adapter-sdk';
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
});
