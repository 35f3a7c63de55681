// ZREM key member [member ...]: removes the members and replies with how many were there; the key goes
// when its last member does.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { WRONG_TYPE, writeZset, zsetShrunk } from './zset-lookup.js';

export const zrem = {
  name: 'zrem',
  arity: -3,
  flags: ['write', 'fast'],
  categories: ['write', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Remove one or more members from a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity:
      'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const zset = writeZset(ctx, key);
    if (zset === WRONG_TYPE) return;
    if (zset === undefined) return ctx.reply.integer(0);
    let removed = 0;
    for (let i = 2; i < ctx.argc && zset.size !== 0; i++) if (zset.remove(ctx.arg(i))) removed++;
    if (removed !== 0) zsetShrunk(ctx, key, zset);
    ctx.reply.integer(removed);
  },
} satisfies CommandSpec;
