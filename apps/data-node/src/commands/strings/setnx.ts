// SETNX key value: sets the key only when it does not exist; 1 if set, 0 if not (redis src/t_string.c).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';

export const setnx = {
  name: 'setnx',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Set the value of a key, only if the key does not exist',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    if (ctx.db.lookupWrite(key) !== undefined) {
      ctx.reply.integer(0);
      return;
    }
    ctx.db.set(key, ctx.arg(2));
    ctx.reply.integer(1);
  },
} satisfies CommandSpec;
