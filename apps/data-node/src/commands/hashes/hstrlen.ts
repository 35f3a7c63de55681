// HSTRLEN key field: the length in bytes of the field's value, 0 when the field or the key is missing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readHash, WRONG_TYPE } from './hash-lookup.js';

export const hstrlen = {
  name: 'hstrlen',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the length of the value of a hash field',
    since: '3.2.0',
    group: 'hash',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const hash = readHash(ctx, ctx.arg(1));
    if (hash === WRONG_TYPE) return;
    ctx.reply.integer(hash?.get(ctx.arg(2))?.length ?? 0);
  },
} satisfies CommandSpec;
