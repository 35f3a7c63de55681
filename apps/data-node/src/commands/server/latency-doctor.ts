// LATENCY DOCTOR: a human-readable report of the recorded latency spikes, in the spirit (and opening lines)
// of Redis's latency doctor: disabled monitor, no spikes, or a summary per event with advice.
import type { CommandSpec } from '../command-spec.js';
import { LATENCY_ADMIN } from './latency-base.js';

const DISABLED =
  "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use " +
  '"CONFIG SET latency-monitor-threshold <milliseconds>." in order to enable it. If we weren\'t in a deep ' +
  "space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n";
const QUIET =
  'Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest ' +
  'bit. I honestly think you ought to sleep tonight.\n';

export const latencyDoctor = {
  ...LATENCY_ADMIN,
  name: 'doctor',
  arity: 2,
  docs: {
    summary: 'Returns a human-readable latency analysis report.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const events = ctx.server.stats.latencyEvents.events;
    if (ctx.server.config.getNumber('latency-monitor-threshold') === 0 && events.size === 0) {
      ctx.reply.verbatim(DISABLED);
      return;
    }
    if (events.size === 0) {
      ctx.reply.verbatim(QUIET);
      return;
    }
    let report =
      "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n";
    let index = 1;
    for (const [name, event] of events) {
      const samples = event.history.map((s) => s.latency);
      const average = Math.round(samples.reduce((a, b) => a + b, 0) / samples.length);
      report += `${index++}. ${name}: ${samples.length} latency spikes (average ${average}ms). Worst all time event ${event.max}ms.\n`;
    }
    report +=
      '\nI have a few advices for you:\n\n' +
      '- Check your Slow Log to understand what are the commands you are running which are too slow to ' +
      'execute. Please check https://redis.io/commands/slowlog for more information.\n' +
      '- Long event-loop pauses may also come from garbage collection: consider a larger young generation ' +
      '(--max-semi-space-size) when the dataset churns many small values.\n';
    ctx.reply.verbatim(report);
  },
} satisfies CommandSpec;
