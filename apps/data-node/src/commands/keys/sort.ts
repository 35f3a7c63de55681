// SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE destination]:
// the sorted elements, or with STORE their count, stored as a list (see sort-command.ts).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { sortCommand } from './sort-command.js';
import { sortKeyIndexes } from './sort-options.js';

export const sort = {
  name: 'sort',
  arity: -2,
  flags: ['write', 'denyoom'],
  categories: ['write', 'set', 'sortedset', 'list', 'slow', 'dangerous'],
  keys: FIRST_KEY,
  getKeys: sortKeyIndexes,
  docs: {
    summary: 'Sort the elements in a list, set or sorted set',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N+M*log(M)) where N is the number of elements to sort, and M the number returned.',
  },
  handler(ctx) {
    sortCommand(ctx, false);
  },
} satisfies CommandSpec;
