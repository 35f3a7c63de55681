// SLOWLOG LEN: the number of entries in the slow log.
import type { CommandSpec } from '../command-spec.js';
import { SLOWLOG_ADMIN } from './slowlog-base.js';

export const slowlogLen = {
  ...SLOWLOG_ADMIN,
  name: 'len',
  arity: 2,
  docs: {
    summary: 'Returns the number of entries in the slow log.',
    since: '2.2.12',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ctx.reply.integer(ctx.server.stats.slowlog.length);
  },
} satisfies CommandSpec;
