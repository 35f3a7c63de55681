// COMMAND [COUNT | INFO | DOCS | GETKEYS | LIST | HELP]: introspection of the command table. Without a
// subcommand, every command's info entry (redis-cli reads it at start-up to complete its help).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { commandCount } from './command-count.js';
import { commandDocs } from './command-docs.js';
import { commandGetkeys } from './command-getkeys.js';
import { commandInfo, writeAllCommandInfo } from './command-info.js';
import { commandList } from './command-list.js';
import { helpSubcommand } from './help-subcommand.js';

const HELP = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
];

export const command = {
  name: 'command',
  arity: -1,
  flags: ['loading', 'stale'],
  categories: ['slow', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: 'Returns detailed information about all commands.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(N) where N is the total number of Redis commands',
  },
  subcommands: [
    commandCount,
    commandInfo,
    commandDocs,
    commandGetkeys,
    commandList,
    helpSubcommand('command', HELP, ['slow', 'connection']),
  ],
  handler(ctx) {
    if (ctx.argc === 1) writeAllCommandInfo(ctx);
    else ctx.error(Err.unknownSubcommand(ctx.arg(1), 'command'));
  },
} satisfies CommandSpec;
