// Every string argument of every query and mutation, reached through the
// schema itself (introspection), given text PostgreSQL cannot store or that
// is not Unicode: a NUL, a lone surrogate — in a variable, nested in an input
// object or a list, or written in the document. Each is refused with
// BAD_USER_INPUT naming the argument path and the rule, before any resolver
// runs; no answer is a 5xx or an INTERNAL_SERVER_ERROR, and none carries a
// database message.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type SpeanStack } from '../support/spean-stack.js';
import { introspect, operationFor, stringTargets, type StringTarget } from './graphql-targets.js';

const DATABASE_WORDS =
  /postgres|invalid byte sequence|syntax for type|violates|SQLSTATE|relation "|column "|QueryFailed|0x00/i;

describe('GraphQL string arguments', () => {
  let stack: SpeanStack;
  let steward: string;
  let targets: StringTarget[];

  beforeAll(async () => {
    stack = await startStack('embedded', 'graphql-arguments');
    steward = await stack.token(stack.steward);
    targets = stringTargets(await introspect(stack, steward));
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('reaches the string arguments the database errors were seen on', () => {
    const fields = new Set(targets.map((target) => target.field.name));
    for (const name of [
      'lineage',
      'grants',
      'clients',
      'schema',
      'schemaChanges',
      'orphans',
      'deadLetters',
    ])
      expect([name, fields.has(name)]).toEqual([name, true]);
  });

  it.each([
    ['a NUL', 'a\u0000b', 'no-nul'],
    ['a lone surrogate', 'a\ud800b', 'well-formed-unicode'],
  ])(
    'refuses %s in any string argument, in a variable, naming the argument path',
    async (_name, text, rule) => {
      for (const target of targets) {
        const { query, variables } = operationFor(target, text);
        const answer = await stack.graphql(steward, query, variables);
        const argumentPath = [target.argument.name, ...target.inside].join('.');
        const first = answer.errors?.[0];
        // List items are named by index (`ids[0]`); the target names the argument's fields.
        const unindexed = (text: unknown) => String(text).replace(/\[\d+\]/g, '');
        expect({
          query,
          status: answer.status,
          code: first?.extensions?.code,
          argument: unindexed(first?.extensions?.argument),
          rule: first?.extensions?.rule,
        }).toEqual({
          query,
          status: 400,
          code: 'BAD_USER_INPUT',
          argument: `${target.field.name}.${argumentPath}`,
          rule,
        });
        expect(unindexed(first?.message)).toContain(argumentPath);
        expect(JSON.stringify(answer)).not.toMatch(DATABASE_WORDS);
      }
    },
  );

  it('refuses a NUL written in the document, in an argument or inside an input object', async () => {
    const cases: Array<[string, string]> = [
      [`{ schema(recordType: "person\\u0000", version: 1) { __typename } }`, 'schema.recordType'],
      [`{ lineage(recordType: "a\\u0000") { __typename } }`, 'lineage.recordType'],
      [`{ grants(agencyId: "\\u0000") { __typename } }`, 'grants.agencyId'],
      [`{ clients(agencyId: "mef\\u0000") { clientId } }`, 'clients.agencyId'],
      [`{ deadLetters(group: "\\u0000") { __typename } }`, 'deadLetters.group'],
      [
        `mutation { registerPurpose(input: { code: "x\\u0000", title: "t", legalBasis: "l" }) { __typename } }`,
        'registerPurpose.input.code',
      ],
    ];
    for (const [query, argument] of cases) {
      const answer = await stack.graphql(steward, query);
      const first = answer.errors?.[0];
      expect({ query, status: answer.status, extensions: first?.extensions }).toEqual({
        query,
        status: 400,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument, rule: 'no-nul' }),
      });
    }
  });
});
