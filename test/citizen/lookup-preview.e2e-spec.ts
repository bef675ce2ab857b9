// previewAsAgency: a steward sees exactly what an agency's desk would see for a
// purpose — the same sections, the same refusals, the same pseudonyms — through
// the lookup's own code with that agency's grants. It is audited as the
// steward's preview (lookup-preview), which the citizen sees as such, never as
// the agency's lookup. Only stewards may preview.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientCredentialsService, ClientRepository } from '#spean/access';
import { SYSTEM_ACTOR } from '../../tools/demo-access.js';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const DESK = 'preview-desk';
const PSEUDONYM = /^P-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const FIELDS = `nationalId person { dateOfBirth } vehicles { plateNumber } taxpayer { tin }`;
const PREVIEW = `query($agencyId: String!, $purpose: String!, $id: ID!) {
  previewAsAgency(agencyId: $agencyId, purpose: $purpose, nationalId: $id) { ${FIELDS} }
}`;
const LOOKUP = `query($id: ID!, $purpose: String!) { citizen(nationalId: $id, purpose: $purpose) { ${FIELDS} } }`;

let stack: SpeanStack;
let nationalId: string;
let stewardToken: string;
let deskToken: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'lookup_preview');
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  stewardToken = await stack.token(stack.steward);
  const credentials = new ClientCredentialsService(
    new ClientRepository(stack.db.database),
    () => {
      throw new Error('not used');
    },
    0,
  );
  const desk = await credentials.register({
    agencyId: DESK,
    agencyName: 'Preview desk',
    name: 'Preview counter',
    role: 'agency',
  });
  deskToken = await stack.token(desk);
  for (const section of ['person', 'taxpayer'])
    await stack.accessControl.grant(SYSTEM_ACTOR, {
      agencyId: DESK,
      section,
      purpose: 'business-registration',
      validUntil: new Date(Date.now() + 3600_000),
      reason: 'preview test',
    });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

function preview(token: string, variables: Record<string, unknown> = {}) {
  return stack.graphql<{ previewAsAgency: Record<string, unknown> | null }>(token, PREVIEW, {
    agencyId: DESK,
    purpose: 'business-registration',
    id: nationalId,
    ...variables,
  });
}

async function entriesOf(kind: string) {
  return stack.db.database.query<{
    actor_agency: string;
    purpose: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT actor_agency, purpose, details FROM audit_entry WHERE subject_id = $1 AND kind = $2 ORDER BY seq`,
    [nationalId, kind],
  );
}

describe('previewAsAgency', () => {
  it('answers a steward exactly what the desk sees, refusals and pseudonyms included', async () => {
    const previewed = await preview(stewardToken);
    const looked = await stack.graphql<{ citizen: Record<string, unknown> }>(deskToken, LOOKUP, {
      id: nationalId,
      purpose: 'business-registration',
    });
    expect(previewed.data!.previewAsAgency).toMatchObject({
      person: { dateOfBirth: expect.any(String) },
      taxpayer: { tin: expect.any(String) },
      vehicles: null,
    });
    expect(previewed.data!.previewAsAgency!.nationalId).toMatch(PSEUDONYM);
    expect(previewed.data!.previewAsAgency).toEqual(looked.data!.citizen);
    const shape = (errors: typeof previewed.errors) =>
      (errors ?? []).map((error) => [error.path?.slice(1), error.extensions?.code, error.message]);
    expect(shape(previewed.errors)).toEqual(shape(looked.errors));
    expect(shape(previewed.errors)).toEqual([
      [['vehicles'], 'FORBIDDEN', expect.stringContaining('vehicles')],
    ]);
  });

  it('is audited as the steward’s preview, and the citizen sees it as one', async () => {
    const before = (await entriesOf('lookup')).length;
    await preview(stewardToken);
    const previews = await entriesOf('lookup-preview');
    expect(previews.at(-1)).toMatchObject({
      actor_agency: 'interop-office',
      purpose: 'business-registration',
      details: {
        previewOf: DESK,
        outcome: 'found',
        sectionsReturned: ['person', 'taxpayer'],
        sectionsDenied: ['vehicles'],
      },
    });
    // No lookup by the desk was recorded.
    expect(await entriesOf('lookup')).toHaveLength(before);

    const citizenToken = await stack.token(await stack.citizen(nationalId));
    const log = await stack.graphql<{ accessLog: { entries: Array<Record<string, unknown>> } }>(
      citizenToken,
      `query($id: ID!) { accessLog(nationalId: $id) { entries { kind agencyId previewOf sectionsReturned } } }`,
      { id: nationalId },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.accessLog.entries[0]).toEqual({
      kind: 'lookup-preview',
      agencyId: 'interop-office',
      previewOf: DESK,
      sectionsReturned: ['person', 'taxpayer'],
    });
  });

  it.each(['agency', 'auditor', 'integrator'] as const)(
    'is refused to a %s (FORBIDDEN), and the attempt is audited',
    async (role) => {
      const token = await stack.token(stack[role]);
      const answer = await preview(token);
      expect(answer.data?.previewAsAgency ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await entriesOf('lookup-preview')).at(-1)).toMatchObject({
        details: { outcome: 'refused', reason: 'role-may-not-preview', previewOf: DESK },
      });
    },
  );

  it('is refused to a citizen, even for their own record', async () => {
    const token = await stack.token(await stack.citizen(nationalId));
    const answer = await preview(token);
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an agency without a grant for the purpose as the desk would be refused', async () => {
    const answer = await preview(stewardToken, { purpose: 'tax-administration' });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NO_GRANT_FOR_PURPOSE',
    });
  });

  it.each([
    [{ id: '1234567890' }, 'nationalId'],
    [{ purpose: 'not-a-purpose' }, 'purpose'],
    [{ agencyId: 'desk\u0007' }, 'agencyId'],
    [{ agencyId: '' }, 'agencyId'],
    [{ agencyId: 'x'.repeat(201) }, 'agencyId'],
  ])('refuses bad input %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const answer = await preview(stewardToken, variables);
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
