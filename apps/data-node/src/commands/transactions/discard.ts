// DISCARD: drops the queued commands of a transaction and every WATCH.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { endTransaction } from './transaction-state.js';

export const discard = {
  name: 'discard',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  categories: ['fast', 'transaction'],
  keys: NO_KEYS,
  docs: {
    summary: 'Discards a transaction.',
    since: '2.0.0',
    group: 'transactions',
    complexity: 'O(N), when N is the number of queued commands',
  },
  handler(ctx) {
    if (ctx.client.multi === null) {
      ctx.error(Err.discardWithoutMulti);
      return;
    }
    endTransaction(ctx.server, ctx.client);
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
