// CONFIG GET | SET | REWRITE | RESETSTAT | HELP: the run-time configuration (one file per subcommand).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { configGet } from './config-get.js';
import { configResetstat } from './config-resetstat.js';
import { configRewrite } from './config-rewrite.js';
import { configSet } from './config-set.js';
import { helpSubcommand } from './help-subcommand.js';

const HELP = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

export const config = {
  name: 'config',
  arity: -2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for server configuration commands.',
    since: '2.0.0',
    group: 'server',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [configGet, configSet, configRewrite, configResetstat, helpSubcommand('config', HELP)],
  handler(ctx) {
    ctx.error(Err.unknownSubcommand(ctx.argc > 1 ? ctx.arg(1) : '', 'config'));
  },
} satisfies CommandSpec;
