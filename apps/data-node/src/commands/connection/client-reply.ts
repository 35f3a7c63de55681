// CLIENT REPLY ON|OFF|SKIP: stops replies to this connection (OFF), or to its next command only (SKIP).
// Only ON replies; the connection (client-connection.ts) drops what the other modes' commands write.
import type { CommandSpec } from '../command-spec.js';
import { ReplyMode } from '../../server/client-state.js';
import { Err } from '../reply-errors.js';
import { CLIENT_BASE } from './client-base.js';

export const clientReply = {
  ...CLIENT_BASE,
  name: 'reply',
  arity: 3,
  docs: {
    summary: 'Instructs the server whether to reply to commands.',
    since: '3.2.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const client = ctx.client;
    switch (ctx.option(2)) {
      case 'ON':
        client.replyMode = ReplyMode.on;
        ctx.reply.simple('OK');
        return;
      case 'OFF':
        client.replyMode = ReplyMode.off;
        return;
      case 'SKIP':
        // Redis ignores SKIP while replies are off.
        if (client.replyMode !== ReplyMode.off) client.replyMode = ReplyMode.skip;
        return;
      default:
        ctx.error(Err.syntax);
    }
  },
} satisfies CommandSpec;
