// COMMAND INFO [name ...]: the info entry of each named command (a null for unknown names), or of every
// command when none is named. A name may be `container|sub`.
import type { CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_BASE } from './command-base.js';
import { writeCommandInfo } from './command-reply.js';

/** Writes every top-level command's info (also plain COMMAND). */
export function writeAllCommandInfo(ctx: CommandContext): void {
  const all = ctx.server.commands.all();
  ctx.reply.arrayHeader(all.length);
  for (const spec of all) writeCommandInfo(ctx.reply, spec, spec.name);
}

/** Finds `name` or `container|sub`; undefined when unknown. */
export function findCommand(ctx: CommandContext, name: string): CommandSpec | undefined {
  const table = ctx.server.commands;
  const bar = name.indexOf('|');
  if (bar === -1) return table.lookup(name);
  const container = table.lookup(name.slice(0, bar));
  return container === undefined ? undefined : table.lookupSubcommand(container, name.slice(bar + 1));
}

export const commandInfo = {
  ...COMMAND_BASE,
  name: 'info',
  arity: -2,
  docs: {
    summary: 'Returns information about one, multiple or all commands.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(N) where N is the number of commands to look up',
  },
  handler(ctx) {
    if (ctx.argc === 2) {
      writeAllCommandInfo(ctx);
      return;
    }
    ctx.reply.arrayHeader(ctx.argc - 2);
    for (let i = 2; i < ctx.argc; i++) {
      const name = ctx.arg(i).toLowerCase();
      const spec = findCommand(ctx, name);
      if (spec === undefined)
        ctx.reply.nullBulk(); // Redis: $-1 (RESP3 _)
      else writeCommandInfo(ctx.reply, spec, name);
    }
  },
} satisfies CommandSpec;
