// ZREMRANGEBYSCORE key min max: removes the members whose score is in the range; replies with how many.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { removeRange } from './remove-range.js';
import { RangeKind } from './range-bounds.js';

export const zremrangebyscore = {
  name: 'zremrangebyscore',
  arity: 4,
  flags: ['write'],
  categories: ['write', 'sortedset', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Remove all members in a sorted set within the given scores',
    since: '1.2.0',
    group: 'sorted-set',
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
  },
  handler(ctx) {
    removeRange(ctx, RangeKind.score);
  },
} satisfies CommandSpec;
