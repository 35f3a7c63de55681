// ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]: members with a score in the range, lowest
// first.
import type { CommandSpec } from '../command-spec.js';
import { RangeKind } from './range-bounds.js';
import { Direction, zrangeGeneric } from './zrange-generic.js';

export const zrangebyscore = {
  name: 'zrangebyscore',
  arity: -4,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: { first: 1, last: 1, step: 1 },
  docs: {
    summary: 'Return a range of members in a sorted set, by score',
    since: '1.0.5',
    group: 'sorted-set',
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
  },
  handler(ctx) {
    zrangeGeneric(ctx, 1, false, RangeKind.score, Direction.forward);
  },
} satisfies CommandSpec;
