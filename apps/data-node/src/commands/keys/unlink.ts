// UNLINK key [key ...]: DEL whose memory Redis reclaims in a background thread. Here values are garbage
// collected by V8 in any case, so it is DEL with Redis's flags (fast).
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';

export const unlink = {
  name: 'unlink',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['keyspace', 'write', 'fast'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.',
    since: '4.0.0',
    group: 'generic',
    complexity: 'O(1) for each key removed regardless of its size.',
  },
  handler(ctx) {
    let deleted = 0;
    for (let i = 1; i < ctx.argc; i++) if (ctx.db.delete(ctx.arg(i))) deleted++;
    ctx.reply.integer(deleted);
  },
} satisfies CommandSpec;
