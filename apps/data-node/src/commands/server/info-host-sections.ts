// INFO sections about the process and its resources: server, clients, memory, persistence (field names and
// order of redis src/server.c genRedisInfoString, 7.0). Fields with no meaning here keep Redis's neutral
// value (0, "no") so dashboards and exporters parse them unchanged.
import { arch, machine, release, totalmem, type } from 'node:os';
import type { CommandContext } from '../command-context.js';
import type { InfoSection } from './info-section.js';
import { bytesToHuman, memoryReport } from './memory-report.js';
import { REDIS_VERSION } from './server-identity.js';

function serverLines(ctx: CommandContext): string[] {
  const server = ctx.server;
  const now = server.now();
  const uptime = Math.floor((now - server.startedAt) / 1000);
  const hz = server.config.getNumber('hz');
  return [
    `redis_version:${REDIS_VERSION}`,
    'redis_git_sha1:00000000',
    'redis_git_dirty:0',
    'redis_build_id:0',
    `redis_mode:${server.config.getBool('cluster-enabled') ? 'cluster' : 'standalone'}`,
    `os:${type()} ${release()} ${machine()}`,
    `arch_bits:${arch().endsWith('64') ? 64 : 32}`,
    'monotonic_clock:performance.now',
    'multiplexing_api:libuv',
    `node_version:${process.version}`,
    `process_id:${process.pid}`,
    'process_supervised:no',
    `run_id:${server.runId}`,
    `tcp_port:${server.port}`,
    `server_time_usec:${now * 1000}`,
    `uptime_in_seconds:${uptime}`,
    `uptime_in_days:${Math.floor(uptime / 86400)}`,
    `hz:${hz}`,
    `configured_hz:${hz}`,
    `lru_clock:${Math.floor(now / 1000) & 0xffffff}`,
    `executable:${process.argv[1] ?? process.execPath}`,
    `config_file:${server.config.configFile ?? ''}`,
    'io_threads_active:0',
  ];
}

function clientLines(ctx: CommandContext): string[] {
  const server = ctx.server;
  let maxInput = 0;
  let maxOutput = 0;
  let pubsub = 0;
  let watching = 0;
  let timed = 0;
  for (const client of server.clients.values()) {
    const info = client.transport.describe(client);
    maxInput = Math.max(maxInput, info.queryBuffer);
    maxOutput = Math.max(maxOutput, info.outputBuffer);
    if (client.subscriptionCount !== 0) pubsub++;
    if (client.watched !== null) watching++;
    if (client.blocked !== null && client.blocked.deadline !== 0) timed++;
  }
  return [
    `connected_clients:${server.clients.size}`,
    'cluster_connections:0',
    `maxclients:${server.config.getNumber('maxclients')}`,
    `client_recent_max_input_buffer:${maxInput}`,
    `client_recent_max_output_buffer:${maxOutput}`,
    `blocked_clients:${server.blocking.blockedClients}`,
    'tracking_clients:0',
    `pubsub_clients:${pubsub}`,
    `watching_clients:${watching}`,
    `clients_in_timeout_table:${timed}`,
    `total_watched_keys:${server.watchedKeys}`,
    `total_blocking_keys:${server.blocking.blockingKeys}`,
    'total_blocking_keys_on_nokey:0',
  ];
}

const percent = (part: number, whole: number): string =>
  `${whole === 0 ? '0.00' : ((part * 100) / whole).toFixed(2)}%`;

function memoryLines(ctx: CommandContext): string[] {
  const memory = memoryReport(ctx.server);
  const config = ctx.server.config;
  const maxmemory = config.getNumber('maxmemory');
  const system = totalmem();
  return [
    `used_memory:${memory.used}`,
    `used_memory_human:${bytesToHuman(memory.used)}`,
    `used_memory_rss:${memory.rss}`,
    `used_memory_rss_human:${bytesToHuman(memory.rss)}`,
    `used_memory_peak:${memory.peak}`,
    `used_memory_peak_human:${bytesToHuman(memory.peak)}`,
    `used_memory_peak_perc:${percent(memory.used, memory.peak)}`,
    `used_memory_overhead:${memory.overhead}`,
    `used_memory_startup:${memory.startup}`,
    `used_memory_dataset:${memory.dataset}`,
    `used_memory_dataset_perc:${percent(memory.dataset, memory.used - memory.startup)}`,
    `used_memory_vm_heap:${memory.heapUsed}`,
    `used_memory_vm_heap_human:${bytesToHuman(memory.heapUsed)}`,
    `total_system_memory:${system}`,
    `total_system_memory_human:${bytesToHuman(system)}`,
    `maxmemory:${maxmemory}`,
    `maxmemory_human:${bytesToHuman(maxmemory)}`,
    `maxmemory_policy:${config.get('maxmemory-policy')}`,
    `mem_fragmentation_ratio:${(memory.rss / memory.used).toFixed(2)}`,
    `mem_fragmentation_bytes:${memory.rss - memory.used}`,
    'mem_not_counted_for_evict:0',
    `mem_replication_backlog:${ctx.server.replication.state.backlog?.size ?? 0}`,
    `mem_total_replication_buffers:${ctx.server.replication.state.backlog?.size ?? 0}`,
    'mem_clients_slaves:0',
    `mem_clients_normal:${memory.clients}`,
    'mem_cluster_links:0',
    'mem_aof_buffer:0',
    'mem_allocator:v8',
    'lazyfree_pending_objects:0',
    'lazyfreed_objects:0',
  ];
}

function persistenceLines(ctx: CommandContext): string[] {
  // No RDB/AOF yet: nothing loads or saves; the save time is the start time (LASTSAVE agrees).
  return [
    'loading:0',
    'async_loading:0',
    'rdb_bgsave_in_progress:0',
    `rdb_last_save_time:${ctx.server.lastSave}`,
    'rdb_last_bgsave_status:ok',
    'rdb_saves:0',
    'aof_enabled:0',
    'aof_rewrite_in_progress:0',
    'aof_rewrite_scheduled:0',
    'aof_last_bgrewrite_status:ok',
    'aof_last_write_status:ok',
    'module_fork_in_progress:0',
  ];
}

export const HOST_SECTIONS: readonly InfoSection[] = [
  { name: 'server', title: 'Server', inDefault: true, lines: serverLines },
  { name: 'clients', title: 'Clients', inDefault: true, lines: clientLines },
  { name: 'memory', title: 'Memory', inDefault: true, lines: memoryLines },
  { name: 'persistence', title: 'Persistence', inDefault: true, lines: persistenceLines },
];
