// One jest run covers unit specs (next to the code) and the e2e suites in test/.
// Sources are ES modules compiled on the fly by swc; decorator metadata is kept
// because Nest's dependency injection reads it.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^#spean/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

// Three projects so each run starts only the servers its tests need: unit
// specs need none, e2e suites a real PostgreSQL, Kafka suites also a real broker.
export default {
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/test'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test', '<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', 'kafka'],
      globalSetup: '<rootDir>/test/support/postgres.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/postgres.global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'kafka',
      roots: ['<rootDir>/test', '<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*kafka*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/kafka.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/kafka.global-teardown.ts',
    },
  ],
};
