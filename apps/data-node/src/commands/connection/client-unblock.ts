// CLIENT UNBLOCK id [TIMEOUT|ERROR]: ends another connection's blocking command as if it timed out, or with
// an UNBLOCKED error. Replies 1 when that client was blocked, else 0.
import type { CommandSpec } from '../command-spec.js';
import { parseInt64 } from '../../util/int64.js';
import { Err } from '../reply-errors.js';
import { CLIENT_ADMIN } from './client-base.js';

export const clientUnblock = {
  ...CLIENT_ADMIN,
  name: 'unblock',
  arity: -3,
  docs: {
    summary: 'Unblocks a client blocked by a blocking command from a different connection.',
    since: '5.0.0',
    group: 'connection',
    complexity: 'O(log N) where N is the number of client connections',
  },
  handler(ctx) {
    if (ctx.argc > 4) {
      ctx.error(Err.subcommandSyntax(ctx.arg(1), 'CLIENT'));
      return;
    }
    let error: string | undefined;
    if (ctx.argc === 4) {
      const reason = ctx.option(3);
      if (reason === 'ERROR') error = Err.unblocked;
      else if (reason !== 'TIMEOUT') {
        ctx.error(Err.unblockReason);
        return;
      }
    }
    const id = parseInt64(ctx.arg(2));
    if (id === null) {
      ctx.error(Err.notInteger);
      return;
    }
    const target = ctx.server.clients.get(id);
    const unblocked = target !== undefined && ctx.server.blocking.cancel(target, error);
    ctx.reply.integer(unblocked ? 1 : 0);
  },
} satisfies CommandSpec;
