// A generated corpus of hostile input against a running adapter's
// POST /v1/records and POST /v1/imports: deep nesting, NUL, lone surrogates,
// bidi and control characters, huge numbers, wrong types, wrong content
// types, and batches mixing good records with one bad one. Whatever comes in,
// the answer is a 4xx whose issues each name a path and a rule (and never
// repeat the hostile characters), and nothing of a refused request is stored.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { ADAPTERS, startStack, type SpeanStack } from '../support/spean-stack.js';

type Json = Record<string, unknown>;
interface Issue {
  index?: number;
  path: string;
  rule: string;
  message: string;
}
interface Answer {
  status: number;
  body: { error?: string; message?: string; issues?: Issue[]; imported?: number } & Json;
}

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));

const fixture = (): Json =>
  JSON.parse(
    readFileSync(new URL('../../schemas/envelope/ok/person-upsert.json', import.meta.url), 'utf8'),
  );

/** A valid person record about a new citizen, without an event id (the adapter assigns one). */
function goodPerson(): Json {
  const record = fixture();
  const id = newNationalId();
  delete record.eventId;
  record.subjectId = id;
  record.recordId = `MOI-P-${id}`;
  (record.payload as Json).nationalId = id;
  return record;
}

const at = (record: Json, pointer: string): { parent: Json; key: string } => {
  const parts = pointer.split('/').slice(1);
  const key = parts.pop()!;
  let parent = record;
  for (const part of parts) parent = parent[part] as Json;
  return { parent, key };
};

const set = (record: Json, pointer: string, value: unknown): Json => {
  const { parent, key } = at(record, pointer);
  parent[key] = value;
  return record;
};

// Characters refused in every string and property name, whatever the field.
const c0 = fc.integer({ min: 0, max: 0x1f });
const c1 = fc.integer({ min: 0x7f, max: 0x9f });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff });
const bidi = fc.constantFrom(
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0x200e,
  0x200f,
  0x061c,
);
const refusedEverywhere = fc
  .oneof(c0, c1, loneSurrogate, bidi)
  .map((code) => String.fromCharCode(code));
const TEXT_RULES = ['control-character', 'lone-surrogate', 'bidi-control'];
// Refused in identifiers only: Khmer free text uses them.
const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad');

/** `text` with `inserted` somewhere strictly inside it (never trimmed away, never pairing up). */
const insertInto = (text: string, inserted: string, position: number): string => {
  const i = 1 + (position % Math.max(1, text.length - 1));
  return text.slice(0, i) + inserted + text.slice(i);
};

const STRING_FIELDS = [
  '/recordId',
  '/recordType',
  '/subjectId',
  '/occurredAt',
  '/payload/nationalId',
  '/payload/name/latin/givenName',
  '/payload/name/latin/familyName',
  '/payload/name/khmer/givenName',
  '/payload/name/khmer/familyName',
  '/payload/placeOfBirth/province/latin',
  '/payload/placeOfBirth/province/khmer',
  '/payload/placeOfBirth/district/latin',
  '/payload/placeOfBirth/commune/code',
  '/payload/idCardNumber',
  '/payload/dateOfBirth',
];
const OBJECTS = ['', '/payload', '/payload/name', '/payload/name/latin', '/payload/placeOfBirth'];

/** A person record made bad in one way, with what the answer must say about it. */
interface BadRecord {
  record: Json;
  /** Turns the JSON text of a request holding the record into what is sent. */
  serialise?: (json: string) => string;
  /** A path some issue must have, and the rules one of which it must break. */
  expected: { path: string | RegExp; rules?: string[] };
  /** Characters no issue may repeat. */
  hostile?: string;
}

const hostileString: fc.Arbitrary<BadRecord> = fc
  .record({
    field: fc.constantFrom(...STRING_FIELDS),
    char: refusedEverywhere,
    position: fc.nat(),
  })
  .map(({ field, char, position }) => {
    const record = goodPerson();
    const { parent, key } = at(record, field);
    parent[key] = insertInto(String(parent[key]), char, position);
    return { record, expected: { path: field, rules: TEXT_RULES }, hostile: char };
  });

const hostileName: fc.Arbitrary<BadRecord> = fc
  .record({
    object: fc.constantFrom(...OBJECTS),
    char: fc.oneof(refusedEverywhere, invisible),
    name: fc.constantFrom('sex', 'note', 'x', 'recordId'),
    position: fc.nat(),
  })
  .map(({ object, char, name, position }) => {
    const record = goodPerson();
    const target =
      object === '' ? record : (at(record, object).parent[at(record, object).key] as Json);
    target[insertInto(name, char, position)] = 'value';
    return {
      record,
      expected: { path: object, rules: [...TEXT_RULES, 'invisible-character'] },
      hostile: char,
    };
  });

const invisibleInIdentifier: fc.Arbitrary<BadRecord> = fc
  .record({ char: invisible, position: fc.nat() })
  .map(({ char, position }) => {
    const record = goodPerson();
    record.recordId = insertInto(String(record.recordId), char, position);
    return {
      record,
      expected: { path: '/recordId', rules: ['invisible-character'] },
      hostile: char,
    };
  });

const DEEP = 'deep-value-goes-here';

const deep: fc.Arbitrary<BadRecord> = fc
  .record({
    depth: fc.integer({ min: 33, max: 5000 }),
    kind: fc.constantFrom('array', 'object'),
    place: fc.constantFrom('parents', '/payload/extra', '/extra', '/payload/name/latin/extra'),
  })
  .map(({ depth, kind, place }) => {
    // Written into the JSON text: JSON.stringify itself overflows on values this deep.
    const [open, close] = kind === 'array' ? ['[', ']'] : ['{"k":', '}'];
    const text = `${open.repeat(depth)}"bottom"${close.repeat(depth)}`;
    const serialise = (json: string): string => json.replaceAll(`"${DEEP}"`, text);
    const record = goodPerson();
    if (place === 'parents') {
      // Two equal items under uniqueItems: comparing them once overflowed the stack.
      const parent = { nationalId: newNationalId(), role: 'mother', deep: DEEP };
      (record.payload as Json).parents = [parent, { ...parent }];
      return {
        record,
        serialise,
        expected: { path: /^\/payload\/parents\/\d\/deep/, rules: ['max-depth'] },
      };
    }
    set(record, place, DEEP);
    return {
      record,
      serialise,
      expected: { path: new RegExp(`^${place}(?:/(?:0|k))+$`), rules: ['max-depth'] },
    };
  });

const WRONG_TYPES: Array<[string, fc.Arbitrary<unknown>]> = [
  ['/recordId', fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()))],
  ['/subjectId', fc.oneof(fc.integer(), fc.constant(null), fc.dictionary(fc.string(), fc.nat()))],
  ['/version', fc.oneof(fc.string(), fc.constant(null), fc.boolean(), fc.array(fc.nat()))],
  ['/schemaVersion', fc.oneof(fc.string(), fc.constant(null), fc.double({ min: 1.1, max: 2.9 }))],
  ['/op', fc.oneof(fc.integer(), fc.constant(null), fc.constantFrom('UPSERT', 'remove', ''))],
  ['/payload', fc.oneof(fc.string(), fc.integer(), fc.array(fc.jsonValue(), { maxLength: 3 }))],
  ['/payload/alive', fc.oneof(fc.string(), fc.integer(), fc.constant(null))],
  ['/payload/sex', fc.oneof(fc.integer(), fc.constant(null), fc.constantFrom('F', 'other', ''))],
  ['/payload/name', fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(null))],
  ['/payload/dateOfBirth', fc.oneof(fc.integer(), fc.constantFrom('1985-02-30', '14/03/1985'))],
  ['/payload/parents', fc.oneof(fc.string(), fc.array(fc.integer(), { minLength: 1 }))],
];

const wrongType: fc.Arbitrary<BadRecord> = fc
  .constantFrom(...WRONG_TYPES)
  .chain(([path, value]) => value.map((v) => ({ path, v })))
  .map(({ path, v }) => ({
    record: set(goodPerson(), path, v),
    expected: { path: new RegExp(`^${path}`) },
  }));

/** Numbers JSON can spell but the field cannot hold, written into the raw text. */
const hugeNumber = fc.record({
  field: fc.constantFrom('version', 'schemaVersion', 'alive'),
  number: fc.constantFrom(
    '1e400',
    '-1e400',
    '9007199254740993',
    '0',
    '-0',
    '-1',
    '0.5',
    '1e-400',
    '123456789012345678901234567890',
  ),
});

const badRecord = fc.oneof(hostileString, hostileName, invisibleInIdentifier, deep, wrongType);

describe('a generated corpus of hostile input: always 4xx with path and rule, nothing stored', () => {
  let stack: SpeanStack;
  let interiorToken: string;
  let transportToken: string;

  beforeAll(async () => {
    stack = await startStack('embedded', 'intake_corpus');
    interiorToken = await stack.token(stack.adapter);
    transportToken = await stack.token(stack.adapters.transport.credentials);
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  const stored = async (): Promise<number> => {
    const [row] = await stack.db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM adapter_record`,
    );
    return row!.n;
  };

  const post = async (
    path: 'v1/records' | 'v1/imports' | 'v1/records/dry-run',
    body: string | Uint8Array,
    /** null: no Content-Type header at all. */
    contentType: string | null = 'application/json',
  ): Promise<Answer> => {
    const toInterior = path !== 'v1/imports';
    const url = toInterior ? stack.adapterUrl : stack.adapters.transport.url;
    const token = toInterior ? interiorToken : transportToken;
    const send = () =>
      fetch(`${url}/${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(contentType === null ? {} : { 'content-type': contentType }),
        },
        // Bytes, not a string: fetch would add text/plain to a string body.
        body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
      });
    // A kept-alive connection the server closes as a request goes out is reset
    // before any answer (seen on a loaded machine): send once more. An answer,
    // a 5xx included, is never retried.
    const response = await send().catch((error: unknown) => {
      const code = ((error as { cause?: { code?: unknown } }).cause ?? {}).code;
      if (code === 'ECONNRESET') return send();
      throw error;
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  /** A refusal of bad input: a 4xx, issues each with a path and a rule, no hostile text echoed. */
  const expectRefusal = (answer: Answer, hostile?: string): Issue[] => {
    expect([400, 413, 415, 422]).toContain(answer.status);
    expect(typeof answer.body.error).toBe('string');
    const issues = answer.body.issues ?? [];
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.path === '' || issue.path.startsWith('/')).toBe(true);
      expect(issue.rule).toMatch(/^[A-Za-z][A-Za-z.-]*$/);
      expect(typeof issue.message).toBe('string');
      if (hostile)
        expect(JSON.stringify(issue)).not.toContain(JSON.stringify(hostile).slice(1, -1));
    }
    return issues;
  };

  const expectIssue = (issues: Issue[], expected: BadRecord['expected'], index?: number): void => {
    const matching = issues.filter(
      (issue) =>
        (typeof expected.path === 'string'
          ? issue.path === expected.path
          : expected.path.test(issue.path)) &&
        (expected.rules === undefined || expected.rules.includes(issue.rule)) &&
        (index === undefined || issue.index === index),
    );
    expect({
      issues,
      expected: String(expected.path),
      rules: expected.rules,
      matching: matching.length > 0,
    }).toMatchObject({ matching: true });
  };

  describe('POST /v1/records', () => {
    it('refuses one bad record, whichever way it is bad (360 cases)', async () => {
      await fc.assert(
        fc.asyncProperty(badRecord, async ({ record, expected, hostile, serialise }) => {
          const json = JSON.stringify(record);
          const answer = await post('v1/records', serialise ? serialise(json) : json);
          expect(answer.status).toBe(422);
          expectIssue(expectRefusal(answer, hostile), expected, 0);
        }),
        { numRuns: 360 },
      );
      expect(await stored()).toBe(0);
    }, 120_000);

    it('finds the same problem in a dry run of one bad record, keeping nothing (120 cases)', async () => {
      await fc.assert(
        fc.asyncProperty(badRecord, async ({ record, expected, hostile, serialise }) => {
          const json = JSON.stringify(record);
          const answer = await post('v1/records/dry-run', serialise ? serialise(json) : json);
          // Checked as intake checks it: the same issue, in the answer (200) or the refusal.
          const issues =
            answer.status === 200
              ? ((answer.body as { issues?: Issue[] }).issues ?? [])
              : expectRefusal(answer, hostile);
          expect({ status: answer.status, invalid: answer.body.invalid }).toEqual(
            answer.status === 200 ? { status: 200, invalid: 1 } : expect.anything(),
          );
          expectIssue(issues, expected, 0);
        }),
        { numRuns: 120 },
      );
      expect(await stored()).toBe(0);
    }, 120_000);

    it('refuses a batch of good records holding one bad one, and stores none of it (100 cases)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 6 }),
          fc.nat(),
          badRecord,
          async (goods, position, bad) => {
            const batch: Json[] = Array.from({ length: goods }, goodPerson);
            const index = position % (goods + 1);
            batch.splice(index, 0, bad.record);
            const json = JSON.stringify(batch);
            const answer = await post('v1/records', bad.serialise ? bad.serialise(json) : json);
            expect(answer.status).toBe(422);
            const issues = expectRefusal(answer, bad.hostile);
            expect(issues.every((issue) => issue.index === index)).toBe(true);
            expectIssue(issues, bad.expected, index);
            expect(await stored()).toBe(0);
          },
        ),
        { numRuns: 100 },
      );
    }, 120_000);

    it('refuses numbers a field cannot hold, however JSON spells them (40 cases)', async () => {
      await fc.assert(
        fc.asyncProperty(hugeNumber, async ({ field, number }) => {
          const text = JSON.stringify(goodPerson()).replace(
            field === 'alive' ? '"alive":true' : new RegExp(`"${field}":\\d+`),
            `"${field}":${number}`,
          );
          const answer = await post('v1/records', text);
          expect(answer.status).toBe(422);
          const path = field === 'alive' ? '/payload/alive' : `/${field}`;
          expectIssue(expectRefusal(answer), { path });
        }),
        { numRuns: 40 },
      );
      expect(await stored()).toBe(0);
    }, 120_000);

    it('answers a body not sent as JSON with 415 naming the rule (40 cases)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            null,
            'text/plain',
            'text/plain; charset=utf-8',
            'application/x-www-form-urlencoded',
            'application/xml',
            'application/json-patch+json',
            'multipart/form-data; boundary=x',
            'application/jsonx',
            'application/json; charset=latin1',
            'application/json; charset=utf-7',
          ),
          async (contentType) => {
            const answer = await post('v1/records', JSON.stringify(goodPerson()), contentType);
            expect(answer.status).toBe(415);
            expectIssue(expectRefusal(answer), { path: '' });
          },
        ),
        { numRuns: 40 },
      );
      expect(await stored()).toBe(0);
    }, 120_000);

    it('refuses any other JSON or bytes with a 4xx, never a 5xx (60 cases)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value) ?? 'null'),
            fc.uint8Array({ maxLength: 200 }),
            fc.string({ unit: 'binary', maxLength: 100 }),
          ),
          async (body) => {
            const answer = await post('v1/records', body);
            expectRefusal(answer);
          },
        ),
        { numRuns: 60 },
      );
      expect(await stored()).toBe(0);
    }, 120_000);
  });

  describe('POST /v1/imports', () => {
    const mapping = ADAPTERS.transport.csv!;
    const columns = mapping.columns.map((column) => column.name);
    const goodRow = (): string[] =>
      mapping.columns.map((column) =>
        column.name === 'plate_number' ? `2AB-${randomInt(1000, 9999)}` : column.example,
      );
    const junk = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.boolean(),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      fc.array(fc.array(fc.string(), { maxLength: 2 }), { minLength: 1, maxLength: 2 }),
      // Built only when sent (toJSON): fast-check must never print it.
      fc.integer({ min: 33, max: 3000 }).map((depth) => ({
        toJSON: () => {
          let value: unknown = 'x';
          for (let i = 0; i < depth; i++) value = [value];
          return value;
        },
        [fc.toStringMethod]: () => `${depth} nested arrays`,
      })),
    );

    it('refuses a malformed chunk whole, with the path and the rule (60 cases)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.record({ where: fc.constant('row'), value: junk, at: fc.nat() }),
            fc.record({ where: fc.constant('cell'), value: junk, at: fc.nat() }),
            fc.record({ where: fc.constant('column'), value: junk, at: fc.nat() }),
            fc.record({
              where: fc.constant('firstRow'),
              value: fc.oneof(fc.string(), fc.constantFrom(1, 0, -5, 2.5, null, 1e300)),
              at: fc.nat(),
            }),
          ),
          async ({ where, value, at: n }) => {
            const rows = [goodRow(), goodRow(), goodRow()];
            const chunk: Json = { columns: [...columns], rows, firstRow: 2 };
            let path: string;
            if (where === 'row') {
              rows[n % rows.length] = value as never;
              path = `/rows/${n % rows.length}`;
            } else if (where === 'cell') {
              const r = n % rows.length;
              const c = n % columns.length;
              rows[r]![c] = value as never;
              path = `/rows/${r}/${c}`;
            } else if (where === 'column') {
              (chunk.columns as unknown[])[n % columns.length] = value;
              path = `/columns/${n % columns.length}`;
            } else {
              chunk.firstRow = value;
              path = '/firstRow';
            }
            const answer = await post('v1/imports', JSON.stringify(chunk));
            expect(answer.status).toBe(400);
            expect(answer.body.error).toBe('MALFORMED_CHUNK');
            expectIssue(expectRefusal(answer), {
              path: new RegExp(`^${path}(?:/|$)`),
              rules: ['type'],
            });
          },
        ),
        { numRuns: 60 },
      );
      expect(await stored()).toBe(0);
    }, 120_000);

    it('rejects a row whose cell holds a refused character, and imports nothing of it (60 cases)', async () => {
      const required = mapping.columns.filter((column) => column.required).map((c) => c.name);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...required),
          // White space inside a typed national id is a separator the scheme removes
          // (libs/contracts/src/national-id/national-id-scheme.ts), not a character kept.
          refusedEverywhere.filter((char) => !/\s/u.test(char)),
          fc.nat(),
          async (column, char, position) => {
            const row = goodRow();
            const c = columns.indexOf(column);
            row[c] = insertInto(row[c]!, char, position);
            const answer = await post(
              'v1/imports',
              JSON.stringify({ columns, rows: [row], firstRow: 2 }),
            );
            expect(answer.status).toBe(200);
            expect(answer.body).toMatchObject({
              imported: 0,
              unchanged: 0,
              rejected: [{ row: 2, reason: expect.stringMatching(/\S/) }],
            });
            const [{ reason, issues }] = answer.body.rejected as Array<{
              reason: string;
              issues: Array<{ column?: string; path?: string; rule: string }>;
            }>;
            // The reason names the column or the field, and says nothing of the value;
            // the issues say the same for code: a column or a path, and a rule.
            expect(reason).toMatch(/column \w+|\/\w+/);
            expect(reason).not.toContain(char);
            expect(issues.length).toBeGreaterThan(0);
            for (const issue of issues) {
              expect(issue.column === column || /^\/\w/.test(issue.path ?? '')).toBe(true);
              expect(issue.rule).toMatch(/^[A-Za-z][A-Za-z-]*$/);
              expect(JSON.stringify(issue)).not.toContain(JSON.stringify(char).slice(1, -1));
            }
          },
        ),
        { numRuns: 60 },
      );
      expect(await stored()).toBe(0);
    }, 120_000);
  });
});
