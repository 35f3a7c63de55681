// SLOWLOG RESET: empties the slow log (ids keep increasing, like Redis).
import type { CommandSpec } from '../command-spec.js';
import { SLOWLOG_ADMIN } from './slowlog-base.js';

export const slowlogReset = {
  ...SLOWLOG_ADMIN,
  name: 'reset',
  arity: 2,
  docs: {
    summary: 'Clears all entries from the slow log.',
    since: '2.2.12',
    group: 'server',
    complexity: 'O(N) where N is the number of entries in the slowlog',
  },
  handler(ctx) {
    ctx.server.stats.slowlog.reset();
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
