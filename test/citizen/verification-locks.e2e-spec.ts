// verifyCitizen is a yes/no answer, not a way to read the data by guessing:
// after a few wrong claims of one kind about one citizen (per agency, and
// from all agencies together) further claims of that kind are refused with
// VERIFICATION_LOCKED — the right one too, so the refusal tells nothing. Every
// refusal is audited, the citizen sees the failed attempts (the kinds, never
// the values), and stewards see and lift the locks, over GraphQL and the CLI.
// The defaults apply: 3 wrong claims per agency, 10 per citizen, per 24 hours.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ClientCredentialsService, ClientRepository } from '#spean/access';
import { SYSTEM_ACTOR } from '../../tools/demo-access.js';
import { verificationCommand } from '../../tools/verification-command.js';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

interface Person {
  dateOfBirth: string;
  idCardNumber: string;
}

interface GraphqlError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

const VERIFY = `query($id: ID!, $claims: CitizenClaims!) {
  verifyCitizen(nationalId: $id, purpose: "identity-verification", claims: $claims) {
    known dateOfBirth alive idCardNumber
  }
}`;

let stack: SpeanStack;
let deskToken: string;
let stewardToken: string;
const otherDesks: string[] = [];

beforeAll(async () => {
  stack = await startStack('embedded', 'verification_locks');
  deskToken = await stack.token(stack.agency);
  stewardToken = await stack.token(stack.steward);
  const service = new ClientCredentialsService(
    new ClientRepository(stack.db.database),
    () => {
      throw new Error('not used');
    },
    0,
  );
  for (const agencyId of ['desk-b', 'desk-c', 'desk-d']) {
    const client = await service.register({
      agencyId,
      agencyName: `Agency ${agencyId}`,
      name: `${agencyId} counter`,
      role: 'agency',
    });
    await stack.accessControl.grant(SYSTEM_ACTOR, {
      agencyId,
      section: 'verification',
      purpose: 'identity-verification',
      validUntil: new Date(Date.now() + 3600_000),
      reason: 'verification lock test',
    });
    otherDesks.push(await stack.token(client));
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function citizenWithPerson(): Promise<{ nationalId: string; person: Person }> {
  const nationalId = newNationalId();
  // Claims are checked against the person record alone.
  await publishFullCitizen(stack, nationalId, ['person']);
  const [row] = await stack.db.database.query<{ payload: Person }>(
    `SELECT payload FROM read_record WHERE record_type = 'person' AND subject_id = $1`,
    [nationalId],
  );
  return { nationalId, person: row!.payload };
}

function verify(token: string, nationalId: string, claims: Record<string, unknown>) {
  return stack.graphql<{ verifyCitizen: Record<string, unknown> | null }>(token, VERIFY, {
    id: nationalId,
    claims,
  });
}

/** A date that is not the citizen's: the day after theirs, plus n days. */
function wrongDate(person: Person, n: number): string {
  const day = new Date(`${person.dateOfBirth}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1 + n);
  return day.toISOString().slice(0, 10);
}

async function verificationEntries(nationalId: string) {
  return stack.db.database.query<{ actor_agency: string; details: Record<string, unknown> }>(
    `SELECT actor_agency, details FROM audit_entry WHERE subject_id = $1 AND kind = 'verification'
     ORDER BY seq`,
    [nationalId],
  );
}

const LOCKS = `query($id: ID) { verificationLocks(nationalId: $id) { nationalId agencyId claim failures lockedUntil } }`;
const LIFT = `mutation($id: ID!, $reason: String!) {
  liftVerificationLock(nationalId: $id, reason: $reason) { nationalId agencyId claim failures }
}`;

describe('wrong claims', () => {
  it('are answered three times, then every claim of that kind is refused with VERIFICATION_LOCKED, the right one too', async () => {
    const { nationalId, person } = await citizenWithPerson();
    for (let n = 0; n < 3; n += 1) {
      const wrong = await verify(deskToken, nationalId, { dateOfBirth: wrongDate(person, n) });
      expect(wrong.errors).toBeUndefined();
      expect(wrong.data!.verifyCitizen).toMatchObject({ known: true, dateOfBirth: false });
    }
    const fourth = await verify(deskToken, nationalId, { dateOfBirth: wrongDate(person, 3) });
    const right = await verify(deskToken, nationalId, {
      dateOfBirth: person.dateOfBirth,
      alive: true,
    });
    for (const response of [fourth, right]) {
      expect(response.data!.verifyCitizen!.dateOfBirth).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]).toMatchObject({
        path: ['verifyCitizen', 'dateOfBirth'],
        extensions: { code: 'VERIFICATION_LOCKED', claim: 'dateOfBirth' },
      });
    }
    // The refusal of the right claim reads exactly as the refusal of a wrong one.
    expect(right.errors![0]!.message).toBe(fourth.errors![0]!.message);
    // Other kinds of claim are still answered.
    expect(right.data!.verifyCitizen!.alive).toBe(true);

    const entries = await verificationEntries(nationalId);
    expect(entries.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ claimsChecked: ['dateOfBirth'], claimsFailed: ['dateOfBirth'] }),
      expect.objectContaining({ claimsChecked: ['dateOfBirth'], claimsFailed: ['dateOfBirth'] }),
      expect.objectContaining({ claimsChecked: ['dateOfBirth'], claimsFailed: ['dateOfBirth'] }),
      expect.objectContaining({ claimsChecked: [], claimsLocked: ['dateOfBirth'] }),
      expect.objectContaining({ claimsChecked: ['alive'], claimsLocked: ['dateOfBirth'] }),
    ]);
    // Never what was claimed.
    const logged = JSON.stringify(entries);
    expect(logged).not.toContain(person.dateOfBirth);
    expect(logged).not.toContain(wrongDate(person, 0));
  });

  it('count one by one within one request', async () => {
    const { nationalId, person } = await citizenWithPerson();
    const guesses = Array.from({ length: 12 }, (_, n) => wrongDate(person, n));
    guesses.push(person.dateOfBirth);
    const query = `query($id: ID!) { ${guesses
      .map(
        (date, n) =>
          `g${n}: verifyCitizen(nationalId: $id, purpose: "identity-verification", claims: { dateOfBirth: "${date}" }) { dateOfBirth }`,
      )
      .join(' ')} }`;
    const { data, errors } = await stack.graphql<Record<string, { dateOfBirth: boolean | null }>>(
      deskToken,
      query,
      { id: nationalId },
    );
    const answers = guesses.map((_, n) => data![`g${n}`]!.dateOfBirth);
    expect(answers.filter((answer) => answer === false)).toHaveLength(3);
    expect(answers).not.toContain(true);
    expect(errors!.map((error: GraphqlError) => error.extensions!.code)).toEqual(
      Array(10).fill('VERIFICATION_LOCKED'),
    );
  });

  it('from all agencies together are limited too', async () => {
    const { nationalId, person } = await citizenWithPerson();
    const wrongCard = (n: number) => String(100_000_000 + n).padStart(9, '0');
    let n = 0;
    for (const token of [deskToken, otherDesks[0]!, otherDesks[1]!]) {
      for (let i = 0; i < 3; i += 1) {
        const answer = await verify(token, nationalId, { idCardNumber: wrongCard((n += 1)) });
        expect(answer.data!.verifyCitizen!.idCardNumber).toBe(false);
      }
    }
    // The tenth wrong claim about this citizen is the last one answered, whoever asks.
    const tenth = await verify(otherDesks[2]!, nationalId, { idCardNumber: wrongCard(99) });
    expect(tenth.data!.verifyCitizen!.idCardNumber).toBe(false);
    const right = await verify(otherDesks[2]!, nationalId, { idCardNumber: person.idCardNumber });
    expect(right.data!.verifyCitizen!.idCardNumber).toBeNull();
    expect(right.errors![0]!.extensions).toMatchObject({ code: 'VERIFICATION_LOCKED' });

    const { data } = await stack.graphql<{
      verificationLocks: Array<{ agencyId: string | null; claim: string; failures: number }>;
    }>(stewardToken, LOCKS, { id: nationalId });
    expect(data!.verificationLocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agencyId: null, claim: 'idCardNumber', failures: 10 }),
        expect.objectContaining({ agencyId: 'mef', claim: 'idCardNumber', failures: 3 }),
      ]),
    );
  });
});

describe('the citizen', () => {
  it('sees the failed and the refused attempts in the access log: the kinds of claim, never the values', async () => {
    const { nationalId, person } = await citizenWithPerson();
    for (let n = 0; n < 4; n += 1) {
      await verify(deskToken, nationalId, { dateOfBirth: wrongDate(person, n) });
    }
    const citizenToken = await stack.token(await stack.citizen(nationalId));
    const { data, errors } = await stack.graphql<{
      accessLog: {
        entries: Array<{
          kind: string;
          agencyId: string;
          claimsFailed: string[];
          claimsLocked: string[];
        }>;
      };
    }>(
      citizenToken,
      `query($id: ID!) { accessLog(nationalId: $id, first: 4) { entries { kind agencyId claimsFailed claimsLocked } } }`,
      { id: nationalId },
    );
    expect(errors).toBeUndefined();
    expect(data!.accessLog.entries).toEqual([
      { kind: 'verification', agencyId: 'mef', claimsFailed: [], claimsLocked: ['dateOfBirth'] },
      { kind: 'verification', agencyId: 'mef', claimsFailed: ['dateOfBirth'], claimsLocked: [] },
      { kind: 'verification', agencyId: 'mef', claimsFailed: ['dateOfBirth'], claimsLocked: [] },
      { kind: 'verification', agencyId: 'mef', claimsFailed: ['dateOfBirth'], claimsLocked: [] },
    ]);
  });
});

describe('locks', () => {
  it('are listed for stewards and auditors, and lifted by stewards only, with a reason, audited', async () => {
    const { nationalId, person } = await citizenWithPerson();
    for (let n = 0; n < 3; n += 1) {
      await verify(deskToken, nationalId, { dateOfBirth: wrongDate(person, n) });
    }
    const citizenToken = await stack.token(await stack.citizen(nationalId));
    const auditorToken = await stack.token(stack.auditor);
    const integratorToken = await stack.token(stack.integrator);
    const adapterToken = await stack.token(stack.adapter);

    for (const token of [stewardToken, auditorToken]) {
      const listed = await stack.graphql<{ verificationLocks: Array<Record<string, unknown>> }>(
        token,
        LOCKS,
        { id: nationalId },
      );
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.verificationLocks).toEqual([
        expect.objectContaining({
          nationalId,
          agencyId: 'mef',
          claim: 'dateOfBirth',
          failures: 3,
        }),
      ]);
      expect(
        Date.parse(listed.data!.verificationLocks[0]!.lockedUntil as string) - Date.now(),
      ).toBeGreaterThan(23 * 3600_000);
    }
    // Each reading of the citizen's locks is in the audit log, by whoever read them.
    const readings = await stack.db.database.query<{ actor_client: string; details: unknown }>(
      `SELECT actor_client, details FROM audit_entry
       WHERE subject_id = $1 AND kind = 'verification-lock-read' ORDER BY seq`,
      [nationalId],
    );
    expect(readings).toEqual([
      { actor_client: stack.steward.clientId, details: { locks: 1 } },
      { actor_client: stack.auditor.clientId, details: { locks: 1 } },
    ]);
    for (const token of [deskToken, citizenToken, integratorToken, adapterToken]) {
      const listed = await stack.graphql<{ verificationLocks: unknown }>(token, LOCKS, {
        id: nationalId,
      });
      expect(listed.data?.verificationLocks ?? null).toBeNull();
      expect(listed.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    for (const token of [deskToken, citizenToken, auditorToken, integratorToken, adapterToken]) {
      const lifted = await stack.graphql(token, LIFT, { id: nationalId, reason: 'please' });
      expect(lifted.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const stillLocked = await verify(deskToken, nationalId, { dateOfBirth: person.dateOfBirth });
    expect(stillLocked.errors![0]!.extensions!.code).toBe('VERIFICATION_LOCKED');

    const typo = nationalId.slice(0, 9) + String((Number(nationalId[9]) + 1) % 10);
    const badId = await stack.graphql(stewardToken, LIFT, { id: typo, reason: 'x' });
    expect(badId.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'nationalId',
    });
    const noReason = await stack.graphql(stewardToken, LIFT, { id: nationalId, reason: ' ' });
    expect(noReason.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const lifted = await stack.graphql<{
      liftVerificationLock: Array<{ agencyId: string | null; claim: string }>;
    }>(stewardToken, LIFT, {
      id: nationalId,
      reason: 'the citizen corrected the date at the desk',
    });
    expect(lifted.errors).toBeUndefined();
    expect(lifted.data!.liftVerificationLock).toEqual([
      expect.objectContaining({ agencyId: 'mef', claim: 'dateOfBirth' }),
    ]);
    const answered = await verify(deskToken, nationalId, { dateOfBirth: person.dateOfBirth });
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.verifyCitizen!.dateOfBirth).toBe(true);

    const [entry] = await stack.db.database.query<{
      actor_client: string;
      details: Record<string, unknown>;
    }>(
      `SELECT actor_client, details FROM audit_entry WHERE subject_id = $1 AND kind = 'verification-lock-lift'`,
      [nationalId],
    );
    expect(entry).toEqual({
      actor_client: stack.steward.clientId,
      details: {
        reason: 'the citizen corrected the date at the desk',
        cleared: [
          { agencyId: null, claim: 'dateOfBirth', failures: 3, locked: false },
          { agencyId: 'mef', claim: 'dateOfBirth', failures: 3, locked: true },
        ],
      },
    });
  });

  it('are listed and lifted from the command line', async () => {
    const { nationalId, person } = await citizenWithPerson();
    for (let n = 0; n < 3; n += 1) {
      await verify(deskToken, nationalId, { dateOfBirth: wrongDate(person, n) });
    }
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        await verificationCommand(
          ['locks', '--national-id', nationalId, '--as', 'ops-1'],
          stack.db.database,
        ),
      ).toBe(0);
      expect(out.mock.calls.join('')).toContain(nationalId);
      expect(await verificationCommand(['lift', nationalId], stack.db.database)).toBe(2);
      expect(err.mock.calls.join('')).toMatch(/--reason/);
      expect(
        await verificationCommand(
          ['lift', nationalId, '--reason', 'desk error', '--as', 'ops-1'],
          stack.db.database,
        ),
      ).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const answered = await verify(deskToken, nationalId, { dateOfBirth: person.dateOfBirth });
    expect(answered.data!.verifyCitizen!.dateOfBirth).toBe(true);
    const entries = await stack.db.database.query<{ kind: string; actor_client: string }>(
      `SELECT kind, actor_client FROM audit_entry
       WHERE subject_id = $1 AND kind IN ('verification-lock-read', 'verification-lock-lift') ORDER BY seq`,
      [nationalId],
    );
    // Reading the locks from the command line is audited as a steward's reading is.
    expect(entries).toEqual([
      { kind: 'verification-lock-read', actor_client: 'ops-1' },
      { kind: 'verification-lock-lift', actor_client: 'ops-1' },
    ]);
  });
});
