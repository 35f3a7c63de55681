// MEMORY USAGE|PURGE|HELP, and STATS|DOCTOR|MALLOC-STATS from the server family: the container.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { memoryServerSubcommands } from '../server/index.js';
import { memoryHelp } from './memory-help.js';
import { memoryPurge } from './memory-purge.js';
import { memoryUsage } from './memory-usage.js';

export const memory = {
  name: 'memory',
  arity: -2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for memory diagnostics commands',
    since: '4.0.0',
    group: 'server',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [memoryUsage, memoryPurge, ...memoryServerSubcommands, memoryHelp],
  handler(ctx) {
    ctx.error(Err.unknownSubcommand(ctx.argc > 1 ? ctx.arg(1) : '', 'memory'));
  },
} satisfies CommandSpec;
