// Typed GraphQL operations for the console, generated from the schema the
// gateway serves (docs/schema.graphql, which a test keeps current). Each
// operation is written once, in a .graphql file beside the page that runs it;
// the page imports its typed `…Document` from src/gql/graphql.ts, so a page's
// chunk carries only its own operations. Run `npm run console:codegen` after
// changing an operation; a test fails when the generated file is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { stripIgnoredCharacters } from 'graphql';

/** Each operation's text on one line, as it goes over the wire: the readable
 * text is the .graphql file, and a shorter string makes a smaller bundle. */
export function compactOperations(_path: string, content: string): string {
  return content.replace(
    /new TypedDocumentString\(`([^`]*)`/g,
    (_match, text: string) => `new TypedDocumentString(\`${stripIgnoredCharacters(text)}\``,
  );
}

const config: CodegenConfig = {
  schema: 'docs/schema.graphql',
  documents: ['apps/console/src/**/*.graphql'],
  generates: {
    'apps/console/src/gql/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        documentMode: 'string',
        enumsAsTypes: true,
        scalars: { DateTime: 'string', ID: 'string' },
      },
    },
  },
  silent: true,
  hooks: { beforeOneFileWrite: [compactOperations] },
};

export default config;
