// UNWATCH: forgets every watched key of the connection.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const unwatch = {
  name: 'unwatch',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  categories: ['fast', 'transaction'],
  keys: NO_KEYS,
  docs: {
    summary: 'Forgets about watched keys of a transaction.',
    since: '2.2.0',
    group: 'transactions',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ctx.server.unwatchAll(ctx.client);
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
