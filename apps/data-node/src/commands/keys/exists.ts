// EXISTS key [key ...]: how many of the named keys exist, a key named twice counting twice. Not an access
// for LRU/LFU (redis src/db.c existsCommand uses LOOKUP_NOTOUCH).
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';

export const exists = {
  name: 'exists',
  arity: -2,
  flags: ['readonly', 'fast'],
  categories: ['keyspace', 'read', 'fast'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Determine if a key exists',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys to check.',
  },
  handler(ctx) {
    let found = 0;
    for (let i = 1; i < ctx.argc; i++) if (ctx.db.lookupReadNoTouch(ctx.arg(i)) !== undefined) found++;
    ctx.reply.integer(found);
  },
} satisfies CommandSpec;
