// LATENCY HISTOGRAM [command ...]: per command, its call count and the cumulative distribution of its
// durations in power-of-two microsecond buckets (redis src/latency.c latencyAllCommandsFillCDF). A container
// name covers all its subcommands; commands never called are left out.
import type { CommandSpec } from '../command-spec.js';
import type { CommandStat } from '../../server/server-stats.js';
import { LATENCY_ADMIN } from './latency-base.js';

export const latencyHistogram = {
  ...LATENCY_ADMIN,
  name: 'histogram',
  arity: -2,
  docs: {
    summary: 'Returns the cumulative distribution of latencies of a subset or all commands.',
    since: '7.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of commands with latency information being retrieved.',
  },
  handler(ctx) {
    const all = ctx.server.stats.commands;
    const selected = new Map<string, CommandStat>();
    const wanted = ctx.args.slice(2).map((arg) => arg.toString('latin1').toLowerCase());
    for (const [name, stat] of all) {
      if (stat.latency.total === 0) continue;
      const container = name.split('|')[0] as string;
      if (wanted.length === 0 || wanted.includes(name) || wanted.includes(container))
        selected.set(name, stat);
    }
    const w = ctx.reply;
    w.mapHeader(selected.size);
    for (const [name, stat] of selected) {
      w.bulk(name);
      w.mapHeader(2);
      w.bulk('calls');
      w.integer(stat.calls);
      w.bulk('histogram_usec');
      const buckets = stat.latency.cumulativeDistribution();
      w.mapHeader(buckets.length);
      for (const [usec, count] of buckets) {
        w.integer(usec);
        w.integer(count);
      }
    }
  },
} satisfies CommandSpec;
