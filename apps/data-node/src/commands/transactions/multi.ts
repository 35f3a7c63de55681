// MULTI: starts a transaction; following commands are queued (dispatcher.ts) until EXEC or DISCARD.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';

export const multi = {
  name: 'multi',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  categories: ['fast', 'transaction'],
  keys: NO_KEYS,
  docs: { summary: 'Starts a transaction.', since: '1.2.0', group: 'transactions', complexity: 'O(1)' },
  handler(ctx) {
    if (ctx.client.multi !== null) {
      ctx.error(Err.multiNested);
      return;
    }
    ctx.client.multi = [];
    ctx.client.multiDirty = false;
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
