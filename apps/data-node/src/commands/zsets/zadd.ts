// ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]: adds members or updates their
// scores; replies with the number added (added + changed with CH), or the new score with INCR.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { zaddGeneric } from './zadd-generic.js';

export const zadd = {
  name: 'zadd',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Add one or more members to a sorted set, or update its score if it already exists',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
  },
  handler(ctx) {
    zaddGeneric(ctx, false);
  },
} satisfies CommandSpec;
