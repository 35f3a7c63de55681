// COMMAND GETKEYS command [arg ...]: the keys a full command line would touch, from the spec's key positions
// (redis src/server.c getKeysSubcommandImpl, same checks and texts). Never runs the command.
import type { CommandSpec } from '../command-spec.js';
import { keyIndexes } from '../command-table.js';
import { Err } from '../reply-errors.js';
import { COMMAND_BASE } from './command-base.js';

export const commandGetkeys = {
  ...COMMAND_BASE,
  name: 'getkeys',
  arity: -4,
  docs: {
    summary: 'Extracts the key names from an arbitrary command.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(N) where N is the number of arguments to the command',
  },
  handler(ctx) {
    const args = ctx.args.slice(2);
    const table = ctx.server.commands;
    let spec = table.lookup(ctx.arg(2));
    if (spec?.subcommands !== undefined) {
      spec = args.length >= 2 ? table.lookupSubcommand(spec, ctx.arg(3)) : undefined;
    }
    if (spec === undefined) {
      ctx.error(Err.invalidCommand);
      return;
    }
    if (spec.getKeys === undefined && spec.keys.first === 0) {
      ctx.error(Err.noKeyArguments);
      return;
    }
    if ((spec.arity > 0 && spec.arity !== args.length) || args.length < -spec.arity) {
      ctx.error(Err.invalidArgumentCount);
      return;
    }
    let indexes: number[];
    try {
      indexes = keyIndexes(spec, args).filter((i) => i > 0 && i < args.length);
    } catch {
      indexes = []; // a key extractor refusing malformed arguments
    }
    if (indexes.length === 0 && !spec.flags.includes('no_mandatory_keys')) {
      ctx.error(Err.invalidArguments);
      return;
    }
    ctx.reply.arrayHeader(indexes.length);
    for (const i of indexes) ctx.reply.bulk(args[i] as Buffer);
  },
} satisfies CommandSpec;
