// ECHO message: the message back as a bulk string.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const echo = {
  name: 'echo',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: { summary: 'Returns the given string.', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx) {
    ctx.reply.bulk(ctx.args[1] as Buffer);
  },
} satisfies CommandSpec;
