// Bad input at an adapter's intake is the publisher's to fix, so it is
// answered 4xx with the path and the rule, never 5xx ("retry"): a publisher
// retries a 5xx forever. Each case here once answered 500 or a misleading 4xx.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADAPTERS, startStack, type SpeanStack } from '../support/spean-stack.js';

const person = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL('../../schemas/envelope/ok/person-upsert.json', import.meta.url), 'utf8'),
  );

type Issue = { index: number; path: string; rule: string; message: string };

describe('intake refuses bad input with 4xx, the path and the rule', () => {
  let stack: SpeanStack;
  let adapterToken: string;

  beforeAll(async () => {
    stack = await startStack('embedded', 'intake_bad_input');
    adapterToken = await stack.token(stack.adapter);
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  const storedCount = async (): Promise<number> => {
    const [row] = await stack.db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM adapter_record WHERE adapter = 'interior'`,
    );
    return row!.n;
  };

  const post = async (
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    path = 'v1/records',
  ): Promise<{ status: number; body: { error?: string; message?: string; issues?: Issue[] } }> => {
    const response = await fetch(`${stack.adapterUrl}/${path}`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${adapterToken}` },
      // Bytes, not a string: fetch would add text/plain to a string body.
      body: new TextEncoder().encode(body),
    });
    return { status: response.status, body: (await response.json()) as never };
  };

  it('refuses a payload nested deeper than any schema inside an array with uniqueItems (422)', async () => {
    const depth = 20_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const record = person();
    const payload = record.payload as Record<string, unknown>;
    payload.parents = [
      { nationalId: '2345678906', role: 'mother', marker: 'DEEP' },
      { nationalId: '2345678906', role: 'mother', marker: 'DEEP' },
    ];
    const body = JSON.stringify(record).replaceAll('"DEEP"', deep);
    const answer = await post(body);
    expect(answer.status).toBe(422);
    expect(answer.body.issues).toContainEqual(
      expect.objectContaining({ index: 0, rule: 'max-depth' }),
    );
    const issue = answer.body.issues!.find((i) => i.rule === 'max-depth')!;
    expect(issue.path).toMatch(/^\/payload\/parents\/0\/marker(\/0)*$/);
    expect(await storedCount()).toBe(0);
  });

  it.each([
    ['a NUL', 'control-character', '\\u0000'],
    ['a lone high surrogate', 'lone-surrogate', '\\ud800'],
    ['a lone low surrogate', 'lone-surrogate', '\\udc00'],
    ['a right-to-left override', 'bidi-control', '\\u202e'],
  ])(
    'refuses %s in the recordId (422, rule %s) instead of failing to store it',
    async (_what, rule, escape) => {
      // Sent as a JSON escape, as a publisher's serializer writes it.
      const body = JSON.stringify([person(), { ...person(), recordId: 'MOI-P-X' }]).replace(
        'MOI-P-X',
        `MOI-P-${escape}X`,
      );
      const answer = await post(body);
      expect(answer.status).toBe(422);
      expect(answer.body.issues).toEqual([
        expect.objectContaining({ index: 1, path: '/recordId', rule }),
      ]);
      expect(await storedCount()).toBe(0);
    },
  );

  it.each(['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00', '1849-12-31T23:59:59Z'])(
    'refuses an occurredAt of %s (422) that no source system can have written',
    async (occurredAt) => {
      const answer = await post(JSON.stringify({ ...person(), occurredAt }));
      expect(answer.status).toBe(422);
      expect(answer.body.issues).toEqual([
        expect.objectContaining({ index: 0, path: '/occurredAt', rule: 'formatMinimum' }),
      ]);
      expect(await storedCount()).toBe(0);
    },
  );

  it('refuses a NUL in a property name (422), naming the object that holds it', async () => {
    const record = person();
    const body = JSON.stringify(record).replace('"sex"', '"s\\u0000ex"');
    const answer = await post(body);
    expect(answer.status).toBe(422);
    expect(answer.body.issues).toContainEqual(
      expect.objectContaining({ path: '/payload', rule: 'control-character' }),
    );
    // No issue repeats the key with its NUL (a path is an echo of the input).
    for (const issue of answer.body.issues!) expect(issue.path).not.toContain('\u0000');
    expect(await storedCount()).toBe(0);
  });

  it('answers a JSON record sent as text/plain with 415, naming the content type', async () => {
    const answer = await post(JSON.stringify(person()), { 'content-type': 'text/plain' });
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(answer.body.message).toContain('text/plain');
    expect(answer.body.message).toContain('application/json');
    expect(answer.body.issues).toEqual([
      expect.objectContaining({ path: '', rule: 'content-type' }),
    ]);
  });

  it('answers a body without a content type with 415', async () => {
    const answer = await post(JSON.stringify(person()), {});
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers bytes that are not UTF-8 with 400, naming the rule', async () => {
    const response = await fetch(`${stack.adapterUrl}/v1/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adapterToken}` },
      body: Uint8Array.from([0x34, 0xd0]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'INVALID_JSON',
      issues: [{ path: '', rule: 'json-syntax' }],
    });
  });

  it('answers an empty body with 400, as the README says', async () => {
    const answer = await post('');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'EMPTY_BATCH' });
    expect(answer.body.issues).toEqual([expect.objectContaining({ path: '', rule: 'required' })]);
  });

  it("audits the refusal of a client that is not the adapter's own before answering 403", async () => {
    const agency = await stack.token(stack.agency);
    for (const path of ['v1/records', 'v1/imports']) {
      const url = path === 'v1/records' ? stack.adapterUrl : stack.adapters.transport.url;
      const response = await fetch(`${url}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agency}` },
        body: JSON.stringify(person()),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'NOT_AN_ADAPTER' });
    }
    const entries = await stack.db.database.query<{
      actor_client: string;
      actor_agency: string;
      details: Record<string, unknown>;
    }>(
      `SELECT actor_client, actor_agency, details FROM audit_entry
       WHERE kind = 'adapter-refusal' AND actor_client = $1 ORDER BY seq`,
      [stack.agency.clientId],
    );
    expect(entries).toEqual([
      {
        actor_client: stack.agency.clientId,
        actor_agency: 'mef',
        details: {
          adapter: 'interior',
          action: 'publish',
          recordType: null,
          schemaVersion: null,
          reason: 'agency client refused: only clients of the interior adapter may publish here',
        },
      },
      {
        actor_client: stack.agency.clientId,
        actor_agency: 'mef',
        details: expect.objectContaining({ adapter: 'transport', action: 'publish' }),
      },
    ]);
  });

  describe('POST /v1/imports', () => {
    const importChunk = async (
      chunk: unknown,
    ): Promise<{ status: number; body: { error?: string; issues?: Issue[] } }> => {
      const token = await stack.token(stack.adapters.transport.credentials);
      const response = await fetch(`${stack.adapters.transport.url}/v1/imports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(chunk),
      });
      return { status: response.status, body: (await response.json()) as never };
    };
    const columns = ADAPTERS.transport.csv!.columns.map((column) => column.name);
    const goodRow = ADAPTERS.transport.csv!.columns.map((column) => column.example);

    it.each([
      ['a row that is null', null, '/rows/1', 'type'],
      ['a row that is a number', 7, '/rows/1', 'type'],
      [
        'a cell that is a nested array',
        [...goodRow.slice(1), [['x']]],
        `/rows/1/${columns.length - 1}`,
        'type',
      ],
      ['a cell that is a number', [42, ...goodRow.slice(1)], '/rows/1/0', 'type'],
    ])(
      'refuses a chunk with %s (400, path and rule) and imports none of it',
      async (_what, bad, path, rule) => {
        const answer = await importChunk({ columns, rows: [goodRow, bad], firstRow: 2 });
        expect(answer.status).toBe(400);
        expect(answer.body.error).toBe('MALFORMED_CHUNK');
        expect(answer.body.issues).toEqual([expect.objectContaining({ path, rule })]);
        const [row] = await stack.db.database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM adapter_record WHERE adapter = 'transport'`,
        );
        expect(row!.n).toBe(0);
      },
    );

    it.each([
      ['an array', [], ''],
      ['columns that are not strings', { columns: [1], rows: [], firstRow: 2 }, '/columns/0'],
      ['no firstRow', { columns, rows: [] }, '/firstRow'],
    ])('refuses a chunk that is %s (400, path and rule)', async (_what, chunk, path) => {
      const answer = await importChunk(chunk);
      expect(answer.status).toBe(400);
      expect(answer.body.issues).toContainEqual(expect.objectContaining({ path, rule: 'type' }));
      expect(answer.body.error).toBe('MALFORMED_CHUNK');
    });
  });
});
