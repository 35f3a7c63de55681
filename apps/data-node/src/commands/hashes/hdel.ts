// HDEL key field [field ...]: removes the fields; replies with how many were there. The key goes with its
// last field.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { writeHash, WRONG_TYPE } from './hash-lookup.js';

export const hdel = {
  name: 'hdel',
  arity: -3,
  flags: ['write', 'fast'],
  categories: ['write', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Delete one or more hash fields',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields to be removed.',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const hash = writeHash(ctx, key);
    if (hash === WRONG_TYPE) return;
    let removed = 0;
    if (hash !== undefined) {
      for (let i = 2; i < ctx.argc && hash.size !== 0; i++) if (hash.delete(ctx.arg(i))) removed++;
      if (hash.size === 0) ctx.db.delete(key);
      else if (removed !== 0) ctx.db.modified(key, hash);
    }
    ctx.reply.integer(removed);
  },
} satisfies CommandSpec;
