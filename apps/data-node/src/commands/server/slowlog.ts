// SLOWLOG GET | LEN | RESET | HELP: commands slower than slowlog-log-slower-than microseconds, recorded by
// the dispatcher (server/server-stats.ts recordSlow).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { helpSubcommand } from './help-subcommand.js';
import { slowlogGet } from './slowlog-get.js';
import { slowlogLen } from './slowlog-len.js';
import { slowlogReset } from './slowlog-reset.js';

const HELP = [
  'GET [<count>]',
  '    Return top <count> entries from the slowlog (default: 10, -1 mean all).',
  '    Entries are made of:',
  '    id, timestamp, time in microseconds, arguments array, client IP and port,',
  '    client name',
  'LEN',
  '    Return the length of the slowlog.',
  'RESET',
  '    Reset the slowlog.',
];

export const slowlog = {
  name: 'slowlog',
  arity: -2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for slow log commands.',
    since: '2.2.12',
    group: 'server',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [slowlogGet, slowlogLen, slowlogReset, helpSubcommand('slowlog', HELP)],
  handler(ctx) {
    ctx.error(Err.unknownSubcommand(ctx.argc > 1 ? ctx.arg(1) : '', 'slowlog'));
  },
} satisfies CommandSpec;
