// CLIENT INFO: the CLIENT LIST line of this connection, as a verbatim string (RESP2: a bulk string).
import type { CommandSpec } from '../command-spec.js';
import { CLIENT_BASE } from './client-base.js';
import { describeClient } from './client-description.js';

export const clientInfo = {
  ...CLIENT_BASE,
  name: 'info',
  arity: 2,
  docs: {
    summary: 'Returns information about the connection.',
    since: '6.2.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const current = { client: ctx.client, fullName: 'client|info', args: ctx.args };
    ctx.reply.verbatim(`${describeClient(ctx.server, ctx.client, current)}\n`);
  },
} satisfies CommandSpec;
