// ZREVRANK key member: the member's 0-based rank counting from the highest score, nil when absent.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { replyRank } from './reply-rank.js';

export const zrevrank = {
  name: 'zrevrank',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Determine the index of a member in a sorted set, with scores ordered from high to low',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N))',
  },
  handler(ctx) {
    replyRank(ctx, true);
  },
} satisfies CommandSpec;
