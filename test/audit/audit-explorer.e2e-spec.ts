// The auditors' explorer of the audit log, over GraphQL and as a CSV export:
// pages by seq with filters (time, agency, client, the person who acted,
// citizen, kind, outcome),
// the chain's status (last signed checkpoint, last verification, the public
// key) and a verification run on demand. Only auditors read it; every reading
// is itself audited, and each citizen an answer shows sees that reading.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

interface Entry {
  seq: number;
  kind: string;
  outcome: string;
  agencyId: string;
  clientId: string;
  person: { name: string; statedBy: string } | null;
  subjectId: string | null;
  purpose: string | null;
  details: string;
  hash: string;
}

const ENTRIES = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    entries { seq at kind outcome agencyId clientId person { name statedBy } subjectId purpose details hash }
    nextCursor
  }
}`;

const STATUS = `{ auditStatus {
  lastCheckpoint { seq signedAt keyId hash }
  lastVerification { ok verifiedAt entries checkpoints problem seq message }
  publicKey
} }`;

const VERIFY = `mutation { verifyAuditLog { ok verifiedAt entries checkpoints problem seq message } }`;

let stack: SpeanStack;
let nationalId: string;
let auditorToken: string;
let agencyToken: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'audit_explorer');
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  auditorToken = await stack.token(stack.auditor);
  agencyToken = await stack.token(stack.agency);
  const lookup = `query($id: ID!, $purpose: String!, $reference: String) {
    citizen(nationalId: $id, purpose: $purpose, reference: $reference) { person { alive } } }`;
  const found = await stack.graphql(agencyToken, lookup, {
    id: nationalId,
    purpose: 'business-registration',
    reference: '=HYPERLINK("http://x.example")',
  });
  expect(found.errors).toBeUndefined();
  const refused = await stack.graphql(agencyToken, lookup, {
    id: nationalId,
    purpose: 'not-a-purpose',
  });
  expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

function entries(token: string, variables: Record<string, unknown>) {
  return stack.graphql<{ auditEntries: { entries: Entry[]; nextCursor: string | null } }>(
    token,
    ENTRIES,
    variables,
  );
}

describe('auditEntries', () => {
  it('finds a citizen’s entries by national id, with the outcome derived from the details', async () => {
    const answer = await entries(auditorToken, {
      filter: { nationalId, kinds: ['lookup'] },
      first: 10,
    });
    expect(answer.errors).toBeUndefined();
    // The set-up's own lookups come first; this file's two are the last.
    const found = answer.data!.auditEntries.entries.slice(-2);
    expect(found.map((entry) => entry.outcome)).toEqual(['returned', 'refused']);
    expect(found.every((entry) => entry.subjectId === nationalId)).toBe(true);
    expect(found[0]).toMatchObject({
      kind: 'lookup',
      agencyId: 'mef',
      // The desk's system asked alone, naming no officer.
      person: null,
      purpose: 'business-registration',
    });
    expect(found[0]!.seq).toBeLessThan(found[1]!.seq);
    // Each with its own link of the chain, as the log stored it.
    const [stored] = await stack.db.database.query<{ hash: string }>(
      'SELECT hash FROM audit_entry WHERE seq = $1',
      [found[0]!.seq],
    );
    expect(found[0]!.hash).toBe(stored!.hash);
    expect(found[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by outcome, agency and client, and pages by seq with a cursor', async () => {
    const refused = await entries(auditorToken, {
      filter: {
        nationalId,
        outcomes: ['refused'],
        agencyId: 'mef',
        clientId: stack.agency.clientId,
      },
    });
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.auditEntries.entries.map((entry) => entry.outcome)).toEqual(['refused']);

    const all = await entries(auditorToken, { filter: { nationalId, kinds: ['lookup'] } });
    const count = all.data!.auditEntries.entries.length;
    const first = await entries(auditorToken, {
      filter: { nationalId, kinds: ['lookup'] },
      first: count - 1,
    });
    const cursor = first.data!.auditEntries.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await entries(auditorToken, {
      filter: { nationalId, kinds: ['lookup'] },
      first: count - 1,
      after: cursor,
    });
    expect(second.data!.auditEntries.entries.map((entry) => entry.seq)).toEqual([
      all.data!.auditEntries.entries[count - 1]!.seq,
    ]);
    expect(second.data!.auditEntries.nextCursor).toBeNull();

    const nothing = await entries(auditorToken, {
      filter: { nationalId, from: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(nothing.data!.auditEntries.entries).toEqual([]);
  });

  it('is audited: the citizen whose entries an auditor read sees the reading', async () => {
    await entries(auditorToken, { filter: { nationalId, kinds: ['lookup'] } });
    const citizenToken = await stack.token(await stack.citizen(nationalId));
    const log = await stack.graphql<{
      accessLog: { entries: Array<{ kind: string; agencyId: string }> };
    }>(
      citizenToken,
      `query($id: ID!) { accessLog(nationalId: $id) { entries { kind agencyId } } }`,
      { id: nationalId },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.accessLog.entries).toContainEqual({ kind: 'audit-read', agencyId: 'naa' });
  });

  it.each(['steward', 'agency', 'integrator'] as const)(
    'is refused to a %s (FORBIDDEN)',
    async (role) => {
      const token = await stack.token(stack[role]);
      const answer = await entries(token, { filter: { nationalId } });
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );

  it('is refused to a citizen, even about their own record', async () => {
    const token = await stack.token(await stack.citizen(nationalId));
    const answer = await entries(token, { filter: { nationalId } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 501 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ filter: { nationalId: '1234567890' } }, 'filter.nationalId'],
    [{ filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, 'filter.to'],
    [{ filter: { agencyId: 'x'.repeat(201) } }, 'filter.agencyId'],
    [{ filter: { kinds: ['not-a-kind'] } }, 'filter.kinds'],
    [{ filter: { outcomes: ['maybe'] } }, 'filter.outcomes'],
    [{ filter: { clientId: 'a\u0007b' } }, 'filter.clientId'],
    [{ filter: { personName: ' ' } }, 'filter.personName'],
    [{ filter: { personName: 'x'.repeat(201) } }, 'filter.personName'],
  ])('refuses bad input %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const answer = await entries(auditorToken, variables);
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('the person who acted', () => {
  // Looked up by a desk system naming its officer (X-Spean-Officer), about a
  // citizen no other test here reads: these entries stay out of the others' way.
  const officers = [
    { staffId: 'mef-0417', name: 'Sok Dara' },
    { staffId: 'mef-0502', name: 'សុខ ដារ៉ា' },
    { staffId: 'mef-0611', name: 'Sok Darareth' },
  ];
  let subject: string;
  beforeAll(async () => {
    subject = newNationalId();
    for (const officer of officers) {
      const response = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${agencyToken}`,
          'x-spean-officer': `${officer.staffId};${encodeURIComponent(officer.name)}`,
        },
        body: JSON.stringify({
          query: `query($id: ID!) { citizen(nationalId: $id, purpose: "business-registration") { nationalId } }`,
          variables: { id: subject },
        }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    }
  });

  it('filters by the name of the person who acted, whole and case-insensitive, in Khmer too', async () => {
    const byName = async (personName: string) => {
      const answer = await entries(auditorToken, {
        filter: { personName, nationalId: subject, kinds: ['lookup'] },
      });
      expect(answer.errors).toBeUndefined();
      return answer.data!.auditEntries.entries.map((entry) => entry.person);
    };
    expect(await byName('sok dara')).toEqual([{ name: 'Sok Dara', statedBy: 'client' }]);
    expect(await byName('  SOK DARA ')).toEqual([{ name: 'Sok Dara', statedBy: 'client' }]);
    expect(await byName('សុខ ដារ៉ា')).toEqual([{ name: 'សុខ ដារ៉ា', statedBy: 'client' }]);
    // A whole name, not a part of one.
    expect(await byName('Sok')).toEqual([]);
    // Without the person, all three.
    const all = await entries(auditorToken, { filter: { nationalId: subject, kinds: ['lookup'] } });
    expect(all.data!.auditEntries.entries.map((entry) => entry.person?.name)).toEqual(
      officers.map((officer) => officer.name),
    );
    // A system acting alone has no person: naming one leaves its entries out.
    const alone = await entries(auditorToken, {
      filter: { personName: 'Sok Dara', nationalId, kinds: ['lookup'] },
    });
    expect(alone.data!.auditEntries.entries).toEqual([]);
  });

  it('uses the person-name index for a page of one person', async () => {
    const plan = await stack.db.database.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT seq FROM audit_entry
         WHERE seq > 0 AND actor_person IS NOT NULL AND lower(actor_person->>'name') = lower('Sok Dara')
         ORDER BY seq LIMIT 20`,
      );
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('audit_entry_person_name');
  });

  it('exports the same entries as CSV, with the person and their issuer', async () => {
    const response = await fetch(
      `${stack.gatewayUrl}/v1/audit/entries.csv?personName=${encodeURIComponent('SOK DARA')}&nationalId=${subject}`,
      { headers: { authorization: `Bearer ${auditorToken}` } },
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'seq,at,kind,outcome,agency,client,person,person_issuer,subject,purpose,reference,details',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      `,lookup,returned,mef,${stack.agency.clientId},Sok Dara,${stack.agency.clientId} mef-0417,${subject},`,
    );
    const bad = await fetch(
      `${stack.gatewayUrl}/v1/audit/entries.csv?personName=${'x'.repeat(201)}`,
      { headers: { authorization: `Bearer ${auditorToken}` } },
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personName' });
  });
});

describe('GET /v1/audit/entries.csv', () => {
  function csv(token: string | null, query: string) {
    return fetch(`${stack.gatewayUrl}/v1/audit/entries.csv?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  }

  it('streams the filtered entries as CSV, with formula-like cells made inert', async () => {
    const response = await csv(auditorToken, `nationalId=${nationalId}&kinds=lookup`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'seq,at,kind,outcome,agency,client,person,person_issuer,subject,purpose,reference,details',
    );
    const [withReference, refused] = lines.slice(-2);
    expect(withReference).toContain(`,lookup,returned,mef,`);
    // The case reference began with "=": a spreadsheet must not run it.
    expect(withReference).toContain(`,"'=HYPERLINK(""http://x.example"")",`);
    expect(refused).toContain(',lookup,refused,mef,');
    expect(lines.slice(1).every((line) => line.includes(`,${nationalId},`))).toBe(true);
  });

  it('refuses a missing token (401), another role (403) and bad filters (400 naming the field)', async () => {
    expect((await csv(null, '')).status).toBe(401);
    const refused = await csv(agencyToken, '');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await csv(auditorToken, 'nationalId=123');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nationalId' });
  });
});

describe('GET /v1/audit/checkpoint-key.pem', () => {
  it('is the checkpoints’ public key as a file, for any authenticated caller, never without a token', async () => {
    const url = `${stack.gatewayUrl}/v1/audit/checkpoint-key.pem`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${agencyToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('audit-checkpoint-key.pem');
    expect(await response.text()).toBe(
      stack.auditKey.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    );
    expect((await fetch(url)).status).toBe(401);
  });
});

describe('auditStatus and verifyAuditLog', () => {
  it('show the last signed checkpoint and the public key, and run a verification on demand', async () => {
    const sealed = await stack.audit.seal();
    const before = await stack.graphql<{ auditStatus: Record<string, unknown> }>(
      auditorToken,
      STATUS,
    );
    expect(before.errors).toBeUndefined();
    const [head] = await stack.db.database.query<{ hash: string }>(
      'SELECT hash FROM audit_entry WHERE seq = $1',
      [sealed],
    );
    expect(before.data!.auditStatus).toMatchObject({
      lastCheckpoint: { seq: sealed, keyId: stack.auditKey.signer.keyId, hash: head!.hash },
      lastVerification: null,
      publicKey: stack.auditKey.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    });

    const verified = await stack.graphql<{ verifyAuditLog: Record<string, unknown> }>(
      auditorToken,
      VERIFY,
    );
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyAuditLog).toMatchObject({ ok: true, problem: null, seq: null });
    expect(verified.data!.verifyAuditLog.entries).toBeGreaterThanOrEqual(sealed!);

    const after = await stack.graphql<{ auditStatus: Record<string, unknown> }>(
      auditorToken,
      STATUS,
    );
    expect(after.data!.auditStatus.lastVerification).toEqual(verified.data!.verifyAuditLog);
  });

  it('are refused to a steward and an agency', async () => {
    for (const credentials of [stack.steward, stack.agency]) {
      const token = await stack.token(credentials);
      const status = await stack.graphql(token, STATUS);
      const verify = await stack.graphql(token, VERIFY);
      expect(status.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(verify.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
