// ZCOUNT key min max: how many members have a score in the range (`(` for exclusive ends, -inf/+inf);
// the range is parsed before the key is read.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { countRange } from './count-range.js';
import { RangeKind } from './range-bounds.js';

export const zcount = {
  name: 'zcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Count the members in a sorted set with scores within the given values',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
  },
  handler(ctx) {
    countRange(ctx, RangeKind.score);
  },
} satisfies CommandSpec;
