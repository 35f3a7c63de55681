// ZPOPMIN key [count]: removes and returns up to count members with the lowest scores (one without count).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { zpop } from './zpop.js';

export const zpopmin = {
  name: 'zpopmin',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['write', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Remove and return members with the lowest scores in a sorted set',
    since: '5.0.0',
    group: 'sorted-set',
    complexity:
      'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
  },
  handler(ctx) {
    zpop(ctx, false);
  },
} satisfies CommandSpec;
