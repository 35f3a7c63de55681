// OBJECT HELP: the subcommand list, worded as redis-server's.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

const HELP = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
  'HELP',
  '    Prints this help.',
];

export const objectHelp = {
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  categories: ['keyspace', 'slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Show helpful text about the different subcommands',
    since: '6.2.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ctx.reply.arrayHeader(HELP.length);
    for (const line of HELP) ctx.reply.simple(line);
  },
} satisfies CommandSpec;
