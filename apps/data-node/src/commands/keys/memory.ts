// MEMORY USAGE|HELP: the container (DOCTOR, STATS, PURGE and MALLOC-STATS are not served yet).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { memoryHelp } from './memory-help.js';
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
  subcommands: [memoryUsage, memoryHelp],
  handler(ctx) {
    ctx.error(Err.unknownSubcommand(ctx.argc > 1 ? ctx.arg(1) : '', 'memory'));
  },
} satisfies CommandSpec;
