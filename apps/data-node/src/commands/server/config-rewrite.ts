// CONFIG REWRITE: writes the running configuration back to the config file the node was started with,
// keeping its comments and unknown lines (config/rewrite-config-file.ts). Without a config file, Redis's error.
import type { CommandSpec } from '../command-spec.js';
import { rewriteConfigFile } from '../../config/rewrite-config-file.js';
import { ConfigError } from '../../config/config-store.js';
import { CONFIG_ADMIN } from './config-base.js';

export const configRewrite = {
  ...CONFIG_ADMIN,
  name: 'rewrite',
  arity: 2,
  docs: {
    summary: 'Persists the effective configuration to file.',
    since: '2.8.0',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    try {
      rewriteConfigFile(ctx.server.config);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      ctx.error(`ERR ${err.message}`);
      return;
    }
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
