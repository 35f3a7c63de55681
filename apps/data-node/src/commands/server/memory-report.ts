// How much memory the node uses, in Redis's INFO/MEMORY STATS terms. Redis asks its allocator; a Node
// process cannot attribute heap bytes to keys, so the data-node reports a model instead:
//   used_memory = used_memory_startup (V8 heap in use at start: code, command table)
//               + used_memory_dataset (the keyspace's own byte estimate, the figure maxmemory compares)
//               + client buffers (pending replies and partial requests).
// It moves only with the data, not with garbage collection, so it is comparable with maxmemory; the real
// footprint is used_memory_rss (the process RSS), and mem_fragmentation_ratio = rss / used shows the
// runtime's overhead (typically 1.5-3 for a Node process).
import type { ServerState } from '../../server/server-state.js';

export interface MemoryReport {
  readonly used: number;
  readonly startup: number;
  readonly dataset: number;
  /** Client query and output buffers (mem_clients_normal). */
  readonly clients: number;
  /** Everything but the dataset: startup plus clients (used_memory_overhead). */
  readonly overhead: number;
  readonly rss: number;
  readonly peak: number;
  /** V8 heap actually in use now (not in Redis's INFO; shown as used_memory_vm_heap). */
  readonly heapUsed: number;
}

export function memoryReport(server: ServerState): MemoryReport {
  let clients = 0;
  for (const client of server.clients.values()) {
    const info = client.transport.describe(client);
    clients += info.queryBuffer + info.outputBuffer + client.writer.length;
  }
  const startup = server.stats.startupBytes;
  const dataset = server.db.usedBytes;
  const used = startup + dataset + clients;
  const peak = Math.max(used, server.stats.peakMemory);
  server.stats.peakMemory = peak;
  const usage = process.memoryUsage();
  return {
    used,
    startup,
    dataset,
    clients,
    overhead: startup + clients,
    rss: usage.rss,
    peak,
    heapUsed: usage.heapUsed,
  };
}

/** Redis's bytesToHuman: `512B`, `1.50K`, `2.00M`, `3.25G`... */
export function bytesToHuman(n: number): string {
  const units = ['K', 'M', 'G', 'T', 'P'];
  if (n < 1024) return `${n}B`;
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(2)}${units[unit]}`;
}
