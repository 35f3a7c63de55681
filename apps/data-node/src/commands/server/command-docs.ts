// COMMAND DOCS [name ...]: a map from command name to its documentation (unknown names are left out), or
// every command's when none is named.
import type { CommandSpec } from '../command-spec.js';
import { COMMAND_BASE } from './command-base.js';
import { findCommand } from './command-info.js';
import { writeCommandDocs } from './command-reply.js';

export const commandDocs = {
  ...COMMAND_BASE,
  name: 'docs',
  arity: -2,
  docs: {
    summary: 'Returns documentary information about one, multiple or all commands.',
    since: '7.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of commands to look up',
  },
  handler(ctx) {
    const found: [string, CommandSpec][] = [];
    if (ctx.argc === 2) {
      for (const spec of ctx.server.commands.all()) found.push([spec.name, spec]);
    } else {
      for (let i = 2; i < ctx.argc; i++) {
        const name = ctx.arg(i).toLowerCase();
        const spec = findCommand(ctx, name);
        if (spec !== undefined) found.push([name, spec]);
      }
    }
    ctx.reply.mapHeader(found.length);
    for (const [name, spec] of found) {
      ctx.reply.bulk(name);
      writeCommandDocs(ctx.reply, spec, name);
    }
  },
} satisfies CommandSpec;
