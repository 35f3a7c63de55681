// QUIT: replies OK, then closes the connection once the reply is written.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const quit = {
  name: 'quit',
  arity: -1,
  flags: ['allow_busy', 'noscript', 'loading', 'stale', 'fast', 'no_auth'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: { summary: 'Closes the connection.', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx) {
    ctx.reply.simple('OK');
    ctx.client.transport.closeAfterReply(ctx.client);
  },
} satisfies CommandSpec;
