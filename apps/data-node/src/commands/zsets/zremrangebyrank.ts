// ZREMRANGEBYRANK key start stop: removes the members ranked start..stop (negative ranks count from the end);
// replies with how many.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { removeRange } from './remove-range.js';
import { RangeKind } from './range-bounds.js';

export const zremrangebyrank = {
  name: 'zremrangebyrank',
  arity: 4,
  flags: ['write'],
  categories: ['write', 'sortedset', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Remove all members in a sorted set within the given indexes',
    since: '2.0.0',
    group: 'sorted-set',
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
  },
  handler(ctx) {
    removeRange(ctx, RangeKind.rank);
  },
} satisfies CommandSpec;
