// HMGET key field [field ...]: an array with each field's value or nil (all nil when the key is missing).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readHash, WRONG_TYPE } from './hash-lookup.js';

export const hmget = {
  name: 'hmget',
  arity: -3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the values of all the given hash fields',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields being requested.',
  },
  handler(ctx) {
    const hash = readHash(ctx, ctx.arg(1));
    if (hash === WRONG_TYPE) return;
    const reply = ctx.reply;
    reply.arrayHeader(ctx.argc - 2);
    for (let i = 2; i < ctx.argc; i++) {
      const value = hash?.get(ctx.arg(i));
      if (value === undefined) reply.nullBulk();
      else reply.bulk(value);
    }
  },
} satisfies CommandSpec;
