// EXEC: runs the queued commands atomically and replies with an array of their replies; EXECABORT when a
// command was refused at queue time, a null reply when a WATCHed key changed (redis src/multi.c execCommand).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { endTransaction, watchedKeyExpired } from './transaction-state.js';

export const exec = {
  name: 'exec',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'skip_slowlog'],
  categories: ['slow', 'transaction'],
  keys: NO_KEYS,
  docs: {
    summary: 'Executes all commands in a transaction.',
    since: '1.2.0',
    group: 'transactions',
    complexity: 'Depends on commands in the transaction',
  },
  handler(ctx) {
    const client = ctx.client;
    const queued = client.multi;
    if (queued === null) {
      ctx.error(Err.execWithoutMulti);
      return;
    }
    if (client.multiDirty) {
      endTransaction(ctx.server, client);
      ctx.error(Err.execAbort);
      return;
    }
    if (client.watchDirty || watchedKeyExpired(ctx.server, client)) {
      endTransaction(ctx.server, client);
      ctx.reply.nullArray();
      return;
    }
    endTransaction(ctx.server, client);
    ctx.reply.arrayHeader(queued.length);
    const dispatcher = ctx.server.dispatcher;
    for (const command of queued) dispatcher.executeQueued(client, command.args);
    // executeQueued reused the shared context: restore it for the dispatcher's bookkeeping of EXEC itself.
    ctx.client = client;
    ctx.spec = exec;
    ctx.failed = false;
    ctx.blocked = false;
  },
} satisfies CommandSpec;
