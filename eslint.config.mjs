// Lint: type-checked rules that catch real bugs, and Nx module boundaries that
// keep the architecture's arrows (see docs/architecture.md, "Layout").
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

/** The bounded contexts: each may import itself, shared libraries and any context's published contracts. */
const CONTEXTS = ['partners', 'leads', 'routing', 'delivery', 'billing', 'notifications'];

/** What a domain or contracts library may never import: frameworks, transports, storage, side effects. */
const FRAMEWORKS_AND_IO = [
  '@nestjs/*',
  'nestjs-pino',
  'kafkajs',
  'typeorm',
  'pg',
  '@eventstore/*',
  '@kurrent/*',
  'axios',
  'soap',
  'twilio',
  'mjml',
  'nodemailer',
  'express',
  'prom-client',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      '.nx/',
      'deploy/local/.cache/',
      'deploy/local/.state/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: 'error',
      curly: 'error',
      'no-console': ['error', { allow: ['error'] }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: true,
          depConstraints: [
            ...CONTEXTS.map((context) => ({
              sourceTag: `scope:${context}`,
              onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared', 'type:contracts'],
            })),
            {
              // Commands and benchmarks (tools/, bench/) drive the whole system.
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: ['*'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:platform',
                'type:testing',
                'type:service-testing',
                'type:infra',
              ],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: FRAMEWORKS_AND_IO,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: FRAMEWORKS_AND_IO,
            },
            {
              // Platform specs use the testing library (databases, brokers); production code does not.
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:service-testing',
              onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:contracts'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:testing',
                'type:platform',
                'type:infra',
                'type:contracts',
              ],
            },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-disabled-tests': 'error',
      'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['itWhen'] }],
      'jest/no-focused-tests': 'error',
      'jest/valid-title': ['error', { ignoreTypeOfDescribeName: true }],
      'jest/expect-expect': [
        'error',
        // Decider specifications assert in their last call: spec.given(…).when(…).then(…).
        {
          assertFunctionNames: ['expect', 'expectEventually', 'spec.**.then', 'spec.**.thenThrows'],
        },
      ],
      '@typescript-eslint/unbound-method': 'off',
      'max-lines': 'off',
    },
  },
  {
    // Command-line entry points talk to the terminal.
    files: ['tools/**/*.ts', 'bench/**/*.ts', 'libs/shared/local-infra/src/cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
