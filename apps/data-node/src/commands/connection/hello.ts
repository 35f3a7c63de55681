// HELLO [protover [AUTH username password] [SETNAME clientname]]: switches the RESP version, optionally
// authenticating and naming the connection at once, and replies with the server's identity as a map
// (redis src/networking.c helloCommand, 7.0). The reply is written in the new protocol.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { parseInt64 } from '../../util/int64.js';
import { Err } from '../reply-errors.js';
import { REDIS_VERSION } from '../server/server-identity.js';
import { authenticate } from './authenticate.js';
import { isValidClientAttribute } from './client-name.js';
import { redactArgument } from './redact-argument.js';

export const hello = {
  name: 'hello',
  arity: -1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: 'Handshakes with the Redis server.',
    since: '6.0.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    let version = 0;
    if (ctx.argc >= 2) {
      const parsed = parseInt64(ctx.arg(1));
      if (parsed === null || !Number.isSafeInteger(parsed)) {
        ctx.error(Err.protocolVersionNotInteger);
        return;
      }
      if (parsed < 2 || parsed > 3) {
        ctx.error(Err.noProto);
        return;
      }
      version = parsed;
    }
    let credentials: [string, string] | null = null;
    let name: string | null = null;
    for (let i = 2; i < ctx.argc; i++) {
      const option = ctx.option(i);
      const more = ctx.argc - 1 - i;
      if (option === 'AUTH' && more >= 2) {
        credentials = [ctx.arg(i + 1), ctx.arg(i + 2)];
        redactArgument(ctx, i + 1);
        redactArgument(ctx, i + 2);
        i += 2;
      } else if (option === 'SETNAME' && more >= 1) {
        name = ctx.arg(++i);
        if (!isValidClientAttribute(name)) {
          ctx.error(Err.invalidClientName);
          return;
        }
      } else {
        ctx.error(Err.helloSyntax(ctx.arg(i)));
        return;
      }
    }
    const client = ctx.client;
    if (credentials !== null && !authenticate(ctx, credentials[0], credentials[1])) return;
    if (!client.authenticated) {
      ctx.error(Err.helloNoAuth);
      return;
    }
    if (name !== null) client.name = name;
    if (version !== 0) client.writer.protocol = version as 2 | 3;
    const w = ctx.reply;
    w.mapHeader(7);
    w.bulk('server');
    w.bulk('redis');
    w.bulk('version');
    w.bulk(REDIS_VERSION);
    w.bulk('proto');
    w.integer(client.protocol);
    w.bulk('id');
    w.integer(client.id);
    w.bulk('mode');
    w.bulk(ctx.server.config.getBool('cluster-enabled') ? 'cluster' : 'standalone');
    w.bulk('role');
    w.bulk('master');
    w.bulk('modules');
    w.arrayHeader(0);
  },
} satisfies CommandSpec;
