import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Int tests start real Redis Clusters with the test harness (@tessera/testing: type:testing, not
    // buildable). Test files are never built nor published, so they alone may import it, as app tests may
    // (root eslint.config.mjs); the library code keeps the adapter constraints.
    files: ['**/*.test.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:adapter',
              onlyDependOnLibsWithTags: ['type:model', 'type:protocol', 'type:util', 'type:testing'],
            },
          ],
        },
      ],
    },
  },
];
