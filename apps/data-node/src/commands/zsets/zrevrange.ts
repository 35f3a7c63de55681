// ZREVRANGE key start stop [WITHSCORES]: members by rank counted from the highest score.
import type { CommandSpec } from '../command-spec.js';
import { RangeKind } from './range-bounds.js';
import { Direction, zrangeGeneric } from './zrange-generic.js';

export const zrevrange = {
  name: 'zrevrange',
  arity: -4,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: { first: 1, last: 1, step: 1 },
  docs: {
    summary: 'Return a range of members in a sorted set, by index, with scores ordered from high to low',
    since: '1.2.0',
    group: 'sorted-set',
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
  },
  handler(ctx) {
    zrangeGeneric(ctx, 1, false, RangeKind.rank, Direction.reverse);
  },
} satisfies CommandSpec;
