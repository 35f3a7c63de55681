// ZPOPMAX key [count]: removes and returns up to count members with the highest scores, highest first.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { zpop } from './zpop.js';

export const zpopmax = {
  name: 'zpopmax',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['write', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Remove and return members with the highest scores in a sorted set',
    since: '5.0.0',
    group: 'sorted-set',
    complexity:
      'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
  },
  handler(ctx) {
    zpop(ctx, true);
  },
} satisfies CommandSpec;
