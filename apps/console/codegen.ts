// Typed GraphQL operations for the console, generated from the schema the
// gateway serves (docs/schema.graphql, which a test keeps current). Run
// `npm run console:codegen` after changing an operation; a test fails when
// the generated files are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'docs/schema.graphql',
  documents: ['apps/console/src/**/*.tsx', 'apps/console/src/**/*.ts', '!apps/console/src/gql/**'],
  generates: {
    'apps/console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        documentMode: 'string',
        enumsAsTypes: true,
        scalars: { DateTime: 'string', ID: 'string' },
      },
    },
  },
  silent: true,
  hooks: { afterAllFileWrite: ['prettier --write --log-level warn'] },
};

export default config;
