// SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA]: SORT without STORE,
// flagged read-only so it may run on replicas (see sort-command.ts).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { sortCommand } from './sort-command.js';

export const sortRo = {
  name: 'sort_ro',
  arity: -2,
  flags: ['readonly'],
  categories: ['read', 'set', 'sortedset', 'list', 'slow', 'dangerous'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Sort the elements in a list, set or sorted set. Read-only variant of SORT.',
    since: '7.0.0',
    group: 'generic',
    complexity: 'O(N+M*log(M)) where N is the number of elements to sort, and M the number returned.',
  },
  handler(ctx) {
    sortCommand(ctx, true);
  },
} satisfies CommandSpec;
