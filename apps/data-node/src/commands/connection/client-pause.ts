// CLIENT PAUSE timeout [WRITE|ALL]: holds back the commands of every client (ALL, the default) or only
// those that may write, for `timeout` milliseconds (server/client-pause.ts). The mode is checked before the
// timeout, as in Redis.
import type { CommandSpec } from '../command-spec.js';
import { clientPauseOf, PauseMode } from '../../server/client-pause.js';
import { parseInt64 } from '../../util/int64.js';
import { Err } from '../reply-errors.js';
import { CLIENT_ADMIN } from './client-base.js';

export const clientPause = {
  ...CLIENT_ADMIN,
  name: 'pause',
  arity: -3,
  docs: { summary: 'Suspends commands processing.', since: '3.0.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx) {
    if (ctx.argc > 4) {
      ctx.error(Err.subcommandSyntax(ctx.arg(1), 'CLIENT'));
      return;
    }
    let mode: PauseMode = PauseMode.all;
    if (ctx.argc === 4) {
      const option = ctx.option(3);
      if (option === 'WRITE') mode = PauseMode.write;
      else if (option !== 'ALL') {
        ctx.error(Err.pauseMode);
        return;
      }
    }
    const timeout = parseInt64(ctx.arg(2));
    if (timeout === null) {
      ctx.error(Err.timeoutNotInteger);
      return;
    }
    if (timeout < 0) {
      ctx.error(Err.timeoutNegative);
      return;
    }
    clientPauseOf(ctx.server).pause(timeout, mode);
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
