// ZCARD key: the number of members, 0 for a missing key.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

export const zcard = {
  name: 'zcard',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the number of members in a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const zset = readZset(ctx, ctx.arg(1));
    if (zset !== WRONG_TYPE) ctx.reply.integer(zset === undefined ? 0 : zset.size);
  },
} satisfies CommandSpec;
