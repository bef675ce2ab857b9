import { describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  type GraphQLError,
} from 'graphql';
import {
  graphqlLimitRules,
  maxAliasesRule,
  maxCostRule,
  maxDepthRule,
} from './graphql-limit.rules.js';
import { OperationMeasurer } from './operation-measurer.js';

const schema = buildSchema(`
  type Query {
    citizen(id: ID!): Citizen
    citizens(ids: [ID!]!): [Citizen!]!
    grid: [[Cell!]!]!
    node(id: ID!): Node
    search(text: String!): [SearchResult!]!
  }
  type Citizen implements Node { id: ID! person: Person vehicles: [Vehicle!]! tags: [String!]! }
  type Person { name: Name sex: String }
  type Name { latin: NameParts khmer: NameParts }
  type NameParts { family: String given: String }
  type Vehicle implements Node { id: ID! plate: String owner: Owner }
  type Owner { name: String since: String }
  type Cell { value: Int }
  interface Node { id: ID! }
  union SearchResult = Citizen | Vehicle
`);

function errorsOf(
  query: string,
  limits: Partial<{ maxDepth: number; maxAliases: number; maxCost: number; listFactor: number }>,
): readonly GraphQLError[] {
  const rules = graphqlLimitRules({
    maxDepth: 100,
    maxAliases: 1_000,
    maxCost: 1_000_000,
    listFactor: 10,
    ...limits,
  });
  return validate(schema, parse(query), [...specifiedRules, ...rules]);
}

function measure(query: string, listFactor = 10) {
  const measurer = new OperationMeasurer(listFactor);
  let measured: ReturnType<OperationMeasurer['measure']> | undefined;
  validate(schema, parse(query), [
    (context) => ({
      OperationDefinition(node) {
        measured = measurer.measure(context, node);
      },
    }),
  ]);
  return measured!;
}

describe('maxDepthRule', () => {
  const deep = '{ citizen(id: "1") { person { name { latin { family } } } } }';

  it('counts nested fields and refuses past the limit, naming the depth and the limit', () => {
    expect(measure(deep).depth).toBe(5);
    expect(errorsOf(deep, { maxDepth: 5 })).toEqual([]);
    const errors = errorsOf(deep, { maxDepth: 4 });
    expect(errors.map((e) => e.message)).toEqual(['query depth 5 exceeds the limit of 4']);
    expect(errors[0]!.extensions).toEqual({ limit: 'depth', maximum: 4, actual: 5 });
  });

  it('follows named and inline fragments', () => {
    const query = `
      query { node(id: "1") { ...OnCitizen } }
      fragment OnCitizen on Citizen { ... on Citizen { person { ...Names } } }
      fragment Names on Person { name { khmer { given } } }`;
    expect(measure(query).depth).toBe(5);
    expect(errorsOf(query, { maxDepth: 4 })).toHaveLength(1);
  });

  it('measures each operation of a document on its own', () => {
    const query = `query Shallow { citizen(id: "1") { id } } query Deep ${deep}`;
    const errors = errorsOf(query, { maxDepth: 3 });
    expect(errors.map((e) => e.message)).toEqual(['query depth 5 exceeds the limit of 3']);
  });

  it('leaves introspection to its own setting: the standard introspection query passes', () => {
    expect(errorsOf(getIntrospectionQuery(), { maxDepth: 3, maxCost: 10 })).toEqual([]);
  });
});

describe('maxAliasesRule', () => {
  it('counts aliases everywhere, once per place a fragment is spread', () => {
    const query = `
      { a: citizen(id: "1") { ...Two } b: citizen(id: "2") { ...Two } }
      fragment Two on Citizen { x: id y: id }`;
    expect(measure(query).aliases).toBe(6);
    expect(errorsOf(query, { maxAliases: 6 })).toEqual([]);
    expect(errorsOf(query, { maxAliases: 5 }).map((e) => e.message)).toEqual([
      'number of aliases 6 exceeds the limit of 5',
    ]);
  });

  it('counts aliased __typename too (an alias flood costs nothing else)', () => {
    const query = `{ ${Array.from({ length: 30 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect(errorsOf(query, { maxAliases: 20 })).toHaveLength(1);
  });
});

describe('maxCostRule', () => {
  it('counts fields, those under a list listFactor times', () => {
    // citizen 1 + id 1 + vehicles (1 + 10 × (plate 1 + owner 1 + name 1)) = 33
    const query = '{ citizen(id: "1") { id vehicles { plate owner { name } } } }';
    expect(measure(query).cost).toBe(33);
    expect(measure(query, 2).cost).toBe(9);
    expect(errorsOf(query, { maxCost: 33 })).toEqual([]);
    const errors = errorsOf(query, { maxCost: 32 });
    expect(errors.map((e) => e.message)).toEqual(['query cost 33 exceeds the limit of 32']);
    expect(errors[0]!.extensions).toEqual({ limit: 'cost', maximum: 32, actual: 33 });
  });

  it('multiplies nested lists, and a list of lists, by the factor once per list', () => {
    // citizens (1 + 10 × vehicles (1 + 10 × plate 1)) = 111
    expect(measure('{ citizens(ids: []) { vehicles { plate } } }').cost).toBe(111);
    // grid is [[Cell]]: 1 + 10 × 10 × value 1
    expect(measure('{ grid { value } }').cost).toBe(101);
    // A list of scalars is one field: its items have nothing below them.
    expect(measure('{ citizen(id: "1") { tags } }').cost).toBe(2);
  });

  it('costs fields of abstract types through their fragments; __typename is free', () => {
    const query = `{ search(text: "x") { __typename ... on Vehicle { plate owner { name } } ... on Citizen { id } } }`;
    // search (1 + 10 × (plate 1 + owner 2 + id 1)) = 41
    expect(measure(query).cost).toBe(41);
  });

  it('measures a fragment bomb without expanding it, and refuses it', () => {
    const levels = 60;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Citizen { ${i === levels - 1 ? 'id' : `...F${i + 1} a${i}: person { sex } ...F${i + 1}`} }`,
    ).join('\n');
    const query = `{ citizen(id: "1") { ...F0 } }\n${fragments}`;
    const started = performance.now();
    const errors = errorsOf(query, { maxCost: 5_000, maxAliases: 20 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^number of aliases \d+ exceeds the limit of 20$/),
      `query cost ${Number.MAX_SAFE_INTEGER} exceeds the limit of 5000`,
    ]);
  });

  it('survives a fragment cycle (graphql reports it; the limits do not loop)', () => {
    const query = `
      { citizen(id: "1") { ...A } }
      fragment A on Citizen { id ...B }
      fragment B on Citizen { person { sex } ...A }`;
    const errors = errorsOf(query, { maxCost: 1 });
    expect(errors.some((e) => /Cannot spread fragment "A" within itself/.test(e.message))).toBe(
      true,
    );
  });

  it('still counts a field the schema does not know, and what it selects', () => {
    expect(measure('{ citizen(id: "1") { nope { a b } } }').cost).toBe(4);
  });
});

describe('the rules one by one', () => {
  it('can be used alone with a shared measurer', () => {
    const measurer = new OperationMeasurer(10);
    const document = parse('{ a: citizen(id: "1") { person { sex } } }');
    const errors = validate(schema, document, [
      maxDepthRule(2, measurer),
      maxAliasesRule(0, measurer),
      maxCostRule(2, measurer),
    ]);
    expect(errors.map((e) => e.extensions.limit)).toEqual(['depth', 'aliases', 'cost']);
  });
});
