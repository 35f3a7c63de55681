// MEMORY HELP: the subcommand list, worded as redis-server's.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

const HELP = [
  'MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
  'HELP',
  '    Prints this help.',
];

export const memoryHelp = {
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Show helpful text about the different subcommands',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ctx.reply.arrayHeader(HELP.length);
    for (const line of HELP) ctx.reply.simple(line);
  },
} satisfies CommandSpec;
