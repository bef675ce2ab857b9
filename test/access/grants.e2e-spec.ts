// Grants over GraphQL, as stewards and agencies use them: who may change
// them, what a bad input and a refused field look like on the wire, and whose
// grants an agency may list. What a grant decides — sections, purposes,
// fields, validity, revocation, retirement, pseudonyms, the audit of each
// change and of each lookup — is tested where it is decided, without HTTP:
// test/medium/access-control.medium.e2e-spec.ts and
// test/medium/citizen-lookup.medium.e2e-spec.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditEntriesSince, lastAuditSeq } from '../support/audit-entries.js';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

let stack: SpeanStack;
let stewardToken: string;
let nationalId: string;
const agencies: Record<'welfare' | 'police', { token: string }> = {} as never;

beforeAll(async () => {
  stack = await startStack('embedded', 'grants');
  stewardToken = await stack.token(stack.steward);
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId, ['person']);
  for (const agencyId of ['welfare', 'police'] as const) {
    agencies[agencyId] = { token: await stack.token(await stack.agencyDesk(agencyId)) };
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

async function grant(input: Record<string, unknown>) {
  return stack.graphql<{ grantAccess: { id: string; fields: string[] | null } }>(
    stewardToken,
    `mutation($input: GrantInput!) { grantAccess(input: $input) { id fields } }`,
    { input: { validUntil: inAnHour(), reason: 'test', ...input } },
  );
}

/** What the selections below ask for; a test reads only what it selected. */
interface CitizenData {
  nationalId: string;
  person: { alive: boolean } | null;
}

function lookup(token: string, purpose: string, selection: string) {
  return stack.graphql<{ citizen: CitizenData | null }>(
    token,
    `query($id: ID!, $purpose: String!) { citizen(nationalId: $id, purpose: $purpose) { ${selection} } }`,
    { id: nationalId, purpose },
  );
}

describe('the register of purposes', () => {
  it('lets a steward register and retire a purpose, and says what is wrong with a bad one', async () => {
    const registered = await stack.graphql<{ registerPurpose: { code: string } }>(
      stewardToken,
      `mutation { registerPurpose(input: { code: "pension-claims", title: "Paying pensions", legalBasis: "Law on Social Security" }) { code } }`,
    );
    expect(registered.data!.registerPurpose.code).toBe('pension-claims');
    const listed = await stack.graphql<{ purposes: Array<{ code: string }> }>(
      agencies.welfare.token,
      `{ purposes { code title legalBasis } }`,
    );
    expect(listed.data!.purposes.map((p) => p.code)).toContain('pension-claims');

    const bad = await stack.graphql(
      stewardToken,
      `mutation { registerPurpose(input: { code: "Pension Claims!", title: "x", legalBasis: "y" }) { code } }`,
    );
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const twice = await stack.graphql(
      stewardToken,
      `mutation { registerPurpose(input: { code: "pension-claims", title: "x", legalBasis: "y" }) { code } }`,
    );
    expect(twice.errors![0]!.message).toMatch(/already registered/);

    const retired = await stack.graphql(
      stewardToken,
      `mutation { retirePurpose(code: "pension-claims", reason: "scheme closed") }`,
    );
    expect(retired.errors).toBeUndefined();
    const again = await stack.graphql(
      stewardToken,
      `mutation { retirePurpose(code: "pension-claims", reason: "scheme closed") }`,
    );
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
  });

  it('refuses purpose and grant changes to anyone but a steward', async () => {
    const asAgency = await stack.graphql(
      agencies.welfare.token,
      `mutation { registerPurpose(input: { code: "self-service", title: "x", legalBasis: "y" }) { code } }`,
    );
    expect(asAgency.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const selfGrant = await stack.graphql(
      agencies.welfare.token,
      `mutation($input: GrantInput!) { grantAccess(input: $input) { id } }`,
      {
        input: {
          agencyId: 'welfare',
          section: 'person',
          purpose: 'social-assistance',
          validUntil: inAnHour(),
          reason: 'please',
        },
      },
    );
    expect(selfGrant.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('grants', () => {
  it('name the field at fault when invalid, as BAD_USER_INPUT', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ agencyId: 'welfare', section: 'shoeSize', purpose: 'social-assistance' }, 'section'],
      [
        {
          agencyId: 'welfare',
          section: 'person',
          purpose: 'social-assistance',
          validUntil: '2020-01-01T00:00:00Z',
        },
        'validUntil',
      ],
    ];
    for (const [input, field] of cases) {
      const response = await grant(input);
      expect({ field, extensions: response.errors?.[0]?.extensions }).toMatchObject({
        field,
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
  });

  it('narrowed to fields: the granted fields leave; asking for more is FORBIDDEN on that field alone, naming the fields', async () => {
    const created = await grant({
      agencyId: 'welfare',
      section: 'person',
      fields: ['name', 'alive'],
      purpose: 'social-assistance',
    });
    expect(created.data!.grantAccess.fields).toEqual(['alive', 'name']);
    const allowed = await lookup(
      agencies.welfare.token,
      'social-assistance',
      'person { name { latin { familyName } } alive }',
    );
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.citizen!.person).toMatchObject({ alive: true });
    const tooMuch = await lookup(
      agencies.welfare.token,
      'social-assistance',
      'nationalId person { alive dateOfBirth }',
    );
    expect(tooMuch.errors).toHaveLength(1);
    expect(tooMuch.errors![0]).toMatchObject({
      path: ['citizen', 'person'],
      extensions: { code: 'FORBIDDEN', section: 'person', fields: ['dateOfBirth'] },
    });
    expect(tooMuch.errors![0]!.message).toMatch(/person\.dateOfBirth/);
    expect(tooMuch.data!.citizen).toEqual({ nationalId: expect.any(String), person: null });
    expect(JSON.stringify(tooMuch.data)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('say where each record came from and when the exchange received it, only with the section', async () => {
    const exchanged = 'record { source agencyId receivedAt version }';
    const granted = await lookup(
      await stack.token(stack.agency),
      'business-registration',
      `person { alive ${exchanged} }`,
    );
    expect(granted.errors).toBeUndefined();
    const record = (granted.data!.citizen!.person as unknown as { record: Record<string, unknown> })
      .record;
    expect(record).toEqual({
      source: 'interior',
      agencyId: 'moi',
      receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
      version: 1,
    });
    expect(Math.abs(Date.now() - Date.parse(record.receivedAt as string))).toBeLessThan(600_000);

    // Narrowed to name and alive (the grant of the test before): the record leaves with them, not counted as a field beyond the grant.
    const narrowed = await lookup(
      agencies.welfare.token,
      'social-assistance',
      `person { alive ${exchanged} }`,
    );
    expect(narrowed.errors).toBeUndefined();
    expect(narrowed.data!.citizen!.person).toMatchObject({
      alive: true,
      record: { source: 'interior', agencyId: 'moi' },
    });

    // Not granted: refused like the section, nothing of it on the wire.
    const refused = await lookup(
      agencies.welfare.token,
      'social-assistance',
      `taxpayer { ${exchanged} } person { alive }`,
    );
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]).toMatchObject({
      path: ['citizen', 'taxpayer'],
      extensions: { code: 'FORBIDDEN', section: 'taxpayer' },
    });
    expect(refused.data!.citizen).toMatchObject({ taxpayer: null, person: { alive: true } });
    expect(JSON.stringify(refused.data)).not.toMatch(/interior|moi/);
  });

  it('narrowed to fields: a field beyond the grant that @include drops is not asked for, nor refused', async () => {
    const since = await lastAuditSeq(stack.db.database);
    const asked = await stack.graphql<{ citizen: CitizenData | null }>(
      agencies.welfare.token,
      `query($id: ID!, $born: Boolean!, $vehicles: Boolean!) {
        citizen(nationalId: $id, purpose: "social-assistance") {
          person { alive dateOfBirth @include(if: $born) }
          vehicles @include(if: $vehicles) { plateNumber }
        }
      }`,
      { id: nationalId, born: false, vehicles: false },
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.citizen).toEqual({ person: { alive: true } });
    const [entry] = await auditEntriesSince(stack.db.database, ['lookup'], since);
    expect(entry!.details).toMatchObject({
      sectionsReturned: ['person'],
      sectionsDenied: [],
      fieldsReturned: { person: ['alive'] },
    });
  });

  it('are listed for stewards, and an agency sees only its own', async () => {
    await grant({ agencyId: 'police', section: 'vehicles', purpose: 'vehicle-registration' });
    const all = await stack.graphql<{ grants: Array<{ agencyId: string }> }>(
      stewardToken,
      `{ grants { agencyId section purpose } }`,
    );
    expect(new Set(all.data!.grants.map((g) => g.agencyId))).toEqual(
      new Set(['mef', 'welfare', 'police']),
    );
    const own = await stack.graphql<{ grants: Array<{ agencyId: string }> }>(
      agencies.welfare.token,
      `{ grants(agencyId: "mef") { agencyId } }`,
    );
    expect(new Set(own.data!.grants.map((g) => g.agencyId))).toEqual(new Set(['welfare']));
  });

  it('every change made over GraphQL is in the audit log under the steward who made it', async () => {
    const rows = await stack.db.database.query<{
      kind: string;
      actor_client: string;
      details: { action: string };
    }>(
      `SELECT kind, actor_client, details FROM audit_entry
       WHERE kind IN ('grant-change', 'purpose-change') AND actor_client = $1`,
      [stack.steward.clientId],
    );
    expect(rows.map((row) => `${row.kind}:${row.details.action}`)).toEqual(
      expect.arrayContaining([
        'purpose-change:registered',
        'purpose-change:retired',
        'grant-change:granted',
      ]),
    );
  });
});
