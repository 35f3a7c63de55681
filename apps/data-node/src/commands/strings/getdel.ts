// GETDEL key: replies with the value (nil when missing) and deletes the key.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readString, WRONG_TYPE } from './string-value.js';

export const getdel = {
  name: 'getdel',
  arity: 2,
  flags: ['write', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the value of a key and delete the key',
    since: '6.2.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const value = readString(ctx, key);
    if (value === WRONG_TYPE) return;
    if (value === undefined) {
      ctx.reply.nullBulk();
      return;
    }
    ctx.reply.bulk(value);
    ctx.db.delete(key);
  },
} satisfies CommandSpec;
