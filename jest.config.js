// One Jest configuration, three kinds of test (STYLE.md): unit tests next to the
// code, integration tests against the run's real Kafka and PostgreSQL, and chaos
// tests that disrupt that infrastructure (run alone, after the others).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const { compilerOptions } = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/.]/g, '\\$&')}$`,
    `<rootDir>/${target}`,
  ]),
);

const swc = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
delete swc.$schema;
// SWC rewrites the aliases too, so code Jest loads outside its module system
// (global setup and teardown) resolves them as tests do.
swc.jsc = { ...swc.jsc, baseUrl: __dirname, paths: compilerOptions.paths };

// Packages published only as ES modules (jose), which Jest's CommonJS module
// system cannot load as they are: SWC turns them into CommonJS like our own code.
const esmOnlyPackages = ['jose'];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { ...swc, sourceMaps: false, swcrc: false },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/deploy/local/.state/'],
};

const infrastructure = {
  globalSetup: '<rootDir>/libs/shared/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/shared/testing/src/jest/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // Boots of real services and brokers take seconds; chaos tests set longer ones.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/tools/jest/skipped-tests-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.chaos\\.spec\\.ts$'],
    },
    {
      ...common,
      ...infrastructure,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'],
    },
    {
      ...common,
      ...infrastructure,
      // The whole system as separate processes (the launcher, six services) over the run's Kafka.
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts'],
    },
    {
      ...common,
      ...infrastructure,
      displayName: 'chaos',
      // tools/: npm start's own test (cold Kafka, PostgreSQL and six services) needs the machine to itself.
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.chaos.spec.ts'],
    },
  ],
};
