// ZINCRBY key increment member: adds increment to the member's score (0 when absent) and replies with the
// new score; a sum that is NaN (inf + -inf) is refused and changes nothing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { zaddGeneric } from './zadd-generic.js';

export const zincrby = {
  name: 'zincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Increment the score of a member in a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) where N is the number of elements in the sorted set.',
  },
  handler(ctx) {
    zaddGeneric(ctx, true);
  },
} satisfies CommandSpec;
