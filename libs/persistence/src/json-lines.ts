// A batch of JSON documents as one text parameter. The pg driver sends an
// array parameter (jsonb[]) as an array literal, escaping every element with
// two regular-expression passes over the whole document; for a batch of
// records that escaping was among the heaviest work of every consumer. JSON
// text never holds a raw line feed (JSON.stringify writes "\n" inside strings
// and no whitespace between tokens), so documents joined by line feeds need no
// escaping at all, and PostgreSQL splits them back with string_to_array.

/**
 * SQL for parameter n holding `jsonLines(...)`: a jsonb[] with one element per
 * document, NULL where the document was null.
 *
 * A batch of one null document is the empty text, which string_to_array turns
 * into an empty array; unnest with several arrays pads a shorter one with
 * NULLs, so that row still gets its NULL. Use it inside such an unnest.
 */
export function jsonLinesParam(n: number): string {
  return `string_to_array($${n}::text, E'\\n', '')::jsonb[]`;
}

/** JSON texts (from JSON.stringify; null for SQL NULL) as one parameter for `jsonLinesParam`. */
export function jsonLines(documents: readonly (string | null)[]): string {
  for (const [index, document] of documents.entries()) {
    if (document === '' || document?.includes('\n'))
      throw new RangeError(`document ${index} is not single-line JSON text`);
  }
  return documents.map((document) => document ?? '').join('\n');
}
