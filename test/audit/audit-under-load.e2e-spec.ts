// Under load, every lookup is audited: 1,200 lookups from 48 concurrent
// callers, each answered only after its entry committed, and exactly 1,200
// entries in the log — written in far fewer transactions (group commit), with
// the chain intact. Timings are printed for the record, never asserted.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAuditLog } from '#spean/audit';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const LOOKUPS = 1200;
const CONCURRENCY = 48;

let stack: SpeanStack;
let nationalId: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'audit_load');
  nationalId = newNationalId();
  // Only the sections the lookups below read.
  await publishFullCitizen(stack, nationalId, [
    'person',
    'address',
    'business-registration',
    'taxpayer',
  ]);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('the audit log under load', () => {
  it('holds one entry per lookup, every one committed before its answer', async () => {
    const token = await stack.token(stack.agency);
    const query = `query($id: ID!, $ref: String) { citizen(nationalId: $id, purpose: "business-registration", reference: $ref) {
      person { alive } address { since } businesses { registrationNumber } taxpayer { tin } } }`;
    const before = stack.audit.stats;
    let next = 0;
    let answered = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < LOOKUPS) {
          const reference = `L-${next++}`;
          const response = await stack.graphql<{ citizen: { person: unknown } | null }>(
            token,
            query,
            {
              id: nationalId,
              ref: reference,
            },
          );
          expect(response.errors).toBeUndefined();
          expect(response.data!.citizen!.person).not.toBeNull();
          // Answered, so its entry must already be in the log.
          const [row] = await stack.db.database.query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_entry WHERE subject_id = $1 AND details->>'reference' = $2`,
            [nationalId, reference],
          );
          expect(Number(row!.n)).toBe(1);
          answered += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = stack.audit.stats;
    const [row] = await stack.db.database.query<{ n: string; refs: string }>(
      `SELECT count(*) AS n, count(DISTINCT details->>'reference') AS refs FROM audit_entry
       WHERE kind = 'lookup' AND subject_id = $1 AND details->>'reference' LIKE 'L-%'`,
      [nationalId],
    );
    expect(answered).toBe(LOOKUPS);
    expect(Number(row!.n)).toBe(LOOKUPS);
    expect(Number(row!.refs)).toBe(LOOKUPS);
    const batches = after.batches - before.batches;
    expect(after.entries - before.entries).toBe(LOOKUPS);
    expect(batches).toBeLessThan(LOOKUPS);
    await expect(verifyAuditLog(stack.db.database)).resolves.toMatchObject({ ok: true });
    console.log(
      `${LOOKUPS} audited lookups (each followed by a read-back) from ${CONCURRENCY} callers in ` +
        `${seconds.toFixed(2)} s; ${LOOKUPS} entries in ${batches} transactions`,
    );
  });
});
