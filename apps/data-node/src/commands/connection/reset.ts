// RESET: returns the connection to its initial state (redis src/networking.c clearClientConnectionState):
// leaves MULTI and every WATCH, drops subscriptions without notifications, speaks RESP2 again, loses its
// name, READONLY, ASKING and CLIENT REPLY mode, and is deauthenticated when a password is required.
// Replies +RESET.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { ReplyMode } from '../../server/client-state.js';
import { endTransaction } from '../transactions/transaction-state.js';
import { DEFAULT_USER } from './authenticate.js';

export const reset = {
  name: 'reset',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: 'Resets the connection.',
    since: '6.2.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const server = ctx.server;
    const client = ctx.client;
    client.db = 0;
    client.writer.protocol = 2;
    client.user = DEFAULT_USER;
    const authenticated = !server.requiresAuth;
    if (client.authenticated !== authenticated) {
      client.authenticated = authenticated;
      client.transport.authenticationChanged(client);
    }
    endTransaction(server, client);
    server.pubsub.removeClient(client);
    client.name = '';
    client.asking = false;
    client.readonly = false;
    client.replyMode = ReplyMode.on;
    ctx.reply.simple('RESET');
  },
} satisfies CommandSpec;
