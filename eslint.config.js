import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.data/**',
      'node_modules/**',
      'coverage/**',
      'libs/contracts/src/generated/**',
      'apps/console/src/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read settings through the validated configuration object, not process.env.',
        },
      ],
    },
  },
  {
    // The one reader of the environment, and the standalone tools and tests.
    files: [
      'libs/config/src/env-reader.ts',
      '*.config.js',
      'playwright.config.ts',
      'tools/**',
      'test/**',
      'bench/**',
      '**/*.spec.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The gateway's internals are its own. Code outside apps/gateway reaches it
    // only through its public entry points: gateway.app (the app factory),
    // gateway.process (the process a bench or supervisor runs), config/gateway.config
    // (the settings the factory takes) and gateway.node-flags (the V8 flags it
    // starts with). Anything shared lives in a library (e.g. the sections
    // catalogue in #spean/access).
    files: ['tools/**', 'bench/**', 'test/**', 'libs/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                'apps/gateway/src/(?!(gateway\\.app|gateway\\.process|gateway\\.node-flags|config/gateway\\.config)\\.[jt]s$)',
              message:
                'Import the gateway only through its public entry points (gateway.app, gateway.process, config/gateway.config, gateway.node-flags); move shared code to a library.',
            },
          ],
        },
      ],
    },
  },
  {
    // Medium specs build one gateway service from its parts on a real database,
    // with no HTTP stack: reaching inside is their point.
    files: ['test/**/*.medium.e2e-spec.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Still reaching into the gateway: the read model and the verification
    // lock serve the CLI and their own repository tests and have not moved to a
    // library yet. Shrink this list; never grow it.
    files: [
      'tools/spean.ts',
      'tools/verification-command.ts',
      'bench/baselines/postgres-bulk-load.ts',
      'test/citizen/one-read-per-lookup.e2e-spec.ts',
      'test/citizen/verification-lock-repository.e2e-spec.ts',
      'test/read-model/read-model-repository.e2e-spec.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
);
