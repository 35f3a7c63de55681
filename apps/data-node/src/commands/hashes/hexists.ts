// HEXISTS key field: 1 when the field exists, else 0.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readHash, WRONG_TYPE } from './hash-lookup.js';

export const hexists = {
  name: 'hexists',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: { summary: 'Determine if a hash field exists', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx) {
    const hash = readHash(ctx, ctx.arg(1));
    if (hash === WRONG_TYPE) return;
    ctx.reply.integer(hash !== undefined && hash.has(ctx.arg(2)) ? 1 : 0);
  },
} satisfies CommandSpec;
