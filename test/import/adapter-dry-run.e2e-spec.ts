// An adapter's own dry runs over HTTP: a CSV chunk (POST /v1/imports/dry-run)
// and canonical records (POST /v1/records/dry-run) go through every check of
// the real import and intake, row by row, and nothing is published or kept.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADAPTERS } from '../../tools/adapters.js';
import { newNationalId } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

/** The transport export's required columns, in the mapping's order. */
const COLUMNS = ADAPTERS.transport
  .csv!.columns.filter((column) => column.required)
  .map((column) => column.name);

let stack: SpeanStack;
let token: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'adapter_dry_run');
  token = await stack.token(stack.adapters.transport.credentials);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function post(route: string, body: unknown, bearer = token) {
  const response = await fetch(`${stack.adapters.transport.url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const plate = () => `2F${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;

async function kept(plates: string[]): Promise<number> {
  const rows = await stack.db.database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM adapter_record WHERE record_id = ANY($1)`,
    [plates],
  );
  return rows[0]!.n;
}

describe('an adapter’s dry runs', () => {
  it('checks a CSV chunk row by row, as the import would, and keeps nothing', async () => {
    const owner = newNationalId();
    const typo = owner.slice(0, 9) + String((Number(owner[9]) + 1) % 10);
    const plates = [plate(), plate(), plate()];
    const row = (p: string, year: string, id: string) => [
      p,
      'JTDKB20U093456789',
      'Toyota',
      'Prius',
      year,
      'car',
      id,
      '2019-03-02',
      'active',
    ];
    const answer = await post('/v1/imports/dry-run', {
      columns: COLUMNS,
      rows: [
        row(plates[0]!, '2009', owner),
        row(plates[1]!, 'nineteen', owner),
        row(plates[2]!, '2010', typo),
      ],
      firstRow: 2,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.valid).toBe(1);
    const rejected = answer.body.rejected as Array<{
      row: number;
      issues: Array<Record<string, string>>;
    }>;
    expect(rejected.map((r) => r.row)).toEqual([3, 4]);
    expect(rejected[0]!.issues).toEqual([{ column: 'year', rule: 'integer' }]);
    expect(rejected[1]!.issues[0]).toMatchObject({ path: '/subjectId' });
    expect(await kept(plates)).toBe(0);
  });

  it('checks canonical records as intake would, and keeps nothing', async () => {
    const owner = newNationalId();
    const p = plate();
    const answer = await post('/v1/records/dry-run', [
      {
        recordType: 'vehicle-registration',
        schemaVersion: 1,
        recordId: p,
        subjectId: owner,
        version: 1,
        op: 'upsert',
        occurredAt: '2026-11-21T10:00:00+07:00',
        payload: {},
      },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ valid: 0, invalid: 1 });
    const issues = answer.body.issues as Array<{ index: number; path: string; rule: string }>;
    expect(issues.every((issue) => issue.index === 0)).toBe(true);
    expect(issues.map((issue) => issue.rule)).toContain('required');
    expect(await kept([p])).toBe(0);
  });

  it('refuses a client that is not the adapter’s own, as the import does', async () => {
    const other = await stack.token(stack.integrator);
    const answer = await post(
      '/v1/imports/dry-run',
      { columns: COLUMNS, rows: [], firstRow: 2 },
      other,
    );
    expect(answer.status).toBe(403);
  });
});
