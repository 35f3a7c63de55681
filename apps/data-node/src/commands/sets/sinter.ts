// SINTER key [key ...]: the members in every set, as a RESP3 set, in the order of the smallest set; empty
// when any key is missing (after every key's type was checked).
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';
import { intersect, loadSets } from './set-algebra.js';
import { WRONG_TYPE } from './set-lookup.js';
import { replyMembers } from './set-order.js';

export const sinter = {
  name: 'sinter',
  arity: -2,
  flags: ['readonly'],
  categories: ['read', 'set', 'slow'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Intersect multiple sets',
    since: '1.0.0',
    group: 'set',
    complexity:
      'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
  },
  handler(ctx) {
    const sets = loadSets(ctx, 1, ctx.argc, false);
    if (sets === WRONG_TYPE) return;
    replyMembers(ctx, intersect(ctx, sets), true);
  },
} satisfies CommandSpec;
