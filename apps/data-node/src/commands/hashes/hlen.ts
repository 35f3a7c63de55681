// HLEN key: the number of fields, 0 when the key is missing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readHash, WRONG_TYPE } from './hash-lookup.js';

export const hlen = {
  name: 'hlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['read', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: { summary: 'Get the number of fields in a hash', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx) {
    const hash = readHash(ctx, ctx.arg(1));
    if (hash === WRONG_TYPE) return;
    ctx.reply.integer(hash === undefined ? 0 : hash.size);
  },
} satisfies CommandSpec;
