// Bench: GET/SET throughput of @tessera/cluster-client against the ioredis `Cluster` client, both driving the
// same real Redis Cluster (3 masters, started here) in one run, alternating which client goes first each
// round. Workloads: `c=50` (50 concurrent callers, one command in flight each), `burst` (1,000 commands
// issued at once across all nodes; ioredis with and without enableAutoPipelining) and `pipeline` (batches
// of 100 commands of one slot: our `pipeline()` vs ioredis `pipeline().exec()`). Prints median ops/s per
// client and the ratio tessera/ioredis.
// Standalone: `npx tsx tools/bench/src/cluster-client.bench.ts [--quick]` (or `npm run bench cluster-client`).
// Measures only; exits non-zero when a measurement could not be taken.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { ClusterClient } from '@tessera/cluster-client';
import { requireProgram, startRedisCluster, type RunningRedisCluster } from '@tessera/testing';
import { Cluster } from 'ioredis';
import { median, printTable } from './lib/report.js';

const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 1 : 3;
const OPS = QUICK ? 20_000 : 100_000;
const CONCURRENCY = 50;
const BURST = 1000;
const BATCH = 100;
/** Distinct keys per workload (values are 16 bytes). */
const KEYSPACE = 10_000;
const VALUE = 'v'.repeat(16);

/** What each workload needs from a client. */
interface BenchClient {
  readonly name: string;
  set(key: string): Promise<unknown>;
  get(key: string): Promise<unknown>;
  /** Runs commands of one slot as one pipeline. */
  pipeline(commands: string[][]): Promise<unknown>;
  close(): Promise<void>;
}

type Workload = (client: BenchClient, ops: number) => Promise<void>;

const keys = Array.from({ length: KEYSPACE }, (_, i) => `bench:${i}`);
/** Key groups sharing a hash tag, so that a pipeline of one group is single-slot (ioredis requires it). */
const taggedKeys = Array.from({ length: KEYSPACE / BATCH }, (_, g) =>
  Array.from({ length: BATCH }, (_, i) => `{g${g}}:${i}`),
);

const WORKLOADS: Record<string, Workload> = {
  'SET c=50': (client, ops) => concurrent(ops, (i) => client.set(keys[i % KEYSPACE] as string)),
  'GET c=50': (client, ops) => concurrent(ops, (i) => client.get(keys[i % KEYSPACE] as string)),
  'SET burst=1000': (client, ops) => bursts(ops, (i) => client.set(keys[i % KEYSPACE] as string)),
  'GET burst=1000': (client, ops) => bursts(ops, (i) => client.get(keys[i % KEYSPACE] as string)),
  'SET pipeline=100': (client, ops) => pipelines(client, ops, (key) => ['set', key, VALUE]),
  'GET pipeline=100': (client, ops) => pipelines(client, ops, (key) => ['get', key]),
};

/** `ops` commands from CONCURRENCY callers, each waiting for its reply before sending the next. */
async function concurrent(ops: number, send: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < ops) await send(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** `ops` commands in waves of BURST issued at once. */
async function bursts(ops: number, send: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < ops; start += BURST) {
    const wave: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(ops, start + BURST); i++) wave.push(send(i));
    await Promise.all(wave);
  }
}

/** `ops` commands as single-slot pipelines of BATCH, 8 pipelines in flight. */
async function pipelines(
  client: BenchClient,
  ops: number,
  command: (key: string) => string[],
): Promise<void> {
  let batch = 0;
  const batches = Math.ceil(ops / BATCH);
  const worker = async () => {
    while (batch < batches) {
      const group = taggedKeys[batch++ % taggedKeys.length] as string[];
      await client.pipeline(group.map(command));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function tesseraClient(seeds: readonly string[]): Promise<BenchClient> {
  const client = await ClusterClient.connect({ seeds, healthCheckIntervalMs: 0 });
  return {
    name: 'tessera',
    set: (key) => client.send(['set', key, VALUE]),
    get: (key) => client.send(['get', key]),
    pipeline: async (commands) => {
      const results = await client.pipeline(commands.map((args) => ({ args })));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    },
    close: () => client.close(),
  };
}

async function ioredisClient(seeds: readonly string[], autoPipelining: boolean): Promise<BenchClient> {
  const nodes = seeds.map((seed) => ({ host: seed.split(':')[0], port: Number(seed.split(':')[1]) }));
  const cluster = new Cluster(nodes, { enableAutoPipelining: autoPipelining, lazyConnect: true });
  await cluster.connect();
  return {
    name: autoPipelining ? 'ioredis+auto' : 'ioredis',
    set: (key) => cluster.set(key, VALUE),
    get: (key) => cluster.get(key),
    pipeline: async (commands) => {
      const results = await cluster.pipeline(commands).exec();
      const failed = results?.find(([error]) => error !== null);
      if (failed) throw failed[0];
    },
    close: async () => {
      await cluster.quit();
    },
  };
}

/** Operations per second of one workload run. */
async function measure(client: BenchClient, workload: Workload, ops: number): Promise<number> {
  const start = performance.now();
  await workload(client, ops);
  return (ops / (performance.now() - start)) * 1000;
}

const format = (opsPerSecond: number) => `${Math.round(opsPerSecond / 1000)}k`;

function versions(): string {
  const require = createRequire(import.meta.url);
  const ioredis = (require('ioredis/package.json') as { version: string }).version;
  const redis = execFileSync(requireProgram('redis-server'), ['--version'], { encoding: 'utf8' }).match(
    /v=(\S+)/,
  )?.[1];
  return `node ${process.version}, redis-server ${redis}, ioredis ${ioredis}, ${cpus().length} cpus`;
}

async function main(): Promise<void> {
  console.log(`cluster-client bench: ${versions()}`);
  console.log(`3-master Redis Cluster on loopback; ${OPS} ops per run, ${ROUNDS} rounds, median ops/s\n`);
  let cluster: RunningRedisCluster | undefined;
  const clients: BenchClient[] = [];
  const stop = async () => {
    await Promise.allSettled(clients.map((client) => client.close()));
    await cluster?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }
  try {
    cluster = await startRedisCluster({ masters: 3 });
    const tessera = await tesseraClient(cluster.seeds);
    const ioredis = await ioredisClient(cluster.seeds, false);
    const ioredisAuto = await ioredisClient(cluster.seeds, true);
    clients.push(tessera, ioredis, ioredisAuto);
    for (const key of taggedKeys.flat()) await tessera.set(key); // GET pipelines read existing keys
    for (const client of clients) {
      const value = await client.get((taggedKeys[0] as string[])[0] as string);
      if (value !== VALUE) throw new Error(`${client.name} read ${String(value)} instead of the value set`);
    }
    const rows = [['workload', 'tessera', 'ioredis', 'ratio', 'ioredis+auto', 'ratio']];
    for (const [name, workload] of Object.entries(WORKLOADS)) {
      const runs = new Map<BenchClient, number[]>(clients.map((client) => [client, []]));
      for (const client of clients) await measure(client, workload, OPS / 10); // warm-up
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? clients : [...clients].reverse();
        for (const client of order) runs.get(client)?.push(await measure(client, workload, OPS));
      }
      const [ours, theirs, auto] = clients.map((client) => median(runs.get(client) ?? []));
      rows.push([
        name,
        format(ours as number),
        format(theirs as number),
        ((ours as number) / (theirs as number)).toFixed(2),
        format(auto as number),
        ((ours as number) / (auto as number)).toFixed(2),
      ]);
    }
    printTable(rows);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
