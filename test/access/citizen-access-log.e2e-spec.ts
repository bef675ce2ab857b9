// The citizen's view: an agency looks a citizen up; the citizen, signed in as
// themselves, sees it in accessLog with the agency, the purpose and the
// sections — and refused attempts, verifications and auditors' readings too.
// Nobody else but an auditor may read it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

interface Entry {
  at: string;
  kind: string;
  outcome: string;
  agencyId: string;
  agencyName: string | null;
  clientName: string | null;
  purpose: string | null;
  purposeTitle: string | null;
  reference: string | null;
  sectionsReturned: string[];
  sectionsDenied: string[];
}

const ACCESS_LOG = `query($id: ID!, $first: Int, $after: String) {
  accessLog(nationalId: $id, first: $first, after: $after) {
    entries { at kind outcome agencyId agencyName clientName purpose purposeTitle reference sectionsReturned sectionsDenied }
    nextCursor
  }
}`;

let stack: SpeanStack;
let nationalId: string;
let agencyToken: string;
let citizenToken: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'access_log');
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  agencyToken = await stack.token(stack.agency);
  citizenToken = await stack.token(await stack.citizen(nationalId));
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

function readLog(token: string, variables: Record<string, unknown> = {}) {
  return stack.graphql<{ accessLog: { entries: Entry[]; nextCursor: string | null } }>(
    token,
    ACCESS_LOG,
    { id: nationalId, ...variables },
  );
}

describe('accessLog', () => {
  it('shows the citizen a lookup of their record, with its agency, purpose and sections', async () => {
    const looked = await stack.graphql(
      agencyToken,
      `query($id: ID!) { citizen(nationalId: $id, purpose: "business-registration", reference: "BR-2026-0042") {
         person { alive } businesses { registrationNumber } } }`,
      { id: nationalId },
    );
    expect(looked.errors).toBeUndefined();
    const { data, errors } = await readLog(citizenToken, { first: 1 });
    expect(errors).toBeUndefined();
    const [entry] = data!.accessLog.entries;
    expect(entry).toMatchObject({
      kind: 'lookup',
      outcome: 'found',
      agencyId: 'mef',
      agencyName: 'Ministry of Economy and Finance',
      clientName: 'Business registration desk',
      purpose: 'business-registration',
      purposeTitle: 'Registering or amending a business',
      reference: 'BR-2026-0042',
      sectionsReturned: ['person', 'businesses'],
      sectionsDenied: [],
    });
    expect(Date.now() - Date.parse(entry!.at)).toBeLessThan(60_000);
  });

  it('shows refused attempts and verifications, newest first', async () => {
    await stack.graphql(
      agencyToken,
      `query($id: ID!) { citizen(nationalId: $id, purpose: "curiosity") { person { alive } } }`,
      { id: nationalId },
    );
    await stack.graphql(
      agencyToken,
      `query($id: ID!) { verifyCitizen(nationalId: $id, purpose: "identity-verification", claims: { alive: true }) { alive } }`,
      { id: nationalId },
    );
    const { data } = await readLog(citizenToken, { first: 2 });
    expect(data!.accessLog.entries.map((e) => [e.kind, e.outcome])).toEqual([
      ['verification', 'found'],
      ['lookup', 'refused'],
    ]);
    expect(data!.accessLog.entries[0]!.sectionsReturned).toEqual(['alive']);
    // Free text that names no registered purpose is not kept.
    expect(data!.accessLog.entries[1]!.purpose).toBeNull();
  });

  it('pages through every access, newest first, without repeats or gaps', async () => {
    for (let i = 0; i < 23; i += 1) {
      await stack.graphql(
        agencyToken,
        `query($id: ID!, $ref: String) { citizen(nationalId: $id, purpose: "tax-administration", reference: $ref) { taxpayer { tin } } }`,
        { id: nationalId, ref: `T-${i}` },
      );
    }
    const seen: Entry[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof readLog>> = await readLog(citizenToken, {
        first: 10,
        after,
      });
      seen.push(...page.data!.accessLog.entries);
      after = page.data!.accessLog.nextCursor;
    } while (after);
    const references = seen
      .filter((e) => e.purpose === 'tax-administration')
      .map((e) => e.reference);
    expect(references).toEqual(Array.from({ length: 23 }, (_, i) => `T-${22 - i}`));
    // Every entry the log holds about this citizen, each once (setting up also looked them up).
    const [row] = await stack.db.database.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_entry WHERE subject_id = $1
       AND kind IN ('lookup', 'verification', 'access-log-read')`,
      [nationalId],
    );
    expect(seen).toHaveLength(Number(row!.n));
    expect(seen.length).toBeGreaterThanOrEqual(23 + 3);
    const times = seen.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('is the citizen’s own: another citizen, an agency or a steward may not read it', async () => {
    const stranger = await stack.token(await stack.citizen(newNationalId()));
    for (const token of [stranger, agencyToken, await stack.token(stack.steward)]) {
      const { data, errors } = await readLog(token);
      expect(data?.accessLog ?? null).toBeNull();
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('is open to auditors, whose reading the citizen then sees', async () => {
    const auditorToken = await stack.token(stack.auditor);
    const read = await readLog(auditorToken, { first: 5 });
    expect(read.errors).toBeUndefined();
    expect(read.data!.accessLog.entries.length).toBe(5);
    const { data } = await readLog(citizenToken, { first: 1 });
    expect(data!.accessLog.entries[0]).toMatchObject({ kind: 'access-log-read', outcome: 'found' });
  });

  it('keeps no reference that would read differently from what it is: refused, naming the field and the rule', async () => {
    const reversed = await stack.graphql<{ citizen: unknown }>(
      agencyToken,
      `query($id: ID!, $ref: String) { citizen(nationalId: $id, purpose: "business-registration", reference: $ref) { person { alive } } }`,
      { id: nationalId, ref: 'BR-2026-\u202E2400' },
    );
    expect(reversed.data?.citizen ?? null).toBeNull();
    expect(reversed.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reference',
      rule: 'no-direction-controls',
    });
    const isolated = await stack.graphql(
      agencyToken,
      `query($id: ID!, $ref: String) { verifyCitizen(nationalId: $id, purpose: "identity-verification", claims: { alive: true }, reference: $ref) { alive } }`,
      { id: nationalId, ref: 'BR\u2066-42' },
    );
    expect(isolated.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reference',
      rule: 'no-direction-controls',
    });
    const khmer = await stack.graphql(
      agencyToken,
      `query($id: ID!, $ref: String) { citizen(nationalId: $id, purpose: "business-registration", reference: $ref) { person { alive } } }`,
      { id: nationalId, ref: 'សំណុំ\u200Bរឿង-42' },
    );
    expect(khmer.errors).toBeUndefined();
    const { data } = await readLog(citizenToken, { first: 1 });
    expect(data!.accessLog.entries[0]!.reference).toBe('សំណុំ\u200Bរឿង-42');
  });

  it('refuses a bad cursor or page size, naming the argument', async () => {
    const badCursor = await readLog(citizenToken, { after: 'not-a-cursor' });
    expect(badCursor.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const tooMany = await readLog(citizenToken, { first: 1000 });
    expect(tooMany.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});
