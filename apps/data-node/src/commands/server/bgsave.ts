// BGSAVE [SCHEDULE]: refused with an explicit error (no persistence yet); bad options get Redis's syntax
// error first, as redis-server checks them before saving.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';

export const bgsave = {
  name: 'bgsave',
  arity: -1,
  flags: ['admin', 'noscript'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Asynchronously saves the database(s) to disk.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (ctx.argc > 2 || (ctx.argc === 2 && ctx.option(1) !== 'SCHEDULE')) {
      ctx.error(Err.syntax);
      return;
    }
    ctx.error(Err.persistenceNotSupported('BGSAVE'));
  },
} satisfies CommandSpec;
