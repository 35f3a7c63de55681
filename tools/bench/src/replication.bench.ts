// Bench: replication lag under a write load, tessera against redis-server, in one run on this machine. Each
// side is one master with one replica (tessera: a cluster of one master and its replica, data-node + agent
// processes formed with CLUSTER MEET/ADDSLOTSRANGE/REPLICATE; redis: redis-server --replicaof). While
// `redis-benchmark -t set -c 50 -P <p>` writes to the master, INFO replication is sampled every 50 ms on
// both nodes: the ack lag is master_repl_offset minus the offset the replica acknowledged (slave0:offset=,
// the figure WAIT and the failover rank use) and the applied lag is master_repl_offset minus the replica's
// slave_repl_offset (what it applied). Reports SET rps, the median and max of both lags in bytes, and the
// ratios tessera/redis. Redis replicas acknowledge once a second unless asked (REPLCONF GETACK), tessera's
// every 100 ms: the applied lag is the fair comparison of the data path, the ack lag that of what WAIT sees.
// Standalone: `npx tsx tools/bench/src/replication.bench.ts [--quick]` (or `npm run bench replication`);
// needs `npx nx run-many -t build -p data-node gossip-agent` first. Measures only.
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  MissingProgramError,
  requireProgram,
  startRedisServer,
  startTesseraCluster,
  waitFor,
} from '@tessera/testing';
import { Redis } from 'ioredis';
import { runRedisBenchmark } from './lib/redis-benchmark.js';
import { median, printTable } from './lib/report.js';

const QUICK = process.argv.includes('--quick');
const REQUESTS: Record<number, number> = QUICK
  ? { 1: 100_000, 16: 1_000_000 }
  : { 1: 300_000, 16: 3_000_000 };
const PIPELINES = [1, 16] as const;
const SAMPLE_MS = 50;

interface Pair {
  readonly name: 'tessera' | 'redis';
  readonly master: Redis;
  readonly replica: Redis;
  readonly masterPort: number;
}

interface Sample {
  readonly ackLag: number;
  readonly appliedLag: number;
}

interface Measure {
  readonly rps: number;
  readonly samples: readonly Sample[];
  /** ms from the end of the load until the replica applied everything. */
  readonly catchUpMs: number;
}

function fieldsOf(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1);
  }
  return fields;
}

async function sample(pair: Pair): Promise<Sample | null> {
  const [m, r] = await Promise.all([pair.master.info('replication'), pair.replica.info('replication')]);
  const master = fieldsOf(m);
  const replica = fieldsOf(r);
  const offset = Number(master['master_repl_offset']);
  const acked = Number(/offset=(\d+)/.exec(master['slave0'] ?? '')?.[1] ?? Number.NaN);
  const applied = Number(replica['slave_repl_offset']);
  if (![offset, acked, applied].every(Number.isFinite)) return null;
  return { ackLag: Math.max(0, offset - acked), appliedLag: Math.max(0, offset - applied) };
}

async function caughtUp(pair: Pair): Promise<boolean> {
  const [m, r] = await Promise.all([pair.master.info('replication'), pair.replica.info('replication')]);
  return fieldsOf(m)['master_repl_offset'] === fieldsOf(r)['slave_repl_offset'];
}

async function measure(pair: Pair, program: string, pipeline: number): Promise<Measure> {
  const samples: Sample[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      const taken = await sample(pair).catch(() => null);
      if (taken !== null) samples.push(taken);
      await sleep(SAMPLE_MS);
    }
  })();
  const result = await runRedisBenchmark({
    program,
    port: pair.masterPort,
    test: 'set',
    requests: REQUESTS[pipeline] as number,
    pipeline,
  });
  running = false;
  await sampler;
  const ended = Date.now();
  await waitFor(`${pair.name} replica to catch up`, async () => ((await caughtUp(pair)) ? true : 'behind'), {
    timeoutMs: 60_000,
    intervalMs: 5,
  });
  if (!result.ok) throw new Error(`${pair.name} redis-benchmark failed: ${result.error}`);
  return { rps: result.row.rps, samples, catchUpMs: Date.now() - ended };
}

async function linkUp(replica: Redis): Promise<void> {
  await waitFor('the replica link', async () =>
    fieldsOf(await replica.info('replication'))['master_link_status'] === 'up' ? true : 'down',
  );
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

async function main(): Promise<void> {
  let program: string;
  try {
    program = requireProgram('redis-benchmark');
    requireProgram('redis-server');
  } catch (error) {
    if (error instanceof MissingProgramError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(
    `replication bench: 1 master + 1 replica each side, redis-benchmark -t set -c 50, ` +
      `requests ${JSON.stringify(REQUESTS)}, INFO sampled every ${SAMPLE_MS} ms, load ${loadavg()[0]?.toFixed(2)}\n`,
  );
  await using tessera = await startTesseraCluster({
    masters: 1,
    replicasPerMaster: 1,
    formWith: 'meet',
    nodeTimeoutMs: 5000,
    logLevel: 'warn',
  });
  await using redisMaster = await startRedisServer();
  await using redisReplica = await startRedisServer({
    args: ['--replicaof', '127.0.0.1', String(redisMaster.port)],
  });
  const pairs: Pair[] = [
    {
      name: 'tessera',
      master: tessera.client(0),
      replica: tessera.client(1),
      masterPort: tessera.nodes[0]?.port as number,
    },
    {
      name: 'redis',
      master: new Redis({ port: redisMaster.port, host: '127.0.0.1' }),
      replica: new Redis({ port: redisReplica.port, host: '127.0.0.1' }),
      masterPort: redisMaster.port,
    },
  ];
  try {
    for (const pair of pairs) await linkUp(pair.replica);
    const rows: string[][] = [
      [
        'side',
        'pipeline',
        'SET rps',
        'ack lag median KB',
        'ack lag max KB',
        'applied lag median KB',
        'applied lag max KB',
        'catch-up ms',
        'samples',
      ],
    ];
    const summary: string[] = [];
    for (const pipeline of PIPELINES) {
      const results = new Map<string, Measure>();
      const order = pipeline === 1 ? pairs : [...pairs].reverse();
      for (const pair of order) results.set(pair.name, await measure(pair, program, pipeline));
      for (const pair of pairs) {
        const m = results.get(pair.name) as Measure;
        const ack = m.samples.map((s) => s.ackLag);
        const applied = m.samples.map((s) => s.appliedLag);
        rows.push([
          pair.name,
          `-P${pipeline}`,
          m.rps.toFixed(0),
          kb(median(ack)),
          kb(Math.max(...ack)),
          kb(median(applied)),
          kb(Math.max(...applied)),
          String(m.catchUpMs),
          String(m.samples.length),
        ]);
      }
      const t = results.get('tessera') as Measure;
      const r = results.get('redis') as Measure;
      const ratio = (a: number, b: number): string =>
        b === 0 ? (a === 0 ? '1.00' : 'inf') : (a / b).toFixed(2);
      const appliedT = t.samples.map((s) => s.appliedLag);
      const appliedR = r.samples.map((s) => s.appliedLag);
      summary.push(
        `-P${pipeline}: rps ratio ${ratio(t.rps, r.rps)}; applied lag tessera/redis median ` +
          `${ratio(median(appliedT), median(appliedR))}, max ${ratio(Math.max(...appliedT), Math.max(...appliedR))}`,
      );
    }
    printTable(rows);
    for (const line of summary) console.log(line);
    console.log(`load average at the end: ${loadavg()[0]?.toFixed(2)}`);
  } finally {
    for (const pair of pairs.slice(1)) {
      pair.master.disconnect();
      pair.replica.disconnect();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`replication bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
