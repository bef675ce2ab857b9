// The console's typed operations (apps/console/src/gql/graphql.ts) are
// generated from the .graphql files beside its pages and docs/schema.graphql.
// A changed operation or schema without `npm run console:codegen` fails here.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { generate } from '@graphql-codegen/cli';
import config, { compactOperations } from '../../apps/console/codegen.js';

describe("the console's generated operations", () => {
  it('match the .graphql files and the schema (run npm run console:codegen when they do not)', async () => {
    const outputs = await generate({ ...config, cwd: process.cwd() }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      const expected = compactOperations(filename, content);
      const onDisk = await readFile(filename, 'utf8');
      if (onDisk !== expected) {
        throw new Error(`${filename} is stale: run npm run console:codegen and commit the result`);
      }
      expect(onDisk).toContain('TypedDocumentString');
    }
  });
});
