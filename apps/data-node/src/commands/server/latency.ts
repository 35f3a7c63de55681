// LATENCY LATEST | HISTORY | RESET | HISTOGRAM | DOCTOR | HELP: latency spikes (recorded when a command takes
// at least latency-monitor-threshold ms) and per-command latency distributions. GRAPH is not served.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { helpSubcommand } from './help-subcommand.js';
import { latencyDoctor } from './latency-doctor.js';
import { latencyHistogram } from './latency-histogram.js';
import { latencyHistory } from './latency-history.js';
import { latencyLatest } from './latency-latest.js';
import { latencyReset } from './latency-reset.js';

const HELP = [
  'DOCTOR',
  '    Return a human readable latency analysis report.',
  'HISTORY <event>',
  '    Return time-latency samples for the <event> class.',
  'LATEST',
  '    Return the latest latency samples for all events.',
  'RESET [<event> ...]',
  '    Reset latency data of one or more <event> classes.',
  '    (default: reset all data for all event classes)',
  'HISTOGRAM [COMMAND ...]',
  '    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.',
  '    If no commands are specified then all histograms are replied.',
];

export const latency = {
  name: 'latency',
  arity: -2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for latency diagnostics commands.',
    since: '2.8.13',
    group: 'server',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [
    latencyLatest,
    latencyHistory,
    latencyReset,
    latencyHistogram,
    latencyDoctor,
    helpSubcommand('latency', HELP),
  ],
  handler(ctx) {
    ctx.error(Err.unknownSubcommand(ctx.argc > 1 ? ctx.arg(1) : '', 'latency'));
  },
} satisfies CommandSpec;
