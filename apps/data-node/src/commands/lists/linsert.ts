// LINSERT key BEFORE|AFTER pivot element: inserts next to the first pivot from the head; replies with the
// new length, -1 when the pivot is absent, 0 when the key is. BEFORE/AFTER is checked before the key.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { WRONG_TYPE, writeList } from './list-lookup.js';

export const linsert = {
  name: 'linsert',
  arity: 5,
  flags: ['write', 'denyoom'],
  categories: ['write', 'list', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Inserts an element before or after another element in a list.',
    since: '2.2.0',
    group: 'list',
    complexity:
      'O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).',
  },
  handler(ctx) {
    const where = ctx.option(2);
    if (where !== 'BEFORE' && where !== 'AFTER') {
      ctx.error(Err.syntax);
      return;
    }
    const key = ctx.arg(1);
    const list = writeList(ctx, key);
    if (list === WRONG_TYPE) return;
    if (list === undefined) {
      ctx.reply.integer(0);
      return;
    }
    const pivot = list.indexOf(ctx.arg(3));
    if (pivot === -1) {
      ctx.reply.integer(-1);
      return;
    }
    list.insert(where === 'BEFORE' ? pivot : pivot + 1, ctx.arg(4));
    ctx.db.modified(key, list);
    ctx.reply.integer(list.size);
  },
} satisfies CommandSpec;
