// A compiled plan answers what graphql-js answers for the same document and
// value — the data, key order, serialised scalars, errors, their paths and
// locations, null bubbling — including for values that break the schema,
// and it compiles only the documents it can answer exactly.
import { describe, expect, it } from '@jest/globals';
import { buildSchema, execute, GraphQLError, parse, type GraphQLObjectType } from 'graphql';
import { answerOf, compileLookup } from './compiled-lookup.js';

const schema = buildSchema(`
  type Query { citizen(nationalId: ID!): Citizen other: String }
  enum Kind { CAR TRUCK }
  type Item { n: Int! s: String kind: Kind }
  type Citizen {
    nationalId: ID!
    name: String
    score: Float
    tags: [String!]
    items: [Item!]!
    maybe: Item
    loose: [Item]
    withArgs(first: Int): String
  }
`);

// As Nest's code-first schema: every plain field read by Nest's own resolver,
// which gives a default value where the source has none.
const fields = (schema.getType('Citizen') as GraphQLObjectType).getFields();
const rootFieldResolver = (root: Record<string, unknown>) => root['name'] ?? 'Nameless';
fields['name']!.resolve = rootFieldResolver as never;

const options = { maxTokens: 10_000, validationRules: [] };

function bothWays(query: string, citizen: unknown): void {
  const plan = compileLookup(schema, query, options);
  expect(plan).toBeDefined();
  const compiled = answerOf(plan!, { citizen });
  const general = execute({
    schema,
    document: parse(query),
    rootValue: { citizen },
    variableValues: { id: '1' },
  }) as {
    data: unknown;
    errors?: readonly GraphQLError[];
  };
  const asJson = (result: { data: unknown; errors?: readonly GraphQLError[] }) =>
    JSON.stringify({ errors: result.errors?.map((error) => error.toJSON()), data: result.data });
  expect(
    asJson({ data: compiled.data, errors: compiled.errors.length ? compiled.errors : undefined }),
  ).toBe(asJson(general));
}

const EVERYTHING = `query Q($id: ID!) {
  who: citizen(nationalId: $id) {
    __typename nationalId name score tags
    items { n s kind __typename }
    ...More
    maybe { ... on Item { n } s }
    loose { n s }
    name
  }
}
fragment More on Citizen { alias: name items { s } }`;

describe('a compiled lookup plan', () => {
  it('answers a well-formed value as graphql-js does', () => {
    bothWays(EVERYTHING, {
      nationalId: 'A1',
      name: 'Sok',
      score: 2.5,
      tags: ['x', 'y'],
      items: [{ n: 1, s: 's', kind: 'CAR' }, { n: 2 }],
      maybe: { n: 3, s: null },
      loose: [null, { n: 4 }],
    });
    bothWays(EVERYTHING, null);
  });

  it('answers values that break the schema as graphql-js does', () => {
    const broken: unknown[] = [
      { nationalId: null },
      { nationalId: 'A', items: null },
      { nationalId: 'A', items: [{ n: null }] },
      { nationalId: 'A', items: [{ n: 1.5 }] },
      { nationalId: 'A', items: 'not a list', tags: 'nor this' },
      { nationalId: 'A', items: [], tags: ['a', null] },
      { nationalId: 'A', items: [], loose: [{ n: 'seven' }, { n: 1, kind: 'BOAT' }] },
      { nationalId: 'A', items: [], score: 'high', name: { an: 'object' } },
      { nationalId: 'A', items: [], maybe: 'a string, not an object' },
      { nationalId: 'A', items: [], maybe: { n: 2 ** 40 } },
      { nationalId: 'A', items: [], name: undefined },
      { nationalId: 'A', items: [], score: Number.NaN, loose: [{ n: 2 ** 31 }, { n: -(2 ** 31) }] },
      { nationalId: 'A', items: [{ n: true, s: 7 }], score: Infinity, tags: [false] },
      { nationalId: 'A', items: [], score: () => 2, maybe: { n: () => 3, s: () => null } },
      { nationalId: { toString: 1 }, items: [] },
      'a string',
    ];
    for (const value of broken) bothWays(EVERYTHING, value);
  });

  it('answers a property that throws (a refused section) as graphql-js does', () => {
    const citizen: Record<string, unknown> = { nationalId: 'A', items: [] };
    for (const field of ['name', 'maybe', 'items']) {
      Object.defineProperty(citizen, field, {
        enumerable: true,
        get() {
          throw new GraphQLError(`no grant for ${field}`, { extensions: { code: 'FORBIDDEN' } });
        },
      });
    }
    bothWays(EVERYTHING, citizen);
  });

  it('answers a failed lookup as graphql-js answers a failed resolver', () => {
    const plan = compileLookup(schema, EVERYTHING, options)!;
    const failure = new GraphQLError('nationalId is invalid', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const { data, errors } = answerOf(plan, { failure });
    expect({ ...data }).toEqual({ who: null });
    expect(errors.map((error) => error.toJSON())).toEqual([
      {
        message: 'nationalId is invalid',
        locations: [{ line: 2, column: 3 }],
        path: ['who'],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('compiles only what it can answer exactly', () => {
    const refused = [
      'query { citizen(nationalId: "1") { name } other }',
      'query { other }',
      'mutation { citizen(nationalId: "1") { name } }',
      'query A { citizen(nationalId: "1") { name } } query B { other }',
      'query($x: Boolean!) { citizen(nationalId: "1") { name @include(if: $x) } }',
      'query { citizen(nationalId: "1") { withArgs(first: 1) } }',
      'query { citizen(nationalId: "1") { unknown } }',
      'query { citizen(nationalId: "1") { name',
      'query { ...Root } fragment Root on Query { citizen(nationalId: "1") { name } }',
      'query { citizen(nationalId: "1") { __proto__: name } }',
    ];
    for (const query of refused) expect(compileLookup(schema, query, options)).toBeUndefined();
    // A field with a resolver of its own (not Nest's property read) is not compiled.
    fields['score']!.resolve = () => 1;
    expect(compileLookup(schema, EVERYTHING, options)).toBeUndefined();
    delete fields['score']!.resolve;
    expect(compileLookup(schema, EVERYTHING, options)).toBeDefined();
    expect(
      compileLookup(schema, '{ citizen(nationalId: "1") { name } }', { ...options, maxTokens: 3 }),
    ).toBeUndefined();
  });
});
