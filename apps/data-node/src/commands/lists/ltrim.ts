// LTRIM key start stop: keeps only the elements from start to stop inclusive (negative indexes count from
// the tail); an empty range deletes the key. Always OK, even for a missing key (redis lrangeCommand rules).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { rankWindow } from '../rank-window.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { WRONG_TYPE, writeList } from './list-lookup.js';

export const ltrim = {
  name: 'ltrim',
  arity: 4,
  flags: ['write'],
  categories: ['write', 'list', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Removes elements from both ends a list. Deletes the list if all elements were trimmed.',
    since: '1.0.0',
    group: 'list',
    complexity: 'O(N) where N is the number of elements to be removed by the operation.',
  },
  handler(ctx) {
    const start = parseInt64(ctx.arg(2));
    const stop = parseInt64(ctx.arg(3));
    if (start === null || stop === null) {
      ctx.error(Err.notInteger);
      return;
    }
    const key = ctx.arg(1);
    const list = writeList(ctx, key);
    if (list === WRONG_TYPE) return;
    if (list !== undefined) {
      const [lo, hi] = rankWindow(list.size, start, stop);
      if (hi <= lo) ctx.db.delete(key);
      else {
        list.keepRange(lo, hi - 1);
        ctx.db.modified(key, list);
      }
    }
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
