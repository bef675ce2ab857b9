// docs/schema.graphql is the GraphQL reference; it must say what the gateway
// serves. Regenerate it with `npm run docs:schema` after changing the schema.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { gatewayResolvers, printGatewaySchema, SCHEMA_FILE } from '../../tools/print-schema.js';

describe('the checked-in GraphQL reference', () => {
  it('is built from every resolver the gateway registers, typed or not', () => {
    const names = gatewayResolvers().map((resolver) => resolver.name);
    // CitizenResolver is @Resolver(() => CitizenModel); the other two are bare @Resolver().
    expect(names).toEqual(
      expect.arrayContaining(['CitizenResolver', 'AccessControlResolver', 'SchemasResolver']),
    );
    expect(names.every((name) => name.endsWith('Resolver'))).toBe(true);
  });

  it('matches the schema the gateway builds (run npm run docs:schema when it does not)', async () => {
    const [checkedIn, live] = await Promise.all([
      readFile(SCHEMA_FILE, 'utf8'),
      printGatewaySchema(),
    ]);
    if (checkedIn !== live) {
      throw new Error(`${SCHEMA_FILE} is stale: run npm run docs:schema and commit the result`);
    }
    expect(checkedIn).toContain('type Query');
  });
});
