// DEL key [key ...]: deletes the keys, replying how many existed (an expired key counts as absent).
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';

export const del = {
  name: 'del',
  arity: -2,
  flags: ['write'],
  categories: ['keyspace', 'write', 'slow'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Delete a key',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys that will be removed.',
  },
  handler(ctx) {
    let deleted = 0;
    for (let i = 1; i < ctx.argc; i++) if (ctx.db.delete(ctx.arg(i))) deleted++;
    ctx.reply.integer(deleted);
  },
} satisfies CommandSpec;
