// TYPE key: string, list, set, zset or hash as a simple string; `none` when the key does not exist.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { kindOf } from '../../keyspace/values.js';

export const type = {
  name: 'type',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['keyspace', 'read', 'fast'],
  keys: FIRST_KEY,
  docs: { summary: 'Determine the type stored at key', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx) {
    const value = ctx.db.lookupReadNoTouch(ctx.arg(1));
    ctx.reply.simple(value === undefined ? 'none' : kindOf(value));
  },
} satisfies CommandSpec;
