// SISMEMBER key member: 1 when the member is in the set, else 0.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readSet, WRONG_TYPE } from './set-lookup.js';

export const sismember = {
  name: 'sismember',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'set', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Determine if a given value is a member of a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const set = readSet(ctx, ctx.arg(1));
    if (set === WRONG_TYPE) return;
    ctx.reply.integer(set !== undefined && set.has(ctx.arg(2)) ? 1 : 0);
  },
} satisfies CommandSpec;
