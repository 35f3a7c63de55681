// STRLEN key: the length of the string in bytes, 0 when the key is missing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readString, WRONG_TYPE } from './string-value.js';

export const strlen = {
  name: 'strlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['read', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the length of the value stored in a key',
    since: '2.2.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const value = readString(ctx, ctx.arg(1));
    if (value === WRONG_TYPE) return;
    ctx.reply.integer(value === undefined ? 0 : value.length);
  },
} satisfies CommandSpec;
