// GET key: the string value, nil when missing, WRONGTYPE for other types.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readString, WRONG_TYPE } from './string-value.js';

export const get = {
  name: 'get',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['read', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Returns the string value of a key.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const value = readString(ctx, ctx.arg(1));
    if (value === WRONG_TYPE) return;
    if (value === undefined) ctx.reply.nullBulk();
    else ctx.reply.bulk(value);
  },
} satisfies CommandSpec;
