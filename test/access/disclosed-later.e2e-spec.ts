// Purposes disclosed later: a steward may mark a purpose (an investigation,
// say) so that lookups under it reach the citizen's access log only after a
// delay — at most DISCLOSURE_DELAY_MAX_DAYS (180 by default), with the legal
// basis stated. Auditors see them at once; the citizen sees them once the
// date has passed (shown on the repository in test/medium/access-log.medium.e2e-spec.ts),
// never not at all. The audit entry records the date.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const PURPOSE = 'social-assistance';
const DAY = 24 * 3600_000;
const SET = `mutation($code: String!, $days: Int, $basis: String, $reason: String) {
  setPurposeDisclosure(code: $code, discloseAfterDays: $days, legalBasis: $basis, reason: $reason) {
    code discloseAfterDays disclosureBasis
  }
}`;
const LOOKUP = `query($id: ID!, $purpose: String!) { citizen(nationalId: $id, purpose: $purpose) { person { alive } } }`;
const LOG = `query($id: ID!) { accessLog(nationalId: $id) { entries { kind purpose discloseAfter } } }`;

let stack: SpeanStack;
let stewardToken: string;
let agencyToken: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'disclosed_later');
  stewardToken = await stack.token(stack.steward);
  agencyToken = await stack.token(stack.agency);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

function set(token: string, variables: Record<string, unknown>) {
  return stack.graphql<{ setPurposeDisclosure: Record<string, unknown> }>(token, SET, {
    code: PURPOSE,
    ...variables,
  });
}

async function citizenLookedUp(): Promise<string> {
  const nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  const looked = await stack.graphql(agencyToken, LOOKUP, { id: nationalId, purpose: PURPOSE });
  expect(looked.errors).toBeUndefined();
  return nationalId;
}

async function logAs(token: string, nationalId: string) {
  const log = await stack.graphql<{
    accessLog: {
      entries: Array<{ kind: string; purpose: string | null; discloseAfter: string | null }>;
    };
  }>(token, LOG, { id: nationalId });
  expect(log.errors).toBeUndefined();
  return log.data!.accessLog.entries.filter((entry) => entry.purpose === PURPOSE);
}

describe('setPurposeDisclosure', () => {
  it('delays a lookup in the citizen’s log until the date it records; auditors see it at once', async () => {
    const marked = await set(stewardToken, { days: 30, basis: 'Anti-Corruption Law, art. 27' });
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.setPurposeDisclosure).toEqual({
      code: PURPOSE,
      discloseAfterDays: 30,
      disclosureBasis: 'Anti-Corruption Law, art. 27',
    });

    const before = Date.now();
    const nationalId = await citizenLookedUp();
    const [entry] = await stack.db.database.query<{ details: { discloseAfter?: string } }>(
      `SELECT details FROM audit_entry WHERE subject_id = $1 AND kind = 'lookup' AND purpose = $2`,
      [nationalId, PURPOSE],
    );
    const discloseAfter = new Date(entry!.details.discloseAfter!).getTime();
    expect(discloseAfter).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(discloseAfter).toBeLessThan(Date.now() + 30 * DAY + 1000);

    const citizenToken = await stack.token(await stack.citizen(nationalId));
    expect(await logAs(citizenToken, nationalId)).toEqual([]);
    expect(await logAs(await stack.token(stack.auditor), nationalId)).toEqual([
      { kind: 'lookup', purpose: PURPOSE, discloseAfter: new Date(discloseAfter).toISOString() },
    ]);

    // Once the date has passed the citizen sees it: test/medium/access-log.medium.e2e-spec.ts.
  });

  it('is audited, and undone with no days: lookups show at once again', async () => {
    const cleared = await set(stewardToken, { days: null, basis: null });
    expect(cleared.data!.setPurposeDisclosure).toMatchObject({
      discloseAfterDays: null,
      disclosureBasis: null,
    });
    const changes = await stack.db.database.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_entry WHERE kind = 'purpose-change' AND details->>'purpose' = $1 ORDER BY seq`,
      [PURPOSE],
    );
    expect(changes.map((change) => change.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'disclosure-delayed', discloseAfterDays: 30 }),
        expect.objectContaining({ action: 'disclosure-immediate' }),
      ]),
    );
    const nationalId = await citizenLookedUp();
    const citizenToken = await stack.token(await stack.citizen(nationalId));
    expect(await logAs(citizenToken, nationalId)).toEqual([
      { kind: 'lookup', purpose: PURPOSE, discloseAfter: null },
    ]);
  });

  it('keeps the steward’s reason, when given, in the audit entry of the change — of a registration too', async () => {
    const code = `inquiry-${Date.now()}`;
    const registered = await stack.graphql(
      stewardToken,
      `mutation($input: PurposeInput!) { registerPurpose(input: $input) { code } }`,
      {
        input: {
          code,
          title: 'Inquiries',
          legalBasis: 'Law on Audit',
          reason: 'decision 12 of the board',
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    const delayed = await set(stewardToken, {
      code,
      days: 20,
      basis: 'Law on Audit, art. 4',
      reason: 'the inquiry must not be warned',
    });
    expect(delayed.errors).toBeUndefined();
    const changes = await stack.db.database.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_entry WHERE kind = 'purpose-change' AND details->>'purpose' = $1 ORDER BY seq`,
      [code],
    );
    expect(changes.map((change) => [change.details.action, change.details.reason])).toEqual([
      ['registered', 'decision 12 of the board'],
      ['disclosure-delayed', 'the inquiry must not be warned'],
    ]);
    const blank = await set(stewardToken, { code, days: null, reason: '  ' });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ field: 'reason' });
  });

  it.each(['agency', 'auditor', 'integrator'] as const)(
    'is refused to a %s (FORBIDDEN)',
    async (role) => {
      const answer = await set(await stack.token(stack[role]), { days: 10, basis: 'x' });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );

  it.each([
    [{ days: 0, basis: 'Law' }, 'discloseAfterDays'],
    [{ days: 181, basis: 'Law' }, 'discloseAfterDays'],
    [{ days: 10, basis: null }, 'legalBasis'],
    [{ days: 10, basis: '   ' }, 'legalBasis'],
    [{ days: 10, basis: 'Law\u0007' }, 'legalBasis'],
    [{ days: 10, basis: 'x'.repeat(501) }, 'legalBasis'],
    [{ code: 'no-such-purpose', days: 10, basis: 'Law' }, 'code'],
  ])('refuses %j naming %s', async (variables, field) => {
    const answer = await set(stewardToken, variables);
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ field });
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(answer.errors?.[0]?.extensions?.code);
  });
});
