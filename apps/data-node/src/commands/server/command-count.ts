// COMMAND COUNT: the number of top-level commands.
import type { CommandSpec } from '../command-spec.js';
import { COMMAND_BASE } from './command-base.js';

export const commandCount = {
  ...COMMAND_BASE,
  name: 'count',
  arity: 2,
  docs: { summary: 'Returns a count of commands.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(ctx) {
    ctx.reply.integer(ctx.server.commands.size);
  },
} satisfies CommandSpec;
