// Citizens' questions: a citizen questions an entry of their own access log
// (never someone else's), stewards and auditors list the open questions and
// answer them, and the citizen reads the answer on the entry. Every step is in
// the audit log; the texts obey the input rules (length, no control or
// direction characters).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const LOG = `query($id: ID!) { accessLog(nationalId: $id) {
  entries { entryId kind question { id reason answer answeredAt } }
} }`;
const ASK = `mutation($entry: ID!, $reason: String!) {
  questionAccess(entry: $entry, reason: $reason) { id entryId reason askedAt answer }
}`;
const LIST = `query { accessQuestions { id entryId nationalId reason answer } }`;
const ANSWER = `mutation($id: ID!, $answer: String!) {
  answerAccessQuestion(id: $id, answer: $answer) { id answer answeredAt }
}`;

interface LogEntry {
  entryId: string;
  kind: string;
  question: { id: string; reason: string; answer: string | null; answeredAt: string | null } | null;
}

let stack: SpeanStack;
let nationalId: string;
let citizenToken: string;
let lookupEntry: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'access_questions');
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  const agencyToken = await stack.token(stack.agency);
  await stack.graphql(
    agencyToken,
    `query($id: ID!) { citizen(nationalId: $id, purpose: "tax-administration") { person { alive } } }`,
    { id: nationalId },
  );
  citizenToken = await stack.token(await stack.citizen(nationalId));
  lookupEntry = (await log(citizenToken)).find((entry) => entry.kind === 'lookup')!.entryId;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function log(token: string): Promise<LogEntry[]> {
  const answer = await stack.graphql<{ accessLog: { entries: LogEntry[] } }>(token, LOG, {
    id: nationalId,
  });
  expect(answer.errors).toBeUndefined();
  return answer.data!.accessLog.entries;
}

function ask(token: string, entry: string, reason: string) {
  return stack.graphql<{ questionAccess: Record<string, unknown> }>(token, ASK, { entry, reason });
}

async function kinds(): Promise<string[]> {
  const rows = await stack.db.database.query<{ kind: string }>(
    `SELECT kind FROM audit_entry WHERE subject_id = $1 AND kind LIKE 'access-question%' ORDER BY seq`,
    [nationalId],
  );
  return rows.map((row) => row.kind);
}

describe('questions from citizens', () => {
  it('go from the citizen to a steward and back, every step audited', async () => {
    const asked = await ask(
      citizenToken,
      lookupEntry,
      'ក្រសួង​ពន្ធដារ — why did the tax office look?',
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.questionAccess).toMatchObject({ entryId: lookupEntry, answer: null });
    const id = asked.data!.questionAccess.id as string;

    const steward = await stack.token(stack.steward);
    const open = await stack.graphql<{ accessQuestions: Array<Record<string, unknown>> }>(
      steward,
      LIST,
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!.accessQuestions).toContainEqual(
      expect.objectContaining({ id, entryId: lookupEntry, nationalId, answer: null }),
    );

    const answered = await stack.graphql<{ answerAccessQuestion: Record<string, unknown> }>(
      steward,
      ANSWER,
      { id, answer: 'A tax registration you filed on 3 March (case TX-2026-0042).' },
    );
    expect(answered.errors).toBeUndefined();
    const entry = (await log(citizenToken)).find((e) => e.entryId === lookupEntry)!;
    expect(entry.question).toMatchObject({
      id,
      answer: 'A tax registration you filed on 3 March (case TX-2026-0042).',
      answeredAt: expect.any(String),
    });
    expect(await kinds()).toEqual([
      'access-question-asked',
      'access-question-read',
      'access-question-answered',
    ]);

    const again = await stack.graphql(steward, ANSWER, { id, answer: 'second answer' });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const auditor = await stack.token(stack.auditor);
    const closed = await stack.graphql<{ accessQuestions: unknown[] }>(auditor, LIST);
    expect(closed.data!.accessQuestions).not.toContainEqual(expect.objectContaining({ id }));
  });

  it('are listed with the access they are about, open ones and then answered ones', async () => {
    const agencyToken = await stack.token(stack.agency);
    await stack.graphql(
      agencyToken,
      `query($id: ID!) { citizen(nationalId: $id, purpose: "tax-administration", reference: "TX-ENTRY-7") { person { alive } } }`,
      { id: nationalId },
    );
    const entryId = (await log(citizenToken)).find((entry) => entry.kind === 'lookup')!.entryId;
    expect(entryId).not.toBe(lookupEntry);
    const ENTRY = `entry { entryId kind agencyId purpose reference }`;
    const asked = await stack.graphql<{ questionAccess: { id: string; entry: unknown } }>(
      citizenToken,
      `mutation($entry: ID!) { questionAccess(entry: $entry, reason: "which case?") { id ${ENTRY} } }`,
      { entry: entryId },
    );
    expect(asked.errors).toBeUndefined();
    const about = {
      entryId,
      kind: 'lookup',
      agencyId: 'mef',
      purpose: 'tax-administration',
      reference: 'TX-ENTRY-7',
    };
    expect(asked.data!.questionAccess.entry).toEqual(about);
    const id = asked.data!.questionAccess.id;

    const steward = await stack.token(stack.steward);
    const list = (answered: boolean) =>
      stack.graphql<{
        accessQuestions: Array<{ id: string; answer: string | null; entry: unknown }>;
      }>(
        steward,
        `query($answered: Boolean!) { accessQuestions(answered: $answered) { id answer ${ENTRY} } }`,
        { answered },
      );
    const open = await list(false);
    expect(open.errors).toBeUndefined();
    expect(open.data!.accessQuestions).toContainEqual({ id, answer: null, entry: about });
    expect((await list(true)).data!.accessQuestions).not.toContainEqual(
      expect.objectContaining({ id }),
    );

    await stack.graphql(steward, ANSWER, { id, answer: 'Case TX-ENTRY-7, your tax return.' });
    expect((await list(false)).data!.accessQuestions).not.toContainEqual(
      expect.objectContaining({ id }),
    );
    const answered = await stack.graphql<{ accessQuestions: unknown[] }>(
      await stack.token(stack.auditor),
      `query { accessQuestions(answered: true) { id answer ${ENTRY} } }`,
    );
    expect(answered.data!.accessQuestions).toContainEqual({
      id,
      answer: 'Case TX-ENTRY-7, your tax return.',
      entry: about,
    });
  });

  it('are refused about someone else’s entry, and audited', async () => {
    const otherId = newNationalId();
    const other = await stack.token(await stack.citizen(otherId));
    const answer = await ask(other, lookupEntry, 'not mine');
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [refused] = await stack.db.database.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_entry WHERE subject_id = $1 AND kind = 'access-question-asked'`,
      [otherId],
    );
    expect(refused?.details).toEqual({
      entrySeq: Number(lookupEntry),
      outcome: 'refused',
      reason: 'not-own-entry',
    });
    const unknown = await ask(citizenToken, '999999999', 'no such entry');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each(['agency', 'steward', 'auditor'] as const)('may not be asked by a %s', async (role) => {
    const answer = await ask(await stack.token(stack[role]), lookupEntry, 'why');
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each(['agency', 'integrator'] as const)(
    'may not be listed or answered by a %s',
    async (role) => {
      const token = await stack.token(stack[role]);
      expect((await stack.graphql(token, LIST)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const answer = await stack.graphql(token, ANSWER, {
        id: '00000000-0000-4000-8000-000000000000',
        answer: 'x',
      });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );

  it.each([
    ['', 'minLength'],
    ['x'.repeat(1001), 'maxLength'],
    ['why\u0007', 'control-character'],
    ['why\u202Eevil', 'bidi-control'],
  ])('refuse the reason %j (BAD_USER_INPUT, rule %s)', async (reason, rule) => {
    const answer = await ask(citizenToken, lookupEntry, reason);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      rule,
    });
  });

  it('refuse a bad entry id, an unknown question and a bad answer', async () => {
    const badEntry = await ask(citizenToken, 'abc', 'why');
    expect(badEntry.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'entry',
    });
    const steward = await stack.token(stack.steward);
    const missing = await stack.graphql(steward, ANSWER, {
      id: '00000000-0000-4000-8000-000000000000',
      answer: 'x',
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const badAnswer = await stack.graphql(steward, ANSWER, { id: 'not-a-uuid', answer: 'x' });
    expect(badAnswer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });
});
