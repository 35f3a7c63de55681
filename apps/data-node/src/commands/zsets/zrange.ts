// ZRANGE key min max [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]: members by rank (default),
// score or lex range, ascending or reversed.
import type { CommandSpec } from '../command-spec.js';
import { RangeKind } from './range-bounds.js';
import { Direction, zrangeGeneric } from './zrange-generic.js';

export const zrange = {
  name: 'zrange',
  arity: -4,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: { first: 1, last: 1, step: 1 },
  docs: {
    summary: 'Return a range of members in a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
  },
  handler(ctx) {
    zrangeGeneric(ctx, 1, false, RangeKind.auto, Direction.auto);
  },
} satisfies CommandSpec;
