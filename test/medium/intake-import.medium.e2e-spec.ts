// Intake and CSV import where their logic lives: the transport adapter's real
// IntakeService and ImportService in one process, on a freshly migrated
// PostgreSQL and the embedded bus — no HTTP. What each accepts, what it
// refuses and why (the code, the path, the rule), what it keeps, what reaches
// the bus, and the audit entry of a refused client. The HTTP status of each
// code stays in test/intake/; the CLI and the reject file in test/import/.
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#spean/access';
import {
  ImportService,
  IntakeException,
  IntakeExceptionCode as Code,
  IntakeService,
} from '#spean/adapter-sdk';
import { topicFor } from '#spean/bus';
import { ADAPTERS } from '../../tools/adapters.js';
import { startAdapterMedium, type AdapterMedium } from '../support/adapter-medium.js';
import {
  IMPORT_HEADER,
  importRow,
  newOwner,
  newPlate,
  vehicle,
} from '../support/transport-fixtures.js';
import type { TestDatabase } from '../support/test-database.js';

const transport: Principal = {
  clientId: 'transport-test',
  agencyId: 'mpwt',
  role: 'adapter',
  adapter: 'transport',
};

let medium: AdapterMedium;
let db: TestDatabase;
let app: INestApplication;

beforeAll(async () => {
  medium = await startAdapterMedium('intake_import_medium', ADAPTERS.transport, {
    INTAKE_MAX_RECORDS: '3',
  });
  ({ db, app } = medium);
});

afterAll(async () => {
  await medium?.close();
});

const intake = (principal: Principal, value: unknown) =>
  app.get(IntakeService).accept(principal, { kind: 'json', value });
const importing = (value: unknown) =>
  app.get(ImportService).importChunk(transport, { kind: 'json', value });

/** The version of a record the adapter keeps (its last published), or none. */
async function kept(recordId: string): Promise<number[]> {
  const rows = await db.database.query<{ version: number }>(
    `SELECT version::int AS version FROM adapter_record WHERE record_id = $1 ORDER BY version`,
    [recordId],
  );
  return rows.map((row) => row.version);
}

/** Waits, up to 5 s, until each event id is on the bus under the record's subject as key. */
async function onTheBus(
  eventIds: readonly string[],
): Promise<Array<{ key: string; eventId: string }>> {
  const started = Date.now();
  for (;;) {
    const rows = await db.database.query<{ key: string; eventId: string }>(
      `SELECT key, convert_from(value, 'UTF8')::jsonb->>'eventId' AS "eventId"
         FROM bus_message WHERE topic = $1 AND convert_from(value, 'UTF8')::jsonb->>'eventId' = ANY($2)`,
      [topicFor('vehicle-registration'), eventIds],
    );
    if (rows.length >= eventIds.length || Date.now() - started > 5_000) return rows;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function refusal(promise: Promise<unknown>): Promise<IntakeException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IntakeException))
    throw new Error(`expected an IntakeException, got ${String(error)}`);
  return error;
}

const refusalsAudited = () =>
  db.database.query<{ actorClient: string; actorAgency: string; details: Record<string, unknown> }>(
    `SELECT actor_client AS "actorClient", actor_agency AS "actorAgency", details
       FROM audit_entry WHERE kind = 'adapter-refusal' ORDER BY seq`,
  );

describe('intake', () => {
  it('keeps and publishes a valid record, keyed by its subject, answering its event id', async () => {
    const owner = newOwner();
    const record = vehicle(newPlate(), owner);
    const result = await intake(transport, record);
    expect(result).toEqual({ accepted: 1, eventIds: [expect.stringMatching(/^[0-9a-f-]{36}$/)] });
    await expect(kept(record.recordId as string)).resolves.toEqual([1]);
    await expect(onTheBus(result.eventIds)).resolves.toEqual([
      { key: owner, eventId: result.eventIds[0] },
    ]);
  });

  it('keeps nothing of a batch holding one invalid record, and names its index, path and rule', async () => {
    const good = vehicle(newPlate(), newOwner());
    const bad = vehicle(newPlate(), newOwner());
    (bad.payload as Record<string, unknown>).year = 'nineteen';
    const refused = await refusal(intake(transport, [good, bad]));
    expect(refused.code).toBe(Code.INVALID_RECORDS);
    expect(refused.issues).toEqual([
      expect.objectContaining({ index: 1, path: '/payload/year', rule: 'type' }),
    ]);
    await expect(kept(good.recordId as string)).resolves.toEqual([]);
  });

  it('refuses an empty batch and one over the configured size, before reading any record', async () => {
    await expect(refusal(intake(transport, []))).resolves.toMatchObject({
      code: Code.EMPTY_BATCH,
      message: 'the request holds no records',
    });
    const four = [1, 2, 3, 4].map(() => vehicle(newPlate(), newOwner()));
    await expect(refusal(intake(transport, four))).resolves.toMatchObject({
      code: Code.TOO_MANY_RECORDS,
      message: 'a request may carry at most 3 records; split it',
    });
    await expect(kept(four[0]!.recordId as string)).resolves.toEqual([]);
  });

  it.each([
    ['an agency client', { clientId: 'bank-1', agencyId: 'aba', role: 'agency' }],
    [
      'another adapter’s client',
      { clientId: 'land-1', agencyId: 'mlmupc', role: 'adapter', adapter: 'land' },
    ],
  ] as Array<[string, Principal]>)(
    'refuses %s, audited with who it was, and keeps nothing',
    async (_case, principal) => {
      const before = (await refusalsAudited()).length;
      const record = vehicle(newPlate(), newOwner());
      await expect(refusal(intake(principal, record))).resolves.toMatchObject({
        code: Code.NOT_AN_ADAPTER,
        message: 'only clients of the transport adapter may publish here',
      });
      expect((await refusalsAudited()).slice(before)).toEqual([
        {
          actorClient: principal.clientId,
          actorAgency: principal.agencyId,
          details: expect.objectContaining({
            adapter: 'transport',
            action: 'publish',
            recordType: null,
            reason: `${principal.role} client refused: only clients of the transport adapter may publish here`,
          }) as unknown,
        },
      ]);
      await expect(kept(record.recordId as string)).resolves.toEqual([]);
    },
  );
});

describe('CSV import', () => {
  it('publishes the good rows, returns each bad one with its row, column or path, and rule', async () => {
    const owner = newOwner();
    const typo = owner.slice(0, 9) + String((Number(owner[9]) + 1) % 10);
    const plates = [newPlate(), newPlate(), newPlate(), newPlate()];
    const rows = [
      importRow(plates[0]!, owner),
      Object.assign(importRow(plates[1]!, owner), { 4: 'nineteen' }),
      Object.assign(importRow(plates[2]!, owner), { 5: 'truck' }),
      importRow(plates[3]!, typo),
    ];
    const result = await importing({ columns: IMPORT_HEADER, rows, firstRow: 10 });
    expect(result).toMatchObject({ imported: 1, unchanged: 0 });
    expect(result.rejected.map((each) => [each.row, each.issues])).toEqual([
      [11, [{ column: 'year', rule: expect.any(String) }]],
      [12, [{ column: 'category', rule: expect.any(String) }]],
      [13, [expect.objectContaining({ path: '/subjectId' })]],
    ]);
    expect(result.rejected[0]!.reason).toMatch(/year.*whole number/);
    expect(result.rejected[1]!.reason).toMatch(/category.*car, motorcycle/);
    await expect(kept(plates[0]!)).resolves.toEqual([1]);
    for (const plate of plates.slice(1)) await expect(kept(plate)).resolves.toEqual([]);
  });

  it('publishes nothing for a row as it was, and the next version for a changed one', async () => {
    const owner = newOwner();
    const [same, changed] = [newPlate(), newPlate()];
    const chunk = {
      columns: IMPORT_HEADER,
      rows: [importRow(same, owner), importRow(changed, owner)],
      firstRow: 2,
    };
    await expect(importing(chunk)).resolves.toMatchObject({ imported: 2, unchanged: 0 });
    const recoloured = Object.assign(importRow(changed, owner), { 6: 'blue' });
    await expect(
      importing({ ...chunk, rows: [importRow(same, owner), recoloured] }),
    ).resolves.toEqual({ imported: 1, unchanged: 1, rejected: [] });
    await expect(kept(same)).resolves.toEqual([1]);
    await expect(kept(changed)).resolves.toEqual([2]);
  });

  it('refuses a chunk without a required column whole, naming the columns', async () => {
    const refused = await refusal(
      importing({ columns: ['plate_number', 'make'], rows: [['2AB-1234', 'Toyota']], firstRow: 2 }),
    );
    expect(refused).toMatchObject({
      code: Code.MISSING_COLUMNS,
      message:
        'the file lacks the required column(s) vin, model, year, category, owner_national_id, registration_date, status',
    });
  });

  it.each([
    ['not an object', [], '', 'the chunk must be an object'],
    ['a cell that is not text', { rows: [[1]] }, '/rows/0/0', '/rows/0/0 must be a string'],
    ['no rows', { rows: 'none' }, '/rows', '/rows must be an array of rows'],
    ['the header as first row', { firstRow: 1 }, '/firstRow', 'the header is row 1'],
  ])(
    'refuses a malformed chunk (%s) whole, with the path and the rule',
    async (_case, change, path, message) => {
      const value = Array.isArray(change)
        ? change
        : {
            columns: IMPORT_HEADER,
            rows: [importRow(newPlate(), newOwner())],
            firstRow: 2,
            ...change,
          };
      const refused = await refusal(importing(value));
      expect(refused.code).toBe(Code.MALFORMED_CHUNK);
      expect(refused.issues[0]).toMatchObject({ path, rule: 'type' });
      expect(refused.message).toContain(message);
    },
  );
});
