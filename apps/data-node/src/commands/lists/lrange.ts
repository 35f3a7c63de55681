// LRANGE key start stop: the elements from start to stop inclusive; negative indexes count from the tail,
// out-of-range indexes are clamped (redis src/t_list.c lrangeCommand: indexes are parsed before the lookup).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { rankWindow } from '../rank-window.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { readList, WRONG_TYPE } from './list-lookup.js';

export const lrange = {
  name: 'lrange',
  arity: 4,
  flags: ['readonly'],
  categories: ['read', 'list', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Returns a range of elements from a list.',
    since: '1.0.0',
    group: 'list',
    complexity:
      'O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.',
  },
  handler(ctx) {
    const start = parseInt64(ctx.arg(2));
    const stop = parseInt64(ctx.arg(3));
    if (start === null || stop === null) {
      ctx.error(Err.notInteger);
      return;
    }
    const list = readList(ctx, ctx.arg(1));
    if (list === WRONG_TYPE) return;
    const [lo, hi] = rankWindow(list === undefined ? 0 : list.size, start, stop);
    if (list === undefined || hi <= lo) {
      ctx.reply.arrayHeader(0);
      return;
    }
    const reply = ctx.reply;
    reply.arrayHeader(hi - lo);
    for (let i = lo; i < hi; i++) reply.bulk(list.at(i));
  },
} satisfies CommandSpec;
