// MSETNX key value [key value ...]: sets every pair only if none of the keys exists; 1 if set, else 0.
import type { CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { KEY_VALUE_PAIRS } from './key-value-pairs.js';

export const msetnx = {
  name: 'msetnx',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['write', 'string', 'slow'],
  keys: KEY_VALUE_PAIRS,
  docs: {
    summary: 'Set multiple keys to multiple values, only if none of the keys exist',
    since: '1.0.1',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to set.',
  },
  handler(ctx) {
    if (ctx.argc % 2 === 0) {
      ctx.error(Err.wrongArity('msetnx'));
      return;
    }
    for (let i = 1; i < ctx.argc; i += 2) {
      if (ctx.db.lookupWrite(ctx.arg(i)) !== undefined) {
        ctx.reply.integer(0);
        return;
      }
    }
    for (let i = 1; i < ctx.argc; i += 2) ctx.db.set(ctx.arg(i), ctx.arg(i + 1));
    ctx.reply.integer(1);
  },
} satisfies CommandSpec;
