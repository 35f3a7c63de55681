// ZLEXCOUNT key min max: how many members lie in the lex range (`[x`, `(x`, `-`, `+`), for sets whose
// members all have the same score; the range is parsed before the key is read.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { countRange } from './count-range.js';
import { RangeKind } from './range-bounds.js';

export const zlexcount = {
  name: 'zlexcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Count the number of members in a sorted set between a given lexicographical range',
    since: '2.8.9',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
  },
  handler(ctx) {
    countRange(ctx, RangeKind.lex);
  },
} satisfies CommandSpec;
