// LREM key count element: removes the first count occurrences of element from the head (count > 0), the
// last -count from the tail (count < 0) or all of them (0); replies with how many were removed.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { listShrunk, WRONG_TYPE, writeList } from './list-lookup.js';

export const lrem = {
  name: 'lrem',
  arity: 4,
  flags: ['write'],
  categories: ['write', 'list', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Removes elements from a list. Deletes the list if the last element was removed.',
    since: '1.0.0',
    group: 'list',
    complexity: 'O(N+M) where N is the length of the list and M is the number of elements removed.',
  },
  handler(ctx) {
    const count = parseInt64(ctx.arg(2));
    if (count === null) {
      ctx.error(Err.notInteger);
      return;
    }
    const key = ctx.arg(1);
    const list = writeList(ctx, key);
    if (list === WRONG_TYPE) return;
    if (list === undefined) {
      ctx.reply.integer(0);
      return;
    }
    const removed = list.removeEqual(ctx.arg(3), Math.abs(count), count < 0);
    if (removed !== 0) listShrunk(ctx, key, list);
    ctx.reply.integer(removed);
  },
} satisfies CommandSpec;
