// SCARD key: the number of members, 0 when the key is missing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readSet, WRONG_TYPE } from './set-lookup.js';

export const scard = {
  name: 'scard',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['read', 'set', 'fast'],
  keys: FIRST_KEY,
  docs: { summary: 'Get the number of members in a set', since: '1.0.0', group: 'set', complexity: 'O(1)' },
  handler(ctx) {
    const set = readSet(ctx, ctx.arg(1));
    if (set === WRONG_TYPE) return;
    ctx.reply.integer(set === undefined ? 0 : set.size);
  },
} satisfies CommandSpec;
