// A generated corpus of bad input (fast-check) against a real gateway on a
// real database: /auth/token in every shape a client could send — form,
// JSON, Basic header, wrong content types, NULs, bad percent-encoding, huge
// values, arrays for fields — and every string argument of every query and
// mutation given NULs, lone surrogates, bidi controls, very long strings and
// values of the wrong type. No answer is a 5xx or an INTERNAL_SERVER_ERROR,
// and every refusal names the field and the rule. The seed is printed on a
// failure; rerun with it to replay the case.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { GraphQLInputType } from 'graphql';
import { getNamedType, getNullableType, isInputObjectType, isListType } from 'graphql';
import { CLIENT_ERROR_CODES } from '../../apps/gateway/src/gateway.app.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';
import { introspect, operationFor, stringTargets, type StringTarget } from './graphql-targets.js';

const TOKEN_RUNS = 300;
const GRAPHQL_RUNS = 300;

/** Text a field could be given: anything Unicode, and the hard cases on purpose. */
const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    'a\u202Eb',
    '\u2066ltr\u2069',
    '\u200F',
    'ស្ពាន',
    '%',
    '%zz',
    '%E0%A4%A',
    '%00',
    '+',
    ' ',
    'client_credentials',
    'mef.agency.00000000',
  ),
  fc
    .tuple(
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.constantFrom('\u0000', '\ud83d', '\u202E'),
    )
    .map(([text, bad]) => `${text}${bad}${text}`),
  fc.string({ unit: 'binary-ascii', minLength: 300, maxLength: 3000 }),
);

/** A field's value as JSON may carry it: text, or the wrong type. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  fc.array(nastyText, { maxLength: 3 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 5 }), nastyText, { maxKeys: 2 }),
);

const fieldNames = ['grant_type', 'client_id', 'client_secret'] as const;

const printableAscii = fc
  .string({ unit: 'binary-ascii', maxLength: 60 })
  .map((text) => text.replace(/[^\x20-\x7e]/g, ''));

interface TokenCase {
  shape: string;
  headers: Record<string, string>;
  body: string;
}

const formCase: fc.Arbitrary<TokenCase> = fc
  .record(
    {
      grant_type: fc.oneof(fc.constant('client_credentials'), nastyText),
      client_id: fc.oneof(nastyText, fc.array(nastyText, { minLength: 2, maxLength: 3 })),
      client_secret: fc.oneof(nastyText, fc.array(nastyText, { minLength: 2, maxLength: 3 })),
    },
    { requiredKeys: [] },
  )
  .map((fields) => {
    const params = new URLSearchParams();
    for (const name of fieldNames) {
      const value = fields[name];
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value])
        params.append(name, item.isWellFormed() ? item : item.toWellFormed());
    }
    return {
      shape: 'form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
    };
  });

const rawFormCase: fc.Arbitrary<TokenCase> = fc
  .tuple(
    fc.constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '%00', '%C3', '%%', '=', '&&'),
    fc.constantFrom(...fieldNames),
  )
  .map(([bad, name]) => ({
    shape: 'raw form',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&${name}=a${bad}b&client_secret=s`,
  }));

const jsonCase: fc.Arbitrary<TokenCase> = fc
  .oneof(
    fc.record(
      {
        grant_type: fc.oneof(fc.constant('client_credentials'), jsonValue),
        client_id: jsonValue,
        client_secret: jsonValue,
      },
      { requiredKeys: [] },
    ),
    jsonValue,
  )
  .map((body) => ({
    shape: 'json',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body) ?? 'null',
  }));

const brokenJsonCase: fc.Arbitrary<TokenCase> = fc
  .constantFrom('{', '{"grant_type":', '[1,', '"\\u00"', '{"a":1}}', '\u0000', 'nul')
  .map((body) => ({ shape: 'broken json', headers: { 'content-type': 'application/json' }, body }));

const basicCase: fc.Arbitrary<TokenCase> = fc
  .oneof(
    fc
      .tuple(nastyText, nastyText)
      .map(([id, secret]) => `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`),
    nastyText.map((text) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`),
    printableAscii.map((text) => `Basic ${text}`),
  )
  .chain((authorization) =>
    fc.record({
      shape: fc.constant('basic'),
      headers: fc.constant({
        'content-type': 'application/x-www-form-urlencoded',
        authorization,
      }),
      body: fc.constantFrom(
        'grant_type=client_credentials',
        'grant_type=client_credentials&client_secret=x',
        '',
      ),
    }),
  );

const wrongTypeCase: fc.Arbitrary<TokenCase> = fc
  .tuple(
    fc.constantFrom(
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin9',
      '',
    ),
    fc.oneof(
      printableAscii,
      fc.constant('grant_type=client_credentials&client_id=a&client_secret=b'),
    ),
  )
  .map(([type, body]): TokenCase => ({
    shape: 'wrong content type',
    headers: type ? { 'content-type': type } : {},
    body,
  }));

const hugeCase: fc.Arbitrary<TokenCase> = fc.constantFrom(20_000, 2_000_000).map((size) => ({
  shape: 'huge',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: 'x'.repeat(size),
    client_secret: 's',
  }),
}));

const tokenCase: fc.Arbitrary<TokenCase> = fc.oneof(
  { weight: 3, arbitrary: formCase },
  { weight: 1, arbitrary: rawFormCase },
  { weight: 3, arbitrary: jsonCase },
  { weight: 1, arbitrary: brokenJsonCase },
  { weight: 3, arbitrary: basicCase },
  { weight: 1, arbitrary: wrongTypeCase },
  { weight: 1, arbitrary: hugeCase },
);

/** A value for a string argument: hard text, a very long string, or the wrong type. */
const argumentValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyText },
  fc.string({ unit: 'grapheme', minLength: 5_000, maxLength: 20_000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant({ nested: 'object' }),
);

/** A literal in the document instead of a variable, where the argument is a plain string. */
function literalOperation(target: StringTarget, value: string) {
  const { query, variables } = operationFor(target, value);
  const name = target.argument.name;
  const declaration = `$${name}: ${target.argument.type.toString()}`;
  const rest = Object.fromEntries(Object.entries(variables).filter(([key]) => key !== name));
  const rewritten = query
    .replace(declaration, '')
    .replace(`${name}: $${name}`, `${name}: ${JSON.stringify(value)}`)
    .replace('(, ', '(')
    .replace(', )', ')')
    .replace(/^(query|mutation)\(\)/, '$1');
  return { query: rewritten, variables: rest };
}

/** The names a refusal of this operation may speak of: its arguments and their input fields. */
function argumentNames(target: StringTarget): string[] {
  const names: string[] = [];
  const walk = (type: GraphQLInputType, depth: number): void => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || depth > 4) return;
    for (const inner of Object.values(named.getFields())) {
      names.push(inner.name);
      walk(inner.type, depth + 1);
    }
  };
  for (const argument of target.field.args) {
    names.push(argument.name);
    walk(argument.type, 0);
  }
  // The schema registry says "compatibility" for setCompatibility's mode.
  if (target.field.name === 'setCompatibility') names.push('compatibility');
  return names;
}

const isPlainString = (type: GraphQLInputType): boolean =>
  !isListType(getNullableType(type)) && ['String', 'ID'].includes(getNamedType(type).name);

describe('a generated corpus of bad input', () => {
  let stack: SpeanStack;
  let steward: string;
  let targets: StringTarget[];

  beforeAll(async () => {
    stack = await startStack('embedded', 'bad-input-corpus');
    steward = await stack.token(stack.steward);
    targets = stringTargets(await introspect(stack, steward));
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it(`/auth/token: ${TOKEN_RUNS} requests, no 5xx, every refusal naming the field and the rule`, async () => {
    const shapes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(tokenCase, async ({ shape, headers, body }) => {
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
        const response = await fetch(`${stack.gatewayUrl}/auth/token`, {
          method: 'POST',
          headers,
          body,
        });
        const text = await response.text();
        expect(response.status).toBeLessThan(500);
        const json = JSON.parse(text) as Record<string, unknown>;
        if (response.status === 401) {
          expect(json.error).toBe('invalid_client');
        } else if (response.status === 429) {
          expect(json.error).toBe('rate_limited');
        } else {
          expect([400, 413, 415]).toContain(response.status);
          expect(['invalid_request', 'unsupported_grant_type']).toContain(json.error);
          expect(json).toEqual(
            expect.objectContaining({ field: expect.any(String), rule: expect.any(String) }),
          );
          expect(json.error_description).toEqual(expect.stringContaining(json.field as string));
        }
      }),
      { numRuns: TOKEN_RUNS },
    );
    // Every shape was tried.
    expect([...shapes.keys()].sort()).toEqual(
      ['basic', 'broken json', 'form', 'huge', 'json', 'raw form', 'wrong content type'].sort(),
    );
  }, 180_000);

  it(`GraphQL: ${GRAPHQL_RUNS} operations over every string argument, no 5xx, no INTERNAL_SERVER_ERROR`, async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        argumentValue,
        fc.boolean(),
        async (target, value, asLiteral) => {
          reached.add(target.field.name);
          const { query, variables } =
            asLiteral &&
            typeof value === 'string' &&
            isPlainString(target.argument.type) &&
            target.inside.length === 0
              ? literalOperation(target, value)
              : operationFor(target, value);
          const response = await fetch(`${stack.gatewayUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${steward}` },
            body: JSON.stringify({ query, variables }),
            signal: AbortSignal.timeout(10_000),
          }).catch((error: unknown) => {
            throw new Error(`no answer to ${query}: ${String(error)}`);
          });
          const answer = {
            status: response.status,
            ...((await response.json()) as {
              errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
            }),
          };
          expect({ query, status: answer.status }).toEqual({ query, status: expect.any(Number) });
          expect(answer.status).toBeLessThan(500);
          for (const error of answer.errors ?? []) {
            const code = error.extensions?.code;
            expect({ query, code }).toEqual({ query, code: expect.any(String) });
            expect({ query, code, known: CLIENT_ERROR_CODES.has(code as string) }).toEqual({
              query,
              code,
              known: true,
            });
            if (code === 'BAD_USER_INPUT') {
              // Named by the argument check, a filter's field, graphql-js's variable
              // coercion, or a message that starts from the argument's name.
              const names = argumentNames(target);
              const named =
                typeof error.extensions?.argument === 'string' ||
                typeof error.extensions?.field === 'string' ||
                /Variable "\$\w+"/.test(error.message) ||
                names.some((name) => new RegExp(`\\b${name}\\b`).test(error.message));
              expect({ query, message: error.message, named }).toEqual({
                query,
                message: error.message,
                named: true,
              });
            }
          }
        },
      ),
      { numRuns: GRAPHQL_RUNS },
    );
    expect(reached.size).toBeGreaterThan(targets.length / 4);
  }, 240_000);
});
