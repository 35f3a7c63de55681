// HGET key field: the value, nil when the field or the key is missing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readHash, WRONG_TYPE } from './hash-lookup.js';

export const hget = {
  name: 'hget',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: { summary: 'Get the value of a hash field', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx) {
    const hash = readHash(ctx, ctx.arg(1));
    if (hash === WRONG_TYPE) return;
    const value = hash?.get(ctx.arg(2));
    if (value === undefined) ctx.reply.nullBulk();
    else ctx.reply.bulk(value);
  },
} satisfies CommandSpec;
