// ZSCORE key member: the member's score (a double in RESP3, its %.17g text in RESP2), nil when absent.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

export const zscore = {
  name: 'zscore',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the score associated with the given member in a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const zset = readZset(ctx, ctx.arg(1));
    if (zset === WRONG_TYPE) return;
    const score = zset?.score(ctx.arg(2));
    if (score === undefined) ctx.reply.nullBulk();
    else ctx.reply.double(score);
  },
} satisfies CommandSpec;
