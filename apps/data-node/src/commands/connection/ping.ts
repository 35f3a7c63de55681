// PING [message]: PONG, or the message as a bulk string. In the RESP2 pub/sub context it answers
// ["pong", message] (redis src/server.c pingCommand).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const ping = {
  name: 'ping',
  arity: -1,
  flags: ['fast'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: "Returns the server's liveliness response.",
    since: '1.0.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (ctx.argc > 2) {
      ctx.error("ERR wrong number of arguments for 'ping' command");
      return;
    }
    const w = ctx.reply;
    if (ctx.client.protocol === 2 && ctx.client.subscriptionCount !== 0) {
      w.arrayHeader(2);
      w.bulk('pong');
      w.bulk(ctx.argc === 2 ? (ctx.args[1] as Buffer) : '');
      return;
    }
    if (ctx.argc === 2) w.bulk(ctx.args[1] as Buffer);
    else w.simple('PONG');
  },
} satisfies CommandSpec;
