// ZMSCORE key member [member ...]: the score of each member, nil for absent ones (a missing key is an
// empty set).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

export const zmscore = {
  name: 'zmscore',
  arity: -3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the score associated with the given members in a sorted set',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(N) where N is the number of members being requested.',
  },
  handler(ctx) {
    const zset = readZset(ctx, ctx.arg(1));
    if (zset === WRONG_TYPE) return;
    ctx.reply.arrayHeader(ctx.argc - 2);
    for (let i = 2; i < ctx.argc; i++) {
      const score = zset?.score(ctx.arg(i));
      if (score === undefined) ctx.reply.nullBulk();
      else ctx.reply.double(score);
    }
  },
} satisfies CommandSpec;
