// dryRunIntake through GraphQL: records checked as intake checks them, each
// problem with its index, path and rule; nothing published or stored; who may
// ask (integrators, an adapter's client for what it may publish) and who may
// not, each audited without the records; bad arguments named.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#spean/access';
import { newNationalId } from '../support/full-citizen.js';
import { roleTokens } from '../support/role-tokens.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const car = JSON.parse(
  fs.readFileSync(
    path.join(root, 'schemas/vehicle-registration/ok/car-in-phnom-penh.json'),
    'utf8',
  ),
) as Record<string, unknown>;

const DRY_RUN = `query($t: String!, $v: Int!, $r: String!) {
  dryRunIntake(recordType: $t, version: $v, records: $r) {
    recordType version valid invalid issues { index path rule message }
  }
}`;

interface DryRun {
  dryRunIntake: {
    valid: number;
    invalid: number;
    issues: Array<{ index: number; path: string; rule: string; message: string }>;
  };
}

let stack: SpeanStack;
let tokens: Record<Role, string>;
let transport: string;

const vehicle = (owner: string, plate: string, payload: object = {}) => ({
  recordId: plate,
  subjectId: owner,
  version: 1,
  op: 'upsert',
  occurredAt: '2026-11-21T10:00:00+07:00',
  payload: { ...car, plateNumber: plate, owner: { nationalId: owner }, ...payload },
});
const plate = () => `2D${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;

beforeAll(async () => {
  stack = await startStack('embedded', 'intake_dry_run');
  tokens = await roleTokens(stack);
  transport = await stack.token(stack.adapters.transport.credentials);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function dryRun(token: string, recordType: string, version: number, records: unknown) {
  const text = typeof records === 'string' ? records : JSON.stringify(records);
  return stack.graphql<DryRun>(token, DRY_RUN, { t: recordType, v: version, r: text });
}

async function auditedRuns(actor: string): Promise<Array<Record<string, unknown>>> {
  const rows = await stack.db.database.query<{ details: Record<string, unknown> }>(
    `SELECT details FROM audit_entry WHERE kind = 'intake-dry-run' AND actor_client = $1 ORDER BY seq`,
    [actor],
  );
  return rows.map((row) => row.details);
}

describe('dryRunIntake', () => {
  it('names each problem by index, path and rule, and publishes and stores nothing', async () => {
    const owner = newNationalId();
    const typo = owner.slice(0, 9) + String((Number(owner[9]) + 1) % 10);
    const plates = [plate(), plate(), plate()];
    const answer = await dryRun(tokens.integrator, 'vehicle-registration', 1, [
      vehicle(owner, plates[0]!),
      vehicle(typo, plates[1]!, { year: 'nineteen' }),
      { ...vehicle(owner, plates[2]!), recordType: 'person' },
    ]);
    expect(answer.errors).toBeUndefined();
    const result = answer.data!.dryRunIntake;
    expect(result).toMatchObject({ valid: 1, invalid: 2 });
    const found = result.issues.map((issue) => `${issue.index} ${issue.path} ${issue.rule}`);
    expect(found).toEqual(
      expect.arrayContaining(['1 /payload/year type', '2 /recordType dry-run-target']),
    );
    expect(found.some((issue) => issue.startsWith('1 /subjectId '))).toBe(true);
    expect(found.every((issue) => !issue.startsWith('0 '))).toBe(true);

    const kept = await stack.db.database.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM adapter_record WHERE record_id = ANY($1))::int
            + (SELECT count(*) FROM read_record WHERE record_id = ANY($1))::int AS n`,
      [plates],
    );
    expect(kept[0]!.n).toBe(0);
    const audited = await auditedRuns(stack.integrator.clientId);
    expect(audited.at(-1)).toEqual({
      recordType: 'vehicle-registration',
      version: 1,
      role: 'integrator',
      outcome: 'checked',
      records: 3,
      invalid: 2,
    });
    expect(JSON.stringify(audited)).not.toContain(owner);
  });

  it('lets an adapter client try what its adapter publishes, and refuses it the rest', async () => {
    const owner = newNationalId();
    const allowed = await dryRun(transport, 'vehicle-registration', 1, vehicle(owner, plate()));
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.dryRunIntake).toMatchObject({ valid: 1, invalid: 0, issues: [] });

    const refused = await dryRun(
      tokens.adapter,
      'vehicle-registration',
      1,
      vehicle(owner, plate()),
    );
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await auditedRuns(stack.adapter.clientId)).at(-1)).toMatchObject({
      outcome: 'refused',
      recordType: 'vehicle-registration',
    });
  });

  it('checks an adapter client’s records as its own: another source is a problem', async () => {
    const other = { ...vehicle(newNationalId(), plate()), source: 'land' };
    const answer = await dryRun(transport, 'vehicle-registration', 1, [other]);
    expect(answer.data!.dryRunIntake.issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      '/source source',
    ]);
  });

  it.each(['steward', 'auditor', 'agency', 'citizen'] as const)(
    'refuses a %s, and audits the refusal',
    async (role) => {
      const answer = await dryRun(
        tokens[role],
        'vehicle-registration',
        1,
        vehicle(newNationalId(), plate()),
      );
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const rows = await stack.db.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_entry
          WHERE kind = 'intake-dry-run' AND details->>'role' = $1 AND details->>'outcome' = 'refused'`,
        [role],
      );
      expect(rows[0]!.n).toBeGreaterThan(0);
    },
  );

  it.each([
    ['recordType', 'spaceship', 1, '[{}]'],
    ['version', 'vehicle-registration', 7, '[{}]'],
    ['records', 'vehicle-registration', 1, '{not json'],
    ['records', 'vehicle-registration', 1, '[]'],
    ['records', 'vehicle-registration', 1, JSON.stringify(new Array(1001).fill({}))],
  ])('names %s when it is wrong', async (argument, recordType, version, records) => {
    const answer = await dryRun(tokens.integrator, recordType, version, records);
    const error = answer.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(error.message.startsWith(`${argument}: `)).toBe(true);
  });
});
