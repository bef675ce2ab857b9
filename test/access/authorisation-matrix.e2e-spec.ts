// The authorisation matrix, generated: every grantable section × every
// registered purpose × every role. For each combination the caller holds a
// grant for exactly that section and purpose, and the test proves both sides:
// the granted data leaves, and nothing else does — no other section, no other
// purpose, no other kind of request, and nothing at all for a role that may not
// look citizens up. Every attempt is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientCredentialsService, ClientRepository, ROLES, type Role } from '#spean/access';
import { CITIZEN_SECTIONS, NATIONAL_ID_GRANT, VERIFICATION_GRANT } from '#spean/access';
import { DEMO_PURPOSES, SYSTEM_ACTOR } from '../../tools/demo-access.js';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type Credentials, type SpeanStack } from '../support/spean-stack.js';

const SECTIONS = [...CITIZEN_SECTIONS.map((s) => s.name), NATIONAL_ID_GRANT, VERIFICATION_GRANT];
const PURPOSES = DEMO_PURPOSES.map((purpose) => purpose.code);
const PSEUDONYM = /^P-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

// Each section with its records' source and date, which leave with the section alone.
const RECORD = 'record { source agencyId receivedAt version }';
const LOOKUP = `query($id: ID!, $purpose: String!) {
  citizen(nationalId: $id, purpose: $purpose) {
    nationalId
    person { dateOfBirth ${RECORD} } address { since ${RECORD} } vehicles { plateNumber ${RECORD} }
    landTitles { titleNumber ${RECORD} } businesses { registrationNumber ${RECORD} }
    taxpayer { tin ${RECORD} } lifeEvents { eventType ${RECORD} }
  }
}`;
// The right date of birth: wrong claims are counted and soon locked (see verification-locks.e2e-spec.ts).
const VERIFY = `query($id: ID!, $purpose: String!, $dateOfBirth: String!) {
  verifyCitizen(nationalId: $id, purpose: $purpose, claims: { dateOfBirth: $dateOfBirth, alive: true }) {
    nationalId known dateOfBirth alive
  }
}`;

interface GraphqlError {
  message: string;
  path?: string[];
  extensions?: Record<string, unknown>;
}

let stack: SpeanStack;
let nationalId: string;
let dateOfBirth: string;
const callers = new Map<Role, { agencyId: string; token: string }>();
let attempts = 0;

beforeAll(async () => {
  stack = await startStack('embedded', 'authz_matrix');
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  const person = await stack.db.database.query<{ dob: string }>(
    `SELECT payload->>'dateOfBirth' AS dob FROM read_record WHERE record_type = 'person' AND subject_id = $1`,
    [nationalId],
  );
  dateOfBirth = person[0]!.dob;
  // One client per role, each in an agency of its own that holds no grant yet.
  const service = new ClientCredentialsService(
    new ClientRepository(stack.db.database),
    () => {
      throw new Error('not used');
    },
    0,
  );
  for (const role of ROLES) {
    const agencyId = `matrix-${role}`;
    const client = await service.register({
      agencyId,
      agencyName: `Matrix ${role}`,
      name: `matrix ${role} client`,
      role,
      ...(role === 'adapter' ? { adapter: 'interior' } : {}),
      ...(role === 'citizen' ? { nationalId } : {}),
    } as Parameters<typeof service.register>[0]);
    callers.set(role, { agencyId, token: await stack.token(client as Credentials) });
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function grant(agencyId: string, section: string, purpose: string): Promise<string> {
  const created = await stack.accessControl.grant(SYSTEM_ACTOR, {
    agencyId,
    section,
    purpose,
    validUntil: new Date(Date.now() + 3600_000),
    reason: 'authorisation matrix',
  });
  return created.id;
}

async function lookup(token: string, purpose: string) {
  attempts += 1;
  return stack.graphql<{ citizen: Record<string, unknown> | null }>(token, LOOKUP, {
    id: nationalId,
    purpose,
  });
}

async function verify(token: string, purpose: string) {
  attempts += 1;
  return stack.graphql<{ verifyCitizen: Record<string, unknown> | null }>(token, VERIFY, {
    id: nationalId,
    purpose,
    dateOfBirth,
  });
}

function codes(errors: GraphqlError[] | undefined): string[] {
  return (errors ?? []).map((error) => String(error.extensions?.code));
}

/** The sections that came back with data; no leak may hide in a denied one. */
function sectionsWithData(citizen: Record<string, unknown> | null | undefined): string[] {
  if (!citizen) return [];
  return CITIZEN_SECTIONS.map((s) => s.name).filter((name) => {
    const value = citizen[name];
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
  });
}

const combinations = SECTIONS.flatMap((section) =>
  PURPOSES.map((purpose, index) => ({
    section,
    purpose,
    other: PURPOSES[(index + 1) % PURPOSES.length]!,
  })),
);

describe('an agency granted one section for one purpose', () => {
  it.each(combinations)(
    'sees $section for $purpose, and nothing else',
    async ({ section, purpose, other }) => {
      const { agencyId, token } = callers.get('agency')!;
      const id = await grant(agencyId, section, purpose);
      try {
        const granted = await lookup(token, purpose);
        const verified = await verify(token, purpose);
        const otherPurpose = await lookup(token, other);

        if (section === VERIFICATION_GRANT) {
          // Verification only: no lookup at all, and yes/no answers.
          expect(granted.data?.citizen ?? null).toBeNull();
          expect(codes(granted.errors)).toEqual(['FORBIDDEN']);
          expect(verified.errors).toBeUndefined();
          expect(verified.data!.verifyCitizen).toMatchObject({ known: true, alive: true });
          expect(verified.data!.verifyCitizen!.dateOfBirth).toBe(true);
          expect(verified.data!.verifyCitizen!.nationalId).toMatch(PSEUDONYM);
        } else {
          const citizen = granted.data!.citizen!;
          const expected = section === NATIONAL_ID_GRANT ? [] : [section];
          expect(sectionsWithData(citizen)).toEqual(expected);
          for (const record of expected.flatMap((name) => [citizen[name]].flat()))
            expect((record as { record: unknown }).record).toMatchObject({
              source: expect.any(String) as unknown,
              receivedAt: expect.any(String) as unknown,
            });
          // Every other section: null, with FORBIDDEN on its own path.
          const denied = CITIZEN_SECTIONS.map((s) => s.name).filter((name) => name !== section);
          expect(
            (granted.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]),
          ).toEqual(expect.arrayContaining(denied.map((name) => [`citizen.${name}`, 'FORBIDDEN'])));
          expect(granted.errors).toHaveLength(denied.length);
          for (const name of denied) expect(citizen[name]).toBeNull();
          // The national id itself only with its own grant; otherwise the agency's pseudonym.
          if (section === NATIONAL_ID_GRANT) expect(citizen.nationalId).toBe(nationalId);
          else expect(citizen.nationalId).toMatch(PSEUDONYM);
          // A lookup grant is not a verification grant.
          expect(verified.data?.verifyCitizen ?? null).toBeNull();
          expect(codes(verified.errors)).toEqual(['FORBIDDEN']);
        }
        // A purpose the agency holds no grant for is refused outright.
        expect(otherPurpose.data?.citizen ?? null).toBeNull();
        expect(codes(otherPurpose.errors)).toEqual(['FORBIDDEN']);
      } finally {
        await stack.accessControl.revoke(SYSTEM_ACTOR, id, 'matrix case done');
      }
      // Revoked: refused at once.
      const after = await lookup(token, purpose);
      expect(after.data?.citizen ?? null).toBeNull();
      expect(codes(after.errors)).toEqual(['FORBIDDEN']);
    },
  );
});

const otherRoles = ROLES.filter((role) => role !== 'agency');

describe('every other role, even with every grant its agency could hold', () => {
  beforeAll(async () => {
    for (const role of otherRoles) {
      for (const section of SECTIONS) {
        for (const purpose of PURPOSES) await grant(callers.get(role)!.agencyId, section, purpose);
      }
    }
  }, 120_000);

  it.each(otherRoles.flatMap((role) => combinations.map((c) => ({ role, ...c }))))(
    '$role gets nothing of $section for $purpose',
    async ({ role, purpose }) => {
      const { token } = callers.get(role)!;
      const looked = await lookup(token, purpose);
      expect(looked.data?.citizen ?? null).toBeNull();
      expect(codes(looked.errors)).toEqual(['FORBIDDEN']);
      const verified = await verify(token, purpose);
      expect(verified.data?.verifyCitizen ?? null).toBeNull();
      expect(codes(verified.errors)).toEqual(['FORBIDDEN']);
    },
  );
});

describe('the audit log', () => {
  it('holds an entry for every attempt, granted or refused, by every role', async () => {
    const [row] = await stack.db.database.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_entry
       WHERE actor_agency LIKE 'matrix-%' AND kind IN ('lookup', 'verification') AND subject_id = $1`,
      [nationalId],
    );
    expect(Number(row!.n)).toBe(attempts);
    expect(attempts).toBe(combinations.length * (4 + 2 * otherRoles.length));
  });
});
