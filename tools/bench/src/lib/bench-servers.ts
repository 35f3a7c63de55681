// Starts the two servers a data-node bench compares, on free loopback ports: a real redis-server without
// persistence and the built data-node under the Node flags it is meant to run with. Both are ManagedProcesses
// from @tessera/testing (SIGTERM then SIGKILL on stop). Checks the programs exist and fails with a hint.
import { existsSync } from 'node:fs';
import { freePort, ManagedProcess, startRedisServer } from '@tessera/testing';

export interface BenchServer {
  /** `redis` or `tessera`. */
  readonly name: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Node flags for the data-node (docs/benchmarks.md documents them as the flags to run it with): the
 * young generation pinned at Node 20's 64-bit default of 16 MB per semi-space (64 MB was measured: no
 * throughput or CPU-per-request gain, because a low-survival request load never grows the young generation,
 * but +80 MB RSS once a bulk load grows it), and an old-space limit high enough for a large dataset.
 */
export const DATA_NODE_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=16',
  '--max-old-space-size=8192',
];

export async function startRedis(): Promise<BenchServer> {
  const running = await startRedisServer();
  const pid = running.process.pid;
  if (pid === undefined) throw new Error('redis-server has no pid');
  return { name: 'redis', port: running.port, pid, stop: () => running.stop() };
}

export interface TesseraOptions {
  /** Path of the built data-node bundle (dist/apps/data-node/main.js). */
  main: string;
  nodeFlags: readonly string[];
}

export async function startTessera(options: TesseraOptions): Promise<BenchServer> {
  if (!existsSync(options.main)) {
    throw new Error(`${options.main} is missing: run \`npx nx build data-node\` first (or pass --data-node)`);
  }
  const port = await freePort();
  const managed = await ManagedProcess.start({
    command: process.execPath,
    args: [...options.nodeFlags, options.main, '--port', String(port), '--bind', '127.0.0.1'],
    readyPort: port,
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  const pid = managed.pid;
  if (pid === undefined) throw new Error('data-node has no pid');
  return { name: 'tessera', port, pid, stop: () => managed.stop() };
}
