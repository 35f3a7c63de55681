// LATENCY LATEST: for each event class with a spike, [event, unix time, latest ms, all-time max ms].
import type { CommandSpec } from '../command-spec.js';
import { LATENCY_ADMIN } from './latency-base.js';

export const latencyLatest = {
  ...LATENCY_ADMIN,
  name: 'latest',
  arity: 2,
  docs: {
    summary: 'Returns the latest latency samples for all events.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const events = ctx.server.stats.latencyEvents.events;
    ctx.reply.arrayHeader(events.size);
    for (const [name, event] of events) {
      ctx.reply.arrayHeader(4);
      ctx.reply.bulk(name);
      ctx.reply.integer(event.latest.time);
      ctx.reply.integer(event.latest.latency);
      ctx.reply.integer(event.max);
    }
  },
} satisfies CommandSpec;
