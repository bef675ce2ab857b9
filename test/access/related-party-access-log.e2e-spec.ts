// The accesses a citizen sees besides lookups of their own record: being
// disclosed as a related party (a spouse, a parent, a co-owner, a director) of
// another citizen's lookup, and refused attempts to read their access log. A
// relation counts as disclosed when any field of the related person's entry
// leaves — under their national id or under the agency's pseudonym for it,
// which still tells that agency of the relation.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientCredentialsService, ClientRepository } from '#spean/access';
import { SYSTEM_ACTOR } from '../../tools/demo-access.js';
import { fixtureAbout, newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

interface Entry {
  kind: string;
  outcome: string;
  agencyId: string;
  clientName: string | null;
  purpose: string | null;
  reference: string | null;
  sectionsReturned: string[];
}

const ACCESS_LOG = `query($id: ID!) {
  accessLog(nationalId: $id, first: 50) {
    entries { kind outcome agencyId clientName purpose reference sectionsReturned }
  }
}`;

let stack: SpeanStack;
let nationalId: string;
let spouseId: string;
let agencyToken: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'related_party_log');
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  // The marriage the full citizen is published with names a spouse.
  const marriage = fixtureAbout('civil-event', 'marriage-in-siem-reap', nationalId) as {
    spouse: { nationalId: string };
  };
  spouseId = marriage.spouse.nationalId;
  agencyToken = await stack.token(stack.agency);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function readLog(token: string, id: string) {
  return stack.graphql<{ accessLog: { entries: Entry[] } }>(token, ACCESS_LOG, { id });
}

function lookup(token: string, purpose: string, selection: string, reference?: string) {
  return stack.graphql<{ citizen: Record<string, unknown> | null }>(
    token,
    `query($id: ID!, $purpose: String!, $reference: String) {
       citizen(nationalId: $id, purpose: $purpose, reference: $reference) { ${selection} } }`,
    { id: nationalId, purpose, reference },
  );
}

describe('a related party', () => {
  it('sees a lookup that disclosed them — agency, purpose, time, section — and not one that did not', async () => {
    const spouseToken = await stack.token(await stack.citizen(spouseId));
    const before = await readLog(spouseToken, spouseId);
    expect(before.errors).toBeUndefined();
    expect(before.data!.accessLog.entries).toEqual([]);

    // The events only, not who the spouse is: nothing of the spouse left.
    const eventsOnly = await lookup(
      agencyToken,
      'business-registration',
      'lifeEvents { eventType }',
    );
    expect(eventsOnly.errors).toBeUndefined();
    expect((await readLog(spouseToken, spouseId)).data!.accessLog.entries).toEqual([]);

    const withSpouse = await lookup(
      agencyToken,
      'business-registration',
      'lifeEvents { eventType spouse { nationalId } }',
      'BR-2026-0077',
    );
    expect(JSON.stringify(withSpouse.data)).toContain(spouseId);
    const { data, errors } = await readLog(spouseToken, spouseId);
    expect(errors).toBeUndefined();
    expect(data!.accessLog.entries).toEqual([
      {
        kind: 'related-party-disclosure',
        outcome: 'found',
        agencyId: 'mef',
        clientName: 'Business registration desk',
        purpose: 'business-registration',
        // The agency's case is the other citizen's, not theirs.
        reference: null,
        sectionsReturned: ['lifeEvents'],
      },
    ]);

    // The lookup's own entry and the related party's are linked; the related
    // party's does not name the citizen looked up.
    const rows = await stack.db.database.query<{
      subject_id: string;
      kind: string;
      details: Record<string, unknown>;
    }>(
      `SELECT subject_id, kind, details FROM audit_entry
       WHERE kind IN ('lookup', 'related-party-disclosure') ORDER BY seq DESC LIMIT 2`,
    );
    const lookupEntry = rows.find((row) => row.kind === 'lookup')!;
    const related = rows.find((row) => row.kind === 'related-party-disclosure')!;
    expect(lookupEntry).toMatchObject({
      subject_id: nationalId,
      details: { relatedParties: 1, lookupId: expect.any(String) },
    });
    expect(related).toMatchObject({
      subject_id: spouseId,
      details: {
        lookupId: lookupEntry.details.lookupId,
        nationalId: 'disclosed',
        sectionsReturned: ['lifeEvents'],
      },
    });
    expect(JSON.stringify(related)).not.toContain(nationalId);
  });

  it('disclosed under a pseudonym is recorded too, as a pseudonym', async () => {
    const client = await new ClientCredentialsService(
      new ClientRepository(stack.db.database),
      () => {
        throw new Error('not used');
      },
      0,
    ).register({
      agencyId: 'welfare',
      agencyName: 'Welfare',
      name: 'welfare desk',
      role: 'agency',
    });
    await stack.accessControl.grant(SYSTEM_ACTOR, {
      agencyId: 'welfare',
      section: 'lifeEvents',
      purpose: 'social-assistance',
      validUntil: new Date(Date.now() + 3600_000),
      reason: 'related party test',
    });
    const answer = await lookup(
      await stack.token(client),
      'social-assistance',
      'lifeEvents { spouse { nationalId } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).not.toContain(spouseId);
    const [related] = await stack.db.database.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_entry WHERE kind = 'related-party-disclosure'
       AND subject_id = $1 AND actor_agency = 'welfare'`,
      [spouseId],
    );
    expect(related!.details).toMatchObject({
      nationalId: 'pseudonym',
      sectionsReturned: ['lifeEvents'],
    });
  });
});

describe('a refused attempt to read an access log', () => {
  it('is audited, and seen by the citizen whose log it was and by auditors', async () => {
    const strangerToken = await stack.token(await stack.citizen(newNationalId()));
    const attempt = await readLog(strangerToken, nationalId);
    expect(attempt.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const byAgency = await readLog(agencyToken, nationalId);
    expect(byAgency.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const citizenToken = await stack.token(await stack.citizen(nationalId));
    const own = await readLog(citizenToken, nationalId);
    expect(own.data!.accessLog.entries.slice(0, 2)).toEqual([
      expect.objectContaining({
        kind: 'access-log-read',
        outcome: 'refused',
        agencyId: 'mef',
      }),
      // Another citizen tried: the log says so without naming them.
      expect.objectContaining({
        kind: 'access-log-read',
        outcome: 'refused',
        agencyId: 'citizens',
        clientName: null,
      }),
    ]);
    const audited = await readLog(await stack.token(stack.auditor), nationalId);
    expect(
      audited.data!.accessLog.entries.filter((entry) => entry.outcome === 'refused'),
    ).toHaveLength(2);
  });
});
