// The GraphQL reference against the running gateway: what a client learns by
// introspection is what docs/schema.graphql says, descriptions included. The
// unit spec (schema.spec.ts) compares the file with the schema built from the
// resolvers; this one proves that build is the one the gateway serves.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { renderSchemaFile, SCHEMA_FILE } from '../../tools/print-schema.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

describe('the GraphQL reference and the running gateway', () => {
  let stack: SpeanStack;

  beforeAll(async () => {
    stack = await startStack('embedded', 'docs-schema');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('docs/schema.graphql is the schema the gateway serves (run npm run docs:schema when not)', async () => {
    const token = await stack.token(stack.agency);
    const answer = await stack.graphql<IntrospectionQuery>(
      token,
      getIntrospectionQuery({ descriptions: true }),
    );
    expect(answer.errors).toBeUndefined();
    const served = await renderSchemaFile(buildClientSchema(answer.data!));
    const checkedIn = await readFile(SCHEMA_FILE, 'utf8');
    if (served !== checkedIn) {
      throw new Error(`${SCHEMA_FILE} differs from the served schema: run npm run docs:schema`);
    }
    expect(served).toContain('type Query {');
  });
});
