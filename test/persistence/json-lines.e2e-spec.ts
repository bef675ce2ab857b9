// A batch of JSON documents sent as one line-feed-joined text parameter comes
// back out of PostgreSQL as exactly the documents sent, NULLs in their places,
// whatever the documents hold — quotes, backslashes, escaped line feeds,
// Khmer, characters JSON.stringify leaves raw.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jsonLines, jsonLinesParam } from '#spean/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase('json_lines');
});

afterAll(async () => {
  await test.drop();
});

/** The documents through unnest beside a numbering array, as the repositories use it. */
async function roundTrip(documents: (unknown | null)[]): Promise<(unknown | null)[]> {
  const rows = await test.database.query<{ n: number; doc: unknown }>(
    `SELECT n, doc FROM unnest($1::int[], ${jsonLinesParam(2)}) AS x(n, doc) ORDER BY n`,
    [
      documents.map((_, index) => index),
      jsonLines(documents.map((document) => (document === null ? null : JSON.stringify(document)))),
    ],
  );
  expect(rows.map((row) => row.n)).toEqual(documents.map((_, index) => index));
  return rows.map((row) => row.doc);
}

describe('jsonLines', () => {
  it('carries documents of every kind of text unchanged', async () => {
    const documents = [
      { name: 'a "quoted" name', path: 'C:\\records\\2024', note: 'line one\nline two\r\ttab' },
      { khmer: 'សុខ សំណាង', separators: 'a\u2028b\u2029c', nul: 'x\u0001y' },
      { nested: { list: [1, 2.5, true, null, ''], empty: {} } },
      [],
      'just text',
      0,
    ];
    await expect(roundTrip(documents)).resolves.toEqual(documents);
  });

  it('keeps SQL NULLs in their places, a batch of one NULL included', async () => {
    await expect(roundTrip([null, { a: 1 }, null, null, { b: 2 }, null])).resolves.toEqual([
      null,
      { a: 1 },
      null,
      null,
      { b: 2 },
      null,
    ]);
    await expect(roundTrip([null, null])).resolves.toEqual([null, null]);
    await expect(roundTrip([null])).resolves.toEqual([null]);
    await expect(roundTrip([{ only: true }])).resolves.toEqual([{ only: true }]);
  });

  it('refuses text that is not single-line JSON, naming which document', () => {
    expect(() => jsonLines(['{}', '{\n"a": 1}'])).toThrow(
      'document 1 is not single-line JSON text',
    );
    expect(() => jsonLines([''])).toThrow('document 0 is not single-line JSON text');
  });
});
