// MSET key value [key value ...]: sets every pair (dropping TTLs); an odd argument count is an arity error.
import type { CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { KEY_VALUE_PAIRS } from './key-value-pairs.js';

export const mset = {
  name: 'mset',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['write', 'string', 'slow'],
  keys: KEY_VALUE_PAIRS,
  docs: {
    summary: 'Set multiple keys to multiple values',
    since: '1.0.1',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to set.',
  },
  handler(ctx) {
    if (ctx.argc % 2 === 0) {
      ctx.error(Err.wrongArity('mset'));
      return;
    }
    for (let i = 1; i < ctx.argc; i += 2) ctx.db.set(ctx.arg(i), ctx.arg(i + 1));
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
