// TOUCH key [key ...]: reads each key as an access (updates LRU/LFU data) and replies how many exist.
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';

export const touch = {
  name: 'touch',
  arity: -2,
  flags: ['readonly', 'fast'],
  categories: ['keyspace', 'read', 'fast'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Alters the last access time of a key(s). Returns the number of existing keys specified.',
    since: '3.2.1',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys that will be touched.',
  },
  handler(ctx) {
    let found = 0;
    for (let i = 1; i < ctx.argc; i++) if (ctx.db.lookupRead(ctx.arg(i)) !== undefined) found++;
    ctx.reply.integer(found);
  },
} satisfies CommandSpec;
