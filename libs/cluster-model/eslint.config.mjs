import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Test support (not built, not published): the redis-server oracle harness needs sockets and processes.
    files: ['**/src/testing/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
