// TIME: the server's clock as [unix seconds, microseconds], both bulk strings.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const time = {
  name: 'time',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  categories: ['fast'],
  keys: NO_KEYS,
  docs: { summary: 'Returns the server time.', since: '2.6.0', group: 'server', complexity: 'O(1)' },
  handler(ctx) {
    // Date.now() has millisecond resolution; performance.timeOrigin + now() adds the microseconds.
    const usec = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    ctx.reply.arrayHeader(2);
    ctx.reply.bulk(String(Math.floor(usec / 1e6)));
    ctx.reply.bulk(String(usec % 1e6));
  },
} satisfies CommandSpec;
