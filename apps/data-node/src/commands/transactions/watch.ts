// WATCH key [key ...]: EXEC of the next transaction fails if one of the keys changes first.
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';

export const watch = {
  name: 'watch',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  categories: ['fast', 'transaction'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Monitors changes to keys to determine the execution of a transaction.',
    since: '2.2.0',
    group: 'transactions',
    complexity: 'O(1) for every key.',
  },
  handler(ctx) {
    if (ctx.client.multi !== null) {
      ctx.error(Err.watchInMulti);
      return;
    }
    for (let i = 1; i < ctx.argc; i++) ctx.server.watch(ctx.client, ctx.arg(i));
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
