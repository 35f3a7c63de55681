// ZRANK key member: the member's 0-based rank by ascending score (ties by member bytes), nil when absent.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { replyRank } from './reply-rank.js';

export const zrank = {
  name: 'zrank',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Determine the index of a member in a sorted set',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N))',
  },
  handler(ctx) {
    replyRank(ctx, false);
  },
} satisfies CommandSpec;
