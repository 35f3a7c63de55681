// Root ESLint flat config: Nx module boundaries on two tag axes (scope:* x type:*),
// banned I/O imports for the pure libs, and the test-file naming rule.
import nx from '@nx/eslint-plugin';
import consistentTestFilename from './tools/lint-rules/consistent-test-filename.mjs';

/** Imports that would give a pure lib I/O, a transport or a logger. */
const IO_IMPORTS = [
  'net',
  'node:net',
  'tls',
  'node:tls',
  'dgram',
  'node:dgram',
  'stream',
  'node:stream',
  'pino',
];
const IO_IMPORT_PATTERNS = ['@grpc/*', '@nats-io/*', 'pino/*'];

/** Which tags a project may depend on (`@nx/enforce-module-boundaries`): only downward, never app to app. */
const DEP_CONSTRAINTS = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:model', 'type:protocol', 'type:adapter', 'type:util'],
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:testing', 'type:model', 'type:protocol', 'type:adapter', 'type:util'],
  },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: [
      'type:testing',
      'type:feature',
      'type:model',
      'type:protocol',
      'type:adapter',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:feature', 'type:model', 'type:protocol', 'type:adapter', 'type:util'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:model', 'type:protocol', 'type:adapter', 'type:util'],
  },
  {
    sourceTag: 'type:adapter',
    onlyDependOnLibsWithTags: ['type:model', 'type:protocol', 'type:util'],
  },
  { sourceTag: 'type:model', onlyDependOnLibsWithTags: ['type:model', 'type:util'] },
  { sourceTag: 'type:protocol', onlyDependOnLibsWithTags: ['type:protocol', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'pure',
    bannedExternalImports: ['@grpc/*', '@nats-io/*', 'pino', 'pino-*'],
  },
];

/**
 * Test code (`*.test.ts`, and test support under `src/testing/`) of any project may also use the test harness
 * library `@tessera/testing`; production code may not.
 */
const TEST_DEP_CONSTRAINTS = DEP_CONSTRAINTS.map((constraint) =>
  constraint.onlyDependOnLibsWithTags && !constraint.onlyDependOnLibsWithTags.includes('type:testing')
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] }
    : constraint,
);

/** Test files are never built, so a buildable lib's tests may import the non-buildable harness. */
const boundaries = (depConstraints, { tests = false } = {}) => [
  'error',
  { enforceBuildableLibDependency: !tests, allow: [], depConstraints },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', 'libs/proto/src/gen/**', '**/*.timestamp*'],
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    rules: { '@nx/enforce-module-boundaries': boundaries(DEP_CONSTRAINTS) },
  },
  {
    // Test code may use the test harness library; nothing outside src/testing/ and *.test.ts imports src/testing/.
    files: ['**/*.test.ts', '**/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(TEST_DEP_CONSTRAINTS, { tests: true }) },
  },
  {
    // src/testing/ of an app is test support (it may import @tessera/testing): production code never imports it.
    files: ['apps/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'apps/*/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/testing/*'], message: 'src/testing/ is for tests only.' }] },
      ],
    },
  },
  {
    // Config files reach the shared factories in tools/ by relative path on purpose.
    files: ['**/vitest.config.ts', '**/eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Pure libs: no sockets, streams, gRPC, NATS or logging (style guide rule 19).
    files: ['libs/slot/**/*.ts', 'libs/resp/**/*.ts', 'libs/cluster-model/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: IO_IMPORTS, patterns: IO_IMPORT_PATTERNS }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { tessera: { rules: { 'consistent-test-filename': consistentTestFilename } } },
    rules: {
      'tessera/consistent-test-filename': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
