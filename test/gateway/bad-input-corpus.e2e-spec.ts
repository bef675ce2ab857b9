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
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { CLIENT_ERROR_CODES } from '../../apps/gateway/src/gateway.app.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';
import { introspect, operationFor, scalarTargets, type StringTarget } from './graphql-targets.js';

const TOKEN_RUNS = 300;
/** Generated values per argument place: every place is tried. */
const RUNS_PER_PLACE = 3;
/** The scalars a bad value can be put in: text, numbers and dates. */
const TARGET_SCALARS = new Set(['String', 'ID', 'Int', 'Float', 'DateTime']);
/** Operations for one role only: sent with that role's token, so their input checks are reached. */
const ROLE_OF_FIELD: Record<string, 'auditor' | 'citizen' | 'integrator'> = {
  auditEntries: 'auditor',
  auditStatus: 'auditor',
  verifyAuditLog: 'auditor',
  questionAccess: 'citizen',
  dryRunIntake: 'integrator',
};

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

/** Numbers a page size, a version or an overlap must refuse, and dates that are not. */
const hostileNumber = fc.constantFrom(-1, 0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, 1.5, -0.5);
const hostileDate = fc.constantFrom(
  '',
  'x',
  '2026-02-30T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '0000-00-00',
);

/** What goes in a place: mostly what its type makes hostile, sometimes anything at all. */
function valuesFor(target: StringTarget): fc.Arbitrary<unknown> {
  switch (target.scalar) {
    case 'Int':
    case 'Float':
      return fc.oneof({ weight: 3, arbitrary: hostileNumber }, argumentValue);
    case 'DateTime':
      return fc.oneof({ weight: 3, arbitrary: hostileDate }, argumentValue);
    default:
      return argumentValue;
  }
}

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

/** One argument place, named as `field.argument.inside`. */
const placeOf = (target: StringTarget): string =>
  [target.field.name, target.argument.name, ...target.inside].join('.');

describe('a generated corpus of bad input', () => {
  let stack: SpeanStack;
  let steward: string;
  let tokens: Record<'auditor' | 'citizen' | 'integrator', string>;
  let targets: StringTarget[];

  beforeAll(async () => {
    stack = await startStack('embedded', 'bad-input-corpus');
    steward = await stack.token(stack.steward);
    tokens = {
      auditor: await stack.token(stack.auditor),
      integrator: await stack.token(stack.integrator),
      citizen: await stack.token(await stack.citizen(new VerhoeffNationalIdScheme().fromSerial(7))),
    };
    targets = scalarTargets(await introspect(stack, steward), TARGET_SCALARS);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const tokenFor = (target: StringTarget): string => {
    const role = ROLE_OF_FIELD[target.field.name];
    return role ? tokens[role] : steward;
  };

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

  it(`GraphQL: ${RUNS_PER_PLACE} operations for every text, number and date place of every argument, no 5xx, no INTERNAL_SERVER_ERROR`, async () => {
    const reached = new Set<string>();
    for (const place of targets) {
      await fc.assert(
        fc.asyncProperty(
          fc.constant(place),
          valuesFor(place),
          fc.boolean(),
          async (target, value, asLiteral) => {
            reached.add(placeOf(target));
            const { query, variables } =
              asLiteral &&
              typeof value === 'string' &&
              isPlainString(target.argument.type) &&
              target.inside.length === 0
                ? literalOperation(target, value)
                : operationFor(target, value);
            const response = await fetch(`${stack.gatewayUrl}/graphql`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${tokenFor(target)}`,
              },
              body: JSON.stringify({ query, variables }),
              signal: AbortSignal.timeout(10_000),
            }).catch((error: unknown) => {
              throw new Error(`no answer to ${query}: ${String(error)}`);
            });
            // The status first: a 5xx may not be JSON at all.
            expect({ query, status: response.status, serverError: response.status >= 500 }).toEqual(
              {
                query,
                status: response.status,
                serverError: false,
              },
            );
            const answer = (await response.json()) as {
              errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
            };
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
        { numRuns: RUNS_PER_PLACE },
      );
    }
    expect(reached).toEqual(new Set(targets.map(placeOf)));
  }, 240_000);
});
