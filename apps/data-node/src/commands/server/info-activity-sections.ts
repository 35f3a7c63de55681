// INFO sections about what the node did: stats, replication, cpu, modules, commandstats, errorstats,
// latencystats, cluster and keyspace (field names and formats of redis src/server.c genRedisInfoString).
import type { CommandContext } from '../command-context.js';
import { replicationInfoLines } from '../../replication/replication-info.js';
import type { InfoSection } from './info-section.js';

function statsLines(ctx: CommandContext): string[] {
  const server = ctx.server;
  const stats = server.stats;
  const db = server.db.stats;
  const repl = server.replication.state.stats;
  return [
    `total_connections_received:${stats.totalConnections}`,
    `total_commands_processed:${stats.totalCommands}`,
    `instantaneous_ops_per_sec:${stats.instantaneousOps}`,
    `total_net_input_bytes:${stats.netInputBytes}`,
    `total_net_output_bytes:${stats.netOutputBytes}`,
    `total_net_repl_input_bytes:${repl.inputBytes}`,
    `total_net_repl_output_bytes:${repl.outputBytes}`,
    `instantaneous_input_kbps:${stats.instantaneousInputKbps.toFixed(2)}`,
    `instantaneous_output_kbps:${stats.instantaneousOutputKbps.toFixed(2)}`,
    'instantaneous_input_repl_kbps:0.00',
    'instantaneous_output_repl_kbps:0.00',
    `rejected_connections:${stats.rejectedConnections}`,
    `sync_full:${repl.syncFull}`,
    `sync_partial_ok:${repl.syncPartialOk}`,
    `sync_partial_err:${repl.syncPartialErr}`,
    `expired_keys:${db.expiredKeys}`,
    `evicted_keys:${db.evictedKeys}`,
    'evicted_clients:0',
    `keyspace_hits:${db.hits}`,
    `keyspace_misses:${db.misses}`,
    `pubsub_channels:${server.pubsub.channels.size}`,
    `pubsub_patterns:${server.pubsub.patterns.size}`,
    `pubsubshard_channels:${server.pubsub.shardChannels.size}`,
    'latest_fork_usec:0',
    'total_forks:0',
    'unexpected_error_replies:0',
    `total_error_replies:${stats.totalErrorReplies}`,
    `client_query_buffer_limit_disconnections:${stats.queryBufferLimitDisconnections}`,
    `client_output_buffer_limit_disconnections:${stats.outputBufferLimitDisconnections}`,
  ];
}

function replicationLines(ctx: CommandContext): string[] {
  return replicationInfoLines(ctx.server.replication, ctx.server.config, ctx.server.now());
}

function cpuLines(): string[] {
  const usage = process.cpuUsage();
  return [
    `used_cpu_sys:${(usage.system / 1e6).toFixed(6)}`,
    `used_cpu_user:${(usage.user / 1e6).toFixed(6)}`,
    'used_cpu_sys_children:0.000000',
    'used_cpu_user_children:0.000000',
  ];
}

function commandstatsLines(ctx: CommandContext): string[] {
  const lines: string[] = [];
  for (const [name, stat] of ctx.server.stats.commands) {
    if (stat.calls === 0 && stat.failedCalls === 0 && stat.rejectedCalls === 0) continue;
    const usec = Math.floor(stat.usec);
    const perCall = stat.calls === 0 ? 0 : usec / stat.calls;
    lines.push(
      `cmdstat_${name}:calls=${stat.calls},usec=${usec},usec_per_call=${perCall.toFixed(2)},` +
        `rejected_calls=${stat.rejectedCalls},failed_calls=${stat.failedCalls}`,
    );
  }
  return lines;
}

function errorstatsLines(ctx: CommandContext): string[] {
  return [...ctx.server.stats.errors].map(([code, count]) => `errorstat_${code}:count=${count}`);
}

function latencystatsLines(ctx: CommandContext): string[] {
  const percentiles = ctx.server.config
    .get('latency-tracking-info-percentiles')
    .split(' ')
    .filter((p) => p !== '')
    .map(Number);
  const lines: string[] = [];
  for (const [name, stat] of ctx.server.stats.commands) {
    if (stat.latency.total === 0) continue;
    const values = percentiles.map((p) => `p${p}=${stat.latency.percentile(p).toFixed(3)}`);
    lines.push(`latency_percentiles_usec_${name}:${values.join(',')}`);
  }
  return lines;
}

function clusterLines(ctx: CommandContext): string[] {
  return [`cluster_enabled:${ctx.server.config.getBool('cluster-enabled') ? 1 : 0}`];
}

/** Keys with a TTL sampled for avg_ttl (Redis estimates it during active expiry). */
const TTL_SAMPLES = 32;

function keyspaceLines(ctx: CommandContext): string[] {
  const db = ctx.server.db;
  if (db.size === 0) return []; // redis-cli --cluster treats a node without db0 as empty
  const now = ctx.server.now();
  const sample: string[] = [];
  db.sampleVolatileKeys(TTL_SAMPLES, sample);
  let total = 0;
  let counted = 0;
  for (const key of sample) {
    const at = db.getExpire(key);
    if (at !== undefined && at > now) {
      total += at - now;
      counted++;
    }
  }
  const avgTtl = counted === 0 ? 0 : Math.floor(total / counted);
  return [`db0:keys=${db.size},expires=${db.expiresCount},avg_ttl=${avgTtl}`];
}

export const ACTIVITY_SECTIONS: readonly InfoSection[] = [
  { name: 'stats', title: 'Stats', inDefault: true, lines: statsLines },
  { name: 'replication', title: 'Replication', inDefault: true, lines: replicationLines },
  { name: 'cpu', title: 'CPU', inDefault: true, lines: cpuLines },
  { name: 'modules', title: 'Modules', inDefault: true, lines: () => [] },
  { name: 'commandstats', title: 'Commandstats', inDefault: false, lines: commandstatsLines },
  { name: 'errorstats', title: 'Errorstats', inDefault: true, lines: errorstatsLines },
  { name: 'latencystats', title: 'Latencystats', inDefault: false, lines: latencystatsLines },
  { name: 'cluster', title: 'Cluster', inDefault: true, lines: clusterLines },
  { name: 'keyspace', title: 'Keyspace', inDefault: true, lines: keyspaceLines },
];
