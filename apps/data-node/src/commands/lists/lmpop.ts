// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]: pops up to count elements from the first non-empty
// list, replying [key, [elements...]], or a null array when every list is empty.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { ListValue } from '../../keyspace/list-value.js';
import { mpopKeys, parseMpop } from './parse-mpop.js';
import { replyPopped } from './pop-elements.js';

export const lmpop = {
  name: 'lmpop',
  arity: -4,
  flags: ['write'],
  categories: ['write', 'list', 'slow'],
  keys: NO_KEYS,
  getKeys: mpopKeys(1),
  docs: {
    summary:
      'Returns multiple elements from a list after removing them. Deletes the list if the last element was popped.',
    since: '7.0.0',
    group: 'list',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
  },
  handler(ctx) {
    const parsed = parseMpop(ctx, 1);
    if (parsed === null) return;
    for (let i = 2; i < 2 + parsed.numKeys; i++) {
      const key = ctx.arg(i);
      const value = ctx.db.lookupWrite(key);
      if (value === undefined) continue;
      if (!(value instanceof ListValue)) {
        ctx.error(Err.wrongType);
        return;
      }
      ctx.reply.arrayHeader(2);
      ctx.reply.bulk(key);
      replyPopped(ctx, key, value, parsed.end, parsed.count);
      return;
    }
    ctx.reply.nullArray();
  },
} satisfies CommandSpec;
