// SMISMEMBER key member [member ...]: an array of 1/0, one per member (all 0 when the key is missing).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readSet, WRONG_TYPE } from './set-lookup.js';

export const smismember = {
  name: 'smismember',
  arity: -3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'set', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Returns the membership associated with the given elements for a set',
    since: '6.2.0',
    group: 'set',
    complexity: 'O(N) where N is the number of elements being checked for membership',
  },
  handler(ctx) {
    const set = readSet(ctx, ctx.arg(1));
    if (set === WRONG_TYPE) return;
    ctx.reply.arrayHeader(ctx.argc - 2);
    for (let i = 2; i < ctx.argc; i++) ctx.reply.integer(set !== undefined && set.has(ctx.arg(i)) ? 1 : 0);
  },
} satisfies CommandSpec;
