// A record whose subject interior does not know is kept, shown to stewards as
// an orphan, found by a lookup, and attached once the person is published.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const root = path.resolve(import.meta.dirname, '..', '..');
const fixture = (type: string, name: string): Record<string, unknown> =>
  JSON.parse(
    fs.readFileSync(path.join(root, 'schemas', type, 'ok', `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;

describe('orphans', () => {
  let stack: SpeanStack;
  beforeAll(async () => {
    stack = await startStack('embedded', 'orphans');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const ORPHANS = `query { orphans(recordType: "taxpayer") { recordType recordId source } }`;

  it('keeps, lists and then attaches a record whose subject is unknown', async () => {
    const nationalId = ids.fromSerial(randomInt(0, ids.capacity));
    const tin = `E002-${randomInt(100_000_000, 999_999_999)}`;
    const taxpayer = { ...fixture('taxpayer', 'individual-active'), tin, nationalId };
    const envelope = (recordType: string, recordId: string, payload: object) => ({
      recordType,
      schemaVersion: 1,
      recordId,
      subjectId: nationalId,
      version: 1,
      op: 'upsert',
      occurredAt: '2026-11-21T10:00:00+07:00',
      payload,
    });
    expect((await stack.publishAs('tax', [envelope('taxpayer', tin, taxpayer)])).status).toBe(202);

    const steward = await stack.token(stack.steward);
    const agency = await stack.token(stack.agency);
    const listed = async () =>
      (
        (await stack.graphql<{ orphans: Array<{ recordId: string }> }>(steward, ORPHANS)).data
          ?.orphans ?? []
      ).map((orphan) => orphan.recordId);
    const deadline = Date.now() + 10_000;
    while (!(await listed()).includes(tin) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await listed()).toContain(tin);

    const lookup = `query($id: ID!) { citizen(nationalId: $id, purpose: "tax-administration") { person { alive } taxpayer { tin } } }`;
    const before = await stack.graphql<{ citizen: { person: unknown; taxpayer: { tin: string } } }>(
      agency,
      lookup,
      {
        id: nationalId,
      },
    );
    expect(before.data!.citizen).toEqual({ person: null, taxpayer: { tin } });

    const forbidden = await stack.graphql(agency, ORPHANS);
    expect(forbidden.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const person = { ...fixture('person', 'adult-born-in-phnom-penh'), nationalId };
    expect(
      (await stack.publishAs('interior', [envelope('person', `MOI-P-${nationalId}`, person)]))
        .status,
    ).toBe(202);
    const attachDeadline = Date.now() + 10_000;
    while ((await listed()).includes(tin) && Date.now() < attachDeadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await listed()).not.toContain(tin);
    const after = await stack.graphql<{ citizen: { person: { alive: boolean } } }>(agency, lookup, {
      id: nationalId,
    });
    expect(after.data!.citizen.person).toEqual({ alive: true });
  });
});
