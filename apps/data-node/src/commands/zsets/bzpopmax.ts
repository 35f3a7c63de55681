// BZPOPMAX key [key ...] timeout: pops the highest-scored member of the first non-empty sorted set, replying
// [key, member, score]; blocks while all are empty, up to timeout seconds (0 = forever).
import type { CommandSpec } from '../command-spec.js';
import { blockingZpop } from './blocking-zpop.js';

export const bzpopmax = {
  name: 'bzpopmax',
  arity: -3,
  flags: ['write', 'noscript', 'blocking', 'fast'],
  categories: ['write', 'sortedset', 'fast', 'blocking'],
  keys: { first: 1, last: -2, step: 1 },
  docs: {
    summary:
      'Remove and return the member with the highest score from one or more sorted sets, or block until one is available',
    since: '5.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
  },
  handler(ctx) {
    blockingZpop(ctx, true);
  },
} satisfies CommandSpec;
