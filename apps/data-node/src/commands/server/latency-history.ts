// LATENCY HISTORY event: the event's recent spikes as [unix time, ms] pairs, oldest first (empty when the
// event never happened).
import type { CommandSpec } from '../command-spec.js';
import { LATENCY_ADMIN } from './latency-base.js';

export const latencyHistory = {
  ...LATENCY_ADMIN,
  name: 'history',
  arity: 3,
  docs: {
    summary: 'Returns timestamp-latency samples for an event.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const history = ctx.server.stats.latencyEvents.events.get(ctx.arg(2))?.history ?? [];
    ctx.reply.arrayHeader(history.length);
    for (const sample of history) {
      ctx.reply.arrayHeader(2);
      ctx.reply.integer(sample.time);
      ctx.reply.integer(sample.latency);
    }
  },
} satisfies CommandSpec;
