// Bench: `redis-benchmark --cluster` against a tessera cluster and a real redis-server cluster of the same
// shape (3 masters + 3 replicas, node timeout 5000 ms, as `npm start` runs) on this machine, in one run:
// SET and GET at -P 1 and -P 16 with 50 clients, alternating which cluster goes first, median of the rounds,
// and the rps ratio tessera/redis. `--quick` runs fewer requests and rounds.
// Standalone: `npx tsx tools/bench/src/cluster.bench.ts [--quick]` (or `npm run bench cluster`); needs
// `npx nx run-many -t build -p data-node gossip-agent` first. Measures only; exits non-zero when a measurement
// could not be taken.
import { loadavg } from 'node:os';
import {
  MissingProgramError,
  requireProgram,
  startRedisCluster,
  startTesseraCluster,
} from '@tessera/testing';
import { runRedisBenchmark } from './lib/redis-benchmark.js';
import { median, printTable } from './lib/report.js';

const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 2 : 3;
const REQUESTS = QUICK ? 50_000 : 200_000;
const TESTS = ['set', 'get'] as const;
const PIPELINES = [1, 16] as const;
const NODE_TIMEOUT_MS = 5000;

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
    `cluster bench: 3 masters + 3 replicas each side, ${REQUESTS} requests, ${ROUNDS} rounds, load ${loadavg()[0]?.toFixed(2)}\n`,
  );
  await using tessera = await startTesseraCluster({
    masters: 3,
    replicasPerMaster: 1,
    nodeTimeoutMs: NODE_TIMEOUT_MS,
    logLevel: 'warn',
  });
  await using redis = await startRedisCluster({ masters: 3, replicas: 1, nodeTimeoutMs: NODE_TIMEOUT_MS });
  const seeds = { tessera: tessera.nodes[0]?.port as number, redis: redis.nodes[0]?.port as number };
  const rows: string[][] = [
    ['test', 'pipeline', 'tessera rps', 'redis rps', 'ratio', 'tessera p50 ms', 'redis p50 ms'],
  ];
  let failed = false;
  for (const test of TESTS) {
    for (const pipeline of PIPELINES) {
      const results: Record<'tessera' | 'redis', { rps: number[]; p50: number[] }> = {
        tessera: { rps: [], p50: [] },
        redis: { rps: [], p50: [] },
      };
      for (let round = 0; round < ROUNDS; round++) {
        const order: ('tessera' | 'redis')[] = round % 2 === 0 ? ['tessera', 'redis'] : ['redis', 'tessera'];
        for (const side of order) {
          const result = await runRedisBenchmark({
            program,
            port: seeds[side],
            test,
            requests: REQUESTS,
            pipeline,
            cluster: true,
          });
          if (!result.ok) {
            process.stderr.write(`${side} ${test} -P${pipeline}: ${result.error}\n`);
            failed = true;
            continue;
          }
          results[side].rps.push(result.row.rps);
          results[side].p50.push(result.row.p50Ms);
        }
      }
      const t = median(results.tessera.rps);
      const r = median(results.redis.rps);
      rows.push([
        test.toUpperCase(),
        String(pipeline),
        t.toFixed(0),
        r.toFixed(0),
        (t / r).toFixed(2),
        median(results.tessera.p50).toFixed(3),
        median(results.redis.p50).toFixed(3),
      ]);
    }
  }
  printTable(rows);
  process.stdout.write(
    `load average after: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}\n`,
  );
  if (failed) process.exitCode = 1;
}

await main();
