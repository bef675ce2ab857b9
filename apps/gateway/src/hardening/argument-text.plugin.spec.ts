import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { findTextProblem, textProblemError } from './argument-text.plugin.js';

const check = (query: string, variables?: Record<string, unknown>) =>
  findTextProblem(parse(query), variables);

describe('findTextProblem', () => {
  it('lets ordinary text through: Khmer, bidi marks, emoji, long strings', () => {
    expect(
      check('query($n: String) { a(x: "ស្ពាន", y: "\\u202Eabc") { b(z: $n) } }', {
        n: `😀${'x'.repeat(100_000)}`,
      }),
    ).toBeUndefined();
  });

  it('names the argument of a literal, through input objects and lists', () => {
    expect(check('{ a(x: "ok", y: "\\u0000") }')).toEqual({ argument: 'a.y', rule: 'no-nul' });
    expect(check('{ a { b(input: { list: ["ok", { deep: "a\\u0000" }] }) } }')).toEqual({
      argument: 'b.input.list[1].deep',
      rule: 'no-nul',
    });
    expect(check('{ a @include(if: true) @x(s: "\\u0000") }')).toEqual({
      argument: '@x.s',
      rule: 'no-nul',
    });
  });

  it('names the argument and the variable a bad value came in', () => {
    expect(
      check('mutation($input: In!) { createClient(input: $input) { id } }', {
        input: { name: 'ok', tags: ['ok', 'b\ud800'] },
      }),
    ).toEqual({
      argument: 'createClient.input.tags[1]',
      variable: '$input.tags[1]',
      rule: 'well-formed-unicode',
    });
    expect(check('query($id: ID!) { x(id: $id) }', { id: '\u0000' })).toMatchObject({
      argument: 'x.id',
      variable: '$id',
    });
  });

  it('checks object keys and variables no argument uses', () => {
    expect(check('query($j: JSON) { x(j: $j) }', { j: { 'k\u0000': 1 } })).toMatchObject({
      argument: 'x.j.<key>',
      rule: 'no-nul',
    });
    expect(check('{ x }', { unused: 'a\udc00' })).toEqual({
      argument: '$unused',
      variable: '$unused',
      rule: 'well-formed-unicode',
    });
  });

  it('refuses a variable nested deeper than any argument needs, without overflowing', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(check('query($j: JSON) { x(j: $j) }', { j: deep })).toMatchObject({
      variable: expect.stringMatching(/^\$j(\[0\]){33}$/),
      rule: 'max-depth',
    });
    let fine: unknown = 'leaf';
    for (let level = 0; level < 30; level++) fine = { a: fine };
    expect(check('query($j: JSON) { x(j: $j) }', { j: fine })).toBeUndefined();
  });
});

describe('findTextProblem on one document sent again and again', () => {
  it('judges each request by its own variables, in the order the document names them', () => {
    const document = parse(
      'query($a: String, $b: String) { x(first: $a) { y(second: $b, third: "ok") } }',
    );
    expect(findTextProblem(document, { a: 'fine', b: 'fine' })).toBeUndefined();
    expect(findTextProblem(document, { a: 'fine', b: 'b\u0000' })).toEqual({
      argument: 'y.second',
      variable: '$b',
      rule: 'no-nul',
    });
    expect(findTextProblem(document, { a: 'a\ud800', b: 'b\u0000' })).toEqual({
      argument: 'x.first',
      variable: '$a',
      rule: 'well-formed-unicode',
    });
    expect(findTextProblem(document, { a: 'fine', b: 'fine', extra: '\u0000' })).toEqual({
      argument: '$extra',
      variable: '$extra',
      rule: 'no-nul',
    });
    expect(findTextProblem(document, { a: 'fine', b: 'fine' })).toBeUndefined();
  });
});

describe('textProblemError', () => {
  it('is a BAD_USER_INPUT answered with HTTP 400, naming the path and the rule', () => {
    const error = textProblemError({ argument: 'x.id', variable: '$id', rule: 'no-nul' });
    expect(error.message).toBe(
      'Argument x.id (variable $id) must not contain the NUL character (U+0000)',
    );
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'x.id',
      variable: '$id',
      rule: 'no-nul',
      http: { status: 400 },
    });
  });
});
