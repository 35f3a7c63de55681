// ZRANGEBYLEX key min max [LIMIT offset count]: members in the lex range, in byte order (for equal scores).
import type { CommandSpec } from '../command-spec.js';
import { RangeKind } from './range-bounds.js';
import { Direction, zrangeGeneric } from './zrange-generic.js';

export const zrangebylex = {
  name: 'zrangebylex',
  arity: -4,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: { first: 1, last: 1, step: 1 },
  docs: {
    summary: 'Return a range of members in a sorted set, by lexicographical range',
    since: '2.8.9',
    group: 'sorted-set',
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
  },
  handler(ctx) {
    zrangeGeneric(ctx, 1, false, RangeKind.lex, Direction.forward);
  },
} satisfies CommandSpec;
