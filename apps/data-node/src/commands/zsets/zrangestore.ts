// ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]: stores ZRANGE's selection at dst
// (deleting dst when it is empty) and replies with its size.
import type { CommandSpec } from '../command-spec.js';
import { RangeKind } from './range-bounds.js';
import { Direction, zrangeGeneric } from './zrange-generic.js';

export const zrangestore = {
  name: 'zrangestore',
  arity: -5,
  flags: ['write', 'denyoom'],
  categories: ['write', 'sortedset', 'slow'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary: 'Store a range of members from sorted set into another key',
    since: '6.2.0',
    group: 'sorted-set',
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.',
  },
  handler(ctx) {
    zrangeGeneric(ctx, 2, true, RangeKind.auto, Direction.auto);
  },
} satisfies CommandSpec;
