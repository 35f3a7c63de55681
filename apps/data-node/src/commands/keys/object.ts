// OBJECT ENCODING|FREQ|IDLETIME|REFCOUNT|HELP: the container; the dispatcher runs the subcommand's spec.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { objectEncoding } from './object-encoding.js';
import { objectFreq } from './object-freq.js';
import { objectHelp } from './object-help.js';
import { objectIdletime } from './object-idletime.js';
import { objectRefcount } from './object-refcount.js';

export const object = {
  name: 'object',
  arity: -2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for object introspection commands',
    since: '2.2.3',
    group: 'generic',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [objectEncoding, objectFreq, objectIdletime, objectRefcount, objectHelp],
  handler(ctx) {
    ctx.error(Err.unknownSubcommand(ctx.argc > 1 ? ctx.arg(1) : '', 'object'));
  },
} satisfies CommandSpec;
