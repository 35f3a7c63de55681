// ZCOUNT key min max: how many members have a score in the range (`(` for exclusive ends, -inf/+inf);
// the range is parsed before the key is read.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { parseScoreRange, scoreWindow } from './range-bounds.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

export const zcount = {
  name: 'zcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Count the members in a sorted set with scores within the given values',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
  },
  handler(ctx) {
    const range = parseScoreRange(ctx.arg(2), ctx.arg(3));
    if (range === null) return ctx.error(Err.scoreRange);
    const zset = readZset(ctx, ctx.arg(1));
    if (zset === WRONG_TYPE) return;
    if (zset === undefined) return ctx.reply.integer(0);
    const [lo, hi] = scoreWindow(zset, range);
    ctx.reply.integer(Math.max(0, hi - lo));
  },
} satisfies CommandSpec;
