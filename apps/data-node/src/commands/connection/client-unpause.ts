// CLIENT UNPAUSE: ends a CLIENT PAUSE now; held commands run in order.
import type { CommandSpec } from '../command-spec.js';
import { clientPauseOf } from '../../server/client-pause.js';
import { CLIENT_ADMIN } from './client-base.js';

export const clientUnpause = {
  ...CLIENT_ADMIN,
  name: 'unpause',
  arity: 2,
  docs: {
    summary: 'Resumes processing commands from paused clients.',
    since: '6.2.0',
    group: 'connection',
    complexity: 'O(N) Where N is the number of paused clients',
  },
  handler(ctx) {
    clientPauseOf(ctx.server).unpause();
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
