// CONFIG RESETSTAT: zeroes INFO's stats, commandstats, errorstats and latencystats and the keyspace
// hit/miss/expired/evicted counters. SLOWLOG and LATENCY keep their entries (they have their own RESET).
import type { CommandSpec } from '../command-spec.js';
import { CONFIG_ADMIN } from './config-base.js';

export const configResetstat = {
  ...CONFIG_ADMIN,
  name: 'resetstat',
  arity: 2,
  docs: { summary: "Resets the server's statistics.", since: '2.0.0', group: 'server', complexity: 'O(1)' },
  handler(ctx) {
    const server = ctx.server;
    server.stats.reset();
    const db = server.db.stats;
    db.hits = 0;
    db.misses = 0;
    db.expiredKeys = 0;
    db.evictedKeys = 0;
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
