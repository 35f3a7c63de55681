// LATENCY RESET [event ...]: forgets the named events' spikes (all events when none is named); replies how
// many events existed.
import type { CommandSpec } from '../command-spec.js';
import { LATENCY_ADMIN } from './latency-base.js';

export const latencyReset = {
  ...LATENCY_ADMIN,
  name: 'reset',
  arity: -2,
  docs: {
    summary: 'Resets the latency data for one or more events.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const events = ctx.args.slice(2).map((arg) => arg.toString('latin1'));
    ctx.reply.integer(ctx.server.stats.latencyEvents.reset(events));
  },
} satisfies CommandSpec;
