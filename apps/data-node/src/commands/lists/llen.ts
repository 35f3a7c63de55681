// LLEN key: the length of the list, 0 when the key is missing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readList, WRONG_TYPE } from './list-lookup.js';

export const llen = {
  name: 'llen',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['read', 'list', 'fast'],
  keys: FIRST_KEY,
  docs: { summary: 'Returns the length of a list.', since: '1.0.0', group: 'list', complexity: 'O(1)' },
  handler(ctx) {
    const list = readList(ctx, ctx.arg(1));
    if (list === WRONG_TYPE) return;
    ctx.reply.integer(list === undefined ? 0 : list.size);
  },
} satisfies CommandSpec;
