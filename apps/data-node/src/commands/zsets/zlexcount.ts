// ZLEXCOUNT key min max: how many members lie in the lex range (`[x`, `(x`, `-`, `+`), for sets whose
// members all have the same score; the range is parsed before the key is read.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { lexWindow, parseLexRange } from './range-bounds.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

export const zlexcount = {
  name: 'zlexcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  categories: ['read', 'sortedset', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Count the number of members in a sorted set between a given lexicographical range',
    since: '2.8.9',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
  },
  handler(ctx) {
    const range = parseLexRange(ctx.arg(2), ctx.arg(3));
    if (range === null) return ctx.error(Err.lexRange);
    const zset = readZset(ctx, ctx.arg(1));
    if (zset === WRONG_TYPE) return;
    if (zset === undefined) return ctx.reply.integer(0);
    const [lo, hi] = lexWindow(zset, range);
    ctx.reply.integer(Math.max(0, hi - lo));
  },
} satisfies CommandSpec;
