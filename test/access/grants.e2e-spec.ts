// Grants in detail, over GraphQL as stewards and agencies use them: the
// register of purposes, validation that names the field, grants narrowed to
// fields, validity periods, retiring a purpose, and pseudonymous ids.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientCredentialsService, ClientRepository } from '#spean/access';
import { SYSTEM_ACTOR } from '../../tools/demo-access.js';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const PSEUDONYM = /^P-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

let stack: SpeanStack;
let stewardToken: string;
let nationalId: string;
const agencies: Record<'welfare' | 'police', { token: string }> = {} as never;

beforeAll(async () => {
  stack = await startStack('embedded', 'grants');
  stewardToken = await stack.token(stack.steward);
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  const service = new ClientCredentialsService(
    new ClientRepository(stack.db.database),
    () => {
      throw new Error('not used');
    },
    0,
  );
  for (const agencyId of ['welfare', 'police'] as const) {
    const client = await service.register({
      agencyId,
      agencyName: `Ministry of ${agencyId}`,
      name: `${agencyId} desk`,
      role: 'agency',
    });
    agencies[agencyId] = { token: await stack.token(client) };
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
  person: { nationalId: string; alive: boolean } | null;
  landTitles: Array<{ owners: Array<{ nationalId: string }> }>;
}

/** The details of the agency's latest lookup entry in the audit log. */
async function lastLookup(agencyId: string): Promise<Record<string, unknown>> {
  const [entry] = await stack.db.database.query<{ details: Record<string, unknown> }>(
    `SELECT details FROM audit_entry WHERE actor_agency = $1 AND kind = 'lookup'
     ORDER BY seq DESC LIMIT 1`,
    [agencyId],
  );
  return entry!.details;
}

function lookup(token: string, purpose: string, selection: string) {
  return stack.graphql<{ citizen: CitizenData | null }>(
    token,
    `query($id: ID!, $purpose: String!) { citizen(nationalId: $id, purpose: $purpose) { ${selection} } }`,
    { id: nationalId, purpose },
  );
}

describe('the register of purposes', () => {
  it('lets a steward register a purpose, and says what is wrong with a bad one', async () => {
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
  it('name the field at fault when invalid', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ agencyId: 'welfare', section: 'shoeSize', purpose: 'social-assistance' }, 'section'],
      [
        {
          agencyId: 'welfare',
          section: 'person',
          fields: ['salary'],
          purpose: 'social-assistance',
        },
        'fields',
      ],
      [{ agencyId: 'welfare', section: 'person', purpose: 'curiosity' }, 'purpose'],
      [{ agencyId: 'nobody', section: 'person', purpose: 'social-assistance' }, 'agencyId'],
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

  it('narrowed to fields: the granted fields leave; asking for more is FORBIDDEN, naming the fields', async () => {
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
    // What left: the fields selected, within the grant.
    expect(await lastLookup('welfare')).toMatchObject({
      sectionsReturned: ['person'],
      sectionsDenied: [],
      fieldsReturned: { person: ['alive', 'name'] },
    });
    const tooMuch = await lookup(
      agencies.welfare.token,
      'social-assistance',
      'person { alive dateOfBirth }',
    );
    expect(tooMuch.errors![0]).toMatchObject({
      path: ['citizen', 'person'],
      extensions: { code: 'FORBIDDEN', section: 'person', fields: ['dateOfBirth'] },
    });
    expect(tooMuch.errors![0]!.message).toMatch(/person\.dateOfBirth/);
    expect(tooMuch.data!.citizen!.person).toBeNull();
    expect(JSON.stringify(tooMuch.data)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Nothing of person left: the entry says it was refused, and which fields were asked beyond the grant.
    const refused = await lastLookup('welfare');
    expect(refused).toMatchObject({
      outcome: 'found',
      sectionsReturned: [],
      sectionsDenied: ['person'],
      fieldsDenied: { person: ['dateOfBirth'] },
    });
    expect(refused).not.toHaveProperty('fieldsReturned');
  });

  it('narrowed to fields: a refused section beside a returned one is audited as refused, the other as returned', async () => {
    await grant({ agencyId: 'welfare', section: 'address', purpose: 'social-assistance' });
    const mixed = await lookup(
      agencies.welfare.token,
      'social-assistance',
      'address { since } person { alive idCardNumber }',
    );
    expect(mixed.errors).toHaveLength(1);
    expect(mixed.errors![0]!.path).toEqual(['citizen', 'person']);
    expect(mixed.data!.citizen).toMatchObject({
      person: null,
      address: { since: expect.any(String) },
    });
    const entry = await lastLookup('welfare');
    expect(entry).toMatchObject({
      sectionsReturned: ['address'],
      sectionsDenied: ['person'],
      fieldsDenied: { person: ['idCardNumber'] },
    });
    expect(entry).not.toHaveProperty('fieldsReturned');
  });

  it('apply only within their validity period', async () => {
    const later = await grant({
      agencyId: 'police',
      section: 'vehicles',
      purpose: 'vehicle-registration',
      validFrom: new Date(Date.now() + 1800_000).toISOString(),
    });
    expect(later.errors).toBeUndefined();
    const early = await lookup(
      agencies.police.token,
      'vehicle-registration',
      'vehicles { plateNumber }',
    );
    expect(early.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('stop applying when their purpose is retired', async () => {
    await stack.accessControl.registerPurpose(SYSTEM_ACTOR, {
      code: 'census-2026',
      title: 'The 2026 census',
      legalBasis: 'Statistics Law',
    });
    await grant({ agencyId: 'police', section: 'address', purpose: 'census-2026' });
    const before = await lookup(agencies.police.token, 'census-2026', 'address { since }');
    expect(before.errors).toBeUndefined();
    const retired = await stack.graphql(
      stewardToken,
      `mutation { retirePurpose(code: "census-2026", reason: "census over") }`,
    );
    expect(retired.errors).toBeUndefined();
    const after = await lookup(agencies.police.token, 'census-2026', 'address { since }');
    expect(after.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'purpose',
    });
  });

  it('are listed for stewards, and an agency sees only its own', async () => {
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

  it('every change is in the audit log, with who made it and why', async () => {
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

describe('pseudonymous ids', () => {
  beforeAll(async () => {
    for (const agencyId of ['welfare', 'police']) {
      for (const section of ['person', 'lifeEvents', 'landTitles']) {
        await stack.accessControl.grant(SYSTEM_ACTOR, {
          agencyId,
          section,
          purpose: 'land-administration',
          validUntil: new Date(Date.now() + 3600_000),
          reason: 'pseudonym test',
        });
      }
    }
  });

  const SELECTION =
    'nationalId person { nationalId } lifeEvents { subject { nationalId } } landTitles { owners { nationalId } }';

  it('replace every national id for an agency not granted the id itself', async () => {
    const { data, errors } = await lookup(agencies.welfare.token, 'land-administration', SELECTION);
    expect(errors).toBeUndefined();
    const citizen = data!.citizen!;
    expect(JSON.stringify(citizen)).not.toMatch(/\b\d{10}\b/);
    expect(citizen.nationalId).toMatch(PSEUDONYM);
    expect(citizen.person!.nationalId).toBe(citizen.nationalId);
    expect(citizen.landTitles[0]!.owners[0]!.nationalId).toBe(citizen.nationalId);
  });

  it('are stable for one agency and differ between agencies', async () => {
    const first = await lookup(agencies.welfare.token, 'land-administration', 'nationalId');
    const again = await lookup(agencies.welfare.token, 'land-administration', 'nationalId');
    const other = await lookup(agencies.police.token, 'land-administration', 'nationalId');
    expect(again.data!.citizen!.nationalId).toBe(first.data!.citizen!.nationalId);
    expect(other.data!.citizen!.nationalId).toMatch(PSEUDONYM);
    expect(other.data!.citizen!.nationalId).not.toBe(first.data!.citizen!.nationalId);
  });

  it('give way to the national id for an agency granted it', async () => {
    const { data } = await lookup(
      await stack.token(stack.agency),
      'land-administration',
      SELECTION,
    );
    expect(data!.citizen!.nationalId).toBe(nationalId);
    expect(data!.citizen!.person!.nationalId).toBe(nationalId);
  });
});
