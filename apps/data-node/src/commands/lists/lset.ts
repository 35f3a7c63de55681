// LSET key index element: replaces the element at index; "no such key" for a missing key and
// "index out of range" past either end (redis src/t_list.c lsetCommand, in that order).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { WRONG_TYPE, writeList } from './list-lookup.js';

export const lset = {
  name: 'lset',
  arity: 4,
  flags: ['write', 'denyoom'],
  categories: ['write', 'list', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Sets the value of an element in a list by its index.',
    since: '1.0.0',
    group: 'list',
    complexity:
      'O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const list = writeList(ctx, key);
    if (list === WRONG_TYPE) return;
    if (list === undefined) {
      ctx.error(Err.noSuchKey);
      return;
    }
    let index = parseInt64(ctx.arg(2));
    if (index === null) {
      ctx.error(Err.notInteger);
      return;
    }
    if (index < 0) index += list.size;
    if (index < 0 || index >= list.size) {
      ctx.error(Err.outOfRange);
      return;
    }
    list.set(index, ctx.arg(3));
    ctx.db.modified(key, list);
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
