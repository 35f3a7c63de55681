// DBSIZE: the number of keys, counting expired keys not reclaimed yet (as Redis does).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const dbsize = {
  name: 'dbsize',
  arity: 1,
  flags: ['readonly', 'fast'],
  categories: ['keyspace', 'read', 'fast'],
  keys: NO_KEYS,
  docs: {
    summary: 'Return the number of keys in the selected database',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ctx.reply.integer(ctx.db.size);
  },
} satisfies CommandSpec;
