// LINDEX key index: the element at index (negative counts from the tail), nil when out of range.
// Redis looks the key up before parsing the index, so a missing key answers nil even for a bad index.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { readList, WRONG_TYPE } from './list-lookup.js';

export const lindex = {
  name: 'lindex',
  arity: 3,
  flags: ['readonly'],
  categories: ['read', 'list', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Returns an element from a list by its index.',
    since: '1.0.0',
    group: 'list',
    complexity:
      'O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).',
  },
  handler(ctx) {
    const list = readList(ctx, ctx.arg(1));
    if (list === WRONG_TYPE) return;
    if (list === undefined) {
      ctx.reply.nullBulk();
      return;
    }
    let index = parseInt64(ctx.arg(2));
    if (index === null) {
      ctx.error(Err.notInteger);
      return;
    }
    if (index < 0) index += list.size;
    if (index < 0 || index >= list.size) ctx.reply.nullBulk();
    else ctx.reply.bulk(list.at(index));
  },
} satisfies CommandSpec;
