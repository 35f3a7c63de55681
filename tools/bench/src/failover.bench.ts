// Bench: failover time. A master of a 3 masters + 3 replicas cluster is SIGKILLed while an ioredis Cluster
// client writes to its slots; measured from the kill: (a) cluster_state:ok again on every surviving node,
// (b) the first write to the failed master's slots acknowledged again. Against a real redis-server cluster
// (its replicas elect themselves) and a tessera cluster with one failover-coordinator, with the same node
// timeout, on this machine, in one run; a fresh cluster per round, alternating which side goes first;
// median of the rounds and the ratio tessera/redis.
// Standalone: `npx tsx tools/bench/src/failover.bench.ts [--quick] [--node-timeout MS]` (or
// `npm run bench failover`); needs `npx nx run-many -t build -p data-node gossip-agent failover-coordinator`.
// Measures only; exits non-zero when a measurement could not be taken.
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster } from 'ioredis';
import { keySlotUtf8 } from '@tessera/slot';
import {
  callPort,
  MissingProgramError,
  parseClusterNodes,
  requireProgram,
  startFailoverCoordinator,
  startRedisCluster,
  startTesseraCluster,
  type ClusterNodesLine,
} from '@tessera/testing';
import { median, printTable } from './lib/report.js';

const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 1 : 3;
const timeoutArg = process.argv.indexOf('--node-timeout');
const NODE_TIMEOUT_MS = timeoutArg > 0 ? Number(process.argv[timeoutArg + 1]) : 1000;
const LIMIT_MS = 60_000;

interface Measure {
  /** Kill -> cluster_state ok on every survivor, ms. */
  readonly okMs: number;
  /** Kill -> first acknowledged write to the failed master's slots after a failed one, ms. */
  readonly writeMs: number;
}

/** A cluster under test, whichever kind: ports of its nodes and how to kill one. */
interface Target {
  readonly ports: readonly number[];
  kill(port: number): Promise<void>;
}

async function clusterNodes(port: number): Promise<ClusterNodesLine[]> {
  return parseClusterNodes(String(await callPort(port, ['CLUSTER', 'NODES'])));
}

async function clusterState(port: number): Promise<string> {
  const text = String(await callPort(port, ['CLUSTER', 'INFO']));
  return /cluster_state:(\w+)/.exec(text)?.[1] ?? '?';
}

function keysOf(line: ClusterNodesLine, count: number): string[] {
  const keys: string[] = [];
  for (let n = 0; keys.length < count; n++) {
    const slot = keySlotUtf8(`fo:${n}`);
    if (line.slots.some(([start, end]) => start <= slot && slot <= end)) keys.push(`fo:${n}`);
  }
  return keys;
}

/** Kills a master (not the first node) under writes and measures the two recovery times. */
async function measure(target: Target): Promise<Measure> {
  const first = target.ports[0] as number;
  const lines = await clusterNodes(first);
  const victim = lines.find((l) => l.flags.includes('master') && !l.flags.includes('myself'));
  if (victim === undefined) throw new Error('no master to kill');
  const keys = keysOf(victim, 10);
  const client = new Cluster(
    target.ports.map((port) => ({ host: '127.0.0.1', port })),
    {
      slotsRefreshTimeout: 2000,
      clusterRetryStrategy: () => 100,
      redisOptions: { commandTimeout: 1000, maxRetriesPerRequest: 1, connectTimeout: 2000 },
    },
  );
  client.on('error', () => undefined);
  // Connected and the slot map loaded before any write is timed.
  await withTimeout(new Promise<void>((resolve) => client.once('ready', () => resolve())), 30_000);
  let running = true;
  let failedAt = 0;
  let recoveredAt = 0;
  let killedAt = Number.MAX_SAFE_INTEGER;
  let written = 0;
  const writer = (async () => {
    for (let n = 0; running; n++) {
      try {
        // A command can wait in the client's queue while it refreshes its slots: bound every write.
        await withTimeout(client.set(keys[n % keys.length] as string, String(n)), 2000);
        written++;
        if (failedAt > 0 && recoveredAt === 0) recoveredAt = Date.now();
      } catch {
        if (Date.now() >= killedAt && failedAt === 0) failedAt = Date.now();
        await sleep(10);
      }
    }
  })();
  try {
    const warmUntil = Date.now() + 30_000;
    while (written < 20) {
      if (Date.now() > warmUntil) throw new Error('the client never wrote before the kill');
      await sleep(20);
    }
    killedAt = Date.now();
    await target.kill(victim.port);
    const survivors = target.ports.filter((port) => port !== victim.port);
    let okAt = 0;
    let sawFail = false;
    while (Date.now() - killedAt < LIMIT_MS) {
      const states = await Promise.all(survivors.map((port) => clusterState(port).catch(() => '?')));
      // The state goes fail once the master is FAIL: only an ok after that counts.
      if (states.some((s) => s === 'fail')) sawFail = true;
      if (okAt === 0 && sawFail && states.every((s) => s === 'ok')) okAt = Date.now();
      if (okAt > 0 && recoveredAt > 0) break;
      await sleep(20);
    }
    if (okAt === 0 || recoveredAt === 0) throw new Error(`no recovery within ${LIMIT_MS} ms`);
    return { okMs: okAt - killedAt, writeMs: recoveredAt - killedAt };
  } finally {
    running = false;
    await writer;
    client.disconnect();
  }
}

/** `promise`, or a rejection after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function tesseraRound(): Promise<Measure> {
  await using cluster = await startTesseraCluster({
    masters: 3,
    replicasPerMaster: 1,
    nodeTimeoutMs: NODE_TIMEOUT_MS,
    logLevel: 'warn',
  });
  await using _coordinator = await startFailoverCoordinator({
    agents: cluster.nodes.map((node) => `127.0.0.1:${node.busPort}`),
    secret: cluster.secret,
    logLevel: 'warn',
  });
  // `return await`: the clusters are disposed when this function exits, not before the measure is done.
  return await measure({
    ports: cluster.nodes.map((node) => node.port),
    kill: (port) => cluster.kill(cluster.nodes.findIndex((node) => node.port === port)),
  });
}

async function redisRound(): Promise<Measure> {
  await using cluster = await startRedisCluster({ masters: 3, replicas: 1, nodeTimeoutMs: NODE_TIMEOUT_MS });
  // `return await`: the clusters are disposed when this function exits, not before the measure is done.
  return await measure({
    ports: cluster.nodes.map((node) => node.port),
    kill: async (port) => {
      await cluster.nodes.find((node) => node.port === port)?.kill('SIGKILL');
    },
  });
}

async function main(): Promise<void> {
  try {
    requireProgram('redis-server');
    requireProgram('redis-cli');
  } catch (error) {
    if (error instanceof MissingProgramError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(
    `failover bench: 3 masters + 3 replicas, SIGKILL of a master under writes, node timeout ${NODE_TIMEOUT_MS} ms, ${ROUNDS} round(s) per side, load ${loadavg()[0]?.toFixed(2)}\n`,
  );
  const results: Record<'tessera' | 'redis', Measure[]> = { tessera: [], redis: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: ('tessera' | 'redis')[] = round % 2 === 0 ? ['tessera', 'redis'] : ['redis', 'tessera'];
    for (const side of order) {
      const result = side === 'tessera' ? await tesseraRound() : await redisRound();
      results[side].push(result);
      process.stdout.write(
        `  round ${round + 1} ${side}: cluster_state ok after ${result.okMs} ms, first write after ${result.writeMs} ms\n`,
      );
    }
  }
  const row = (what: string, pick: (m: Measure) => number): string[] => {
    const t = median(results.tessera.map(pick));
    const r = median(results.redis.map(pick));
    return [what, String(t), String(r), (t / r).toFixed(2)];
  };
  printTable([
    ['from the kill to', 'tessera ms', 'redis ms', 'ratio'],
    row('cluster_state ok', (m) => m.okMs),
    row('first write', (m) => m.writeMs),
  ]);
}

main().catch((error: unknown) => {
  process.stderr.write(`failover bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
