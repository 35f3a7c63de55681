// LASTSAVE: unix time of the last successful save. With no persistence yet, the time the node started.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const lastsave = {
  name: 'lastsave',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  categories: ['admin', 'fast', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Returns the Unix timestamp of the last successful save to disk.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ctx.reply.integer(ctx.server.lastSave);
  },
} satisfies CommandSpec;
