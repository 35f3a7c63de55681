// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]: stops the process through `server.lifecycle` (listeners
// closed, clients flushed and closed, exit 0). Like Redis it sends no reply on success: the connection just
// closes. SAVE cannot be honoured without persistence, so it fails unless FORCE is given (Redis: a failed
// save aborts the shutdown unless FORCE). No shutdown is ever pending, so ABORT has nothing to abort.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';

export const shutdown = {
  name: 'shutdown',
  arity: -1,
  flags: ['admin', 'noscript', 'loading', 'stale', 'no_multi', 'allow_busy'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Synchronously saves the database(s) to disk and shuts down the Redis server.',
    since: '1.0.0',
    group: 'server',
    complexity:
      'O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)',
  },
  handler(ctx) {
    const options = new Set<string>();
    for (let i = 1; i < ctx.argc; i++) {
      const option = ctx.option(i);
      if (!['NOSAVE', 'SAVE', 'NOW', 'FORCE', 'ABORT'].includes(option)) {
        ctx.error(Err.syntax);
        return;
      }
      options.add(option);
    }
    const abort = options.has('ABORT');
    if ((abort && options.size > 1) || (options.has('SAVE') && options.has('NOSAVE'))) {
      ctx.error(Err.syntax);
      return;
    }
    if (abort) {
      ctx.error(Err.noShutdownInProgress);
      return;
    }
    if (options.has('SAVE') && !options.has('FORCE')) {
      ctx.error(Err.shutdownSaveImpossible);
      return;
    }
    ctx.server.lifecycle.shutdown(`SHUTDOWN from client ${ctx.client.id} (${ctx.client.addr})`);
  },
} satisfies CommandSpec;
