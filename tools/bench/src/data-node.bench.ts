// Bench: the built data-node against a real redis-server in one run, driven by the same redis-benchmark
// (`-c 50 -n N -t <test> -P 1` and `-P 16`) for SET, GET, INCR, LPUSH, RPUSH, LPOP, RPOP, SADD, HSET, SPOP,
// ZADD, ZPOPMIN, LRANGE_100 and MSET, alternating which server goes first so drift hits both alike; reports
// median rps, p50/p99 latency and server CPU per request with the ratio tessera/redis, then resident memory
// per key (RSS delta) for 1M strings and 100k hashes of 10 fields. `--profile` instead takes CPU profiles of
// the data-node under SET/GET at -P16 and -P1 and prints the functions with most self time.
// Standalone: `npx tsx tools/bench/src/data-node.bench.ts [--quick]` (or `npm run bench data-node`); needs
// `npx nx build data-node` first. Measures only; exits non-zero when a measurement could not be taken.
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DATA_NODE_MAIN, MissingProgramError, requireProgram } from '@tessera/testing';
import { DATA_NODE_NODE_FLAGS, startRedis, startTessera, type BenchServer } from './lib/bench-servers.js';
import { summariseCpuProfile } from './lib/cpu-profile-summary.js';
import { hashDataset, measureMemory, stringDataset, type Dataset } from './lib/memory-per-key.js';
import { runRedisBenchmark, type BenchmarkRow } from './lib/redis-benchmark.js';
import { RespClient } from './lib/resp-client.js';
import { RespError } from '@tessera/resp';
import { median } from './lib/report.js';

/** redis-benchmark tests, in redis-benchmark's own order (SPOP after SADD, ZPOPMIN after ZADD, ...). */
const TESTS = [
  'set',
  'get',
  'incr',
  'lpush',
  'rpush',
  'lpop',
  'rpop',
  'sadd',
  'hset',
  'spop',
  'zadd',
  'zpopmin',
  'lrange_100',
  'mset',
] as const;
type TestName = (typeof TESTS)[number];

/** Commands a test sends (lrange_* first fills the list with LPUSH). */
const COMMANDS: Record<TestName, readonly string[]> = {
  set: ['set'],
  get: ['get'],
  incr: ['incr'],
  lpush: ['lpush'],
  rpush: ['rpush'],
  lpop: ['lpop'],
  rpop: ['rpop'],
  sadd: ['sadd'],
  hset: ['hset'],
  spop: ['spop'],
  zadd: ['zadd'],
  zpopmin: ['zpopmin'],
  lrange_100: ['lpush', 'lrange'],
  mset: ['mset'],
};
/** Requests scale per test so each run lasts about as long (LRANGE_100 replies 100 elements, MSET sets 10). */
const WEIGHT: Partial<Record<TestName, number>> = { lrange_100: 0.2, mset: 0.5 };
const PIPELINES = [1, 16] as const;
/** Aims (docs/benchmarks.md): tessera/redis rps at -P1 and -P16; memory per key redis/tessera. */
const AIM: Record<number, number> = { 1: 1.0, 16: 0.5 };
const MEMORY_AIM = 2.0;
/** Ratios closer than this to an aim are noise on a 2-core box (performance.md). */
const NOISE = 0.1;

interface Options {
  quick: boolean;
  rounds: number;
  requestsP1: number;
  requestsP16: number;
  tests: TestName[];
  throughput: boolean;
  memory: boolean;
  profile: boolean;
  dataNode: string;
  nodeFlags: string[];
}

const USAGE = `usage: data-node.bench.ts [--quick] [--rounds N] [--tests set,get,...] [--no-throughput] [--no-memory]
                          [--profile] [--data-node dist/apps/data-node/main.js] [--node-flags "--flag ..."]`;

function parseOptions(argv: string[]): Options {
  const options: Options = {
    quick: false,
    rounds: 7,
    requestsP1: 30_000,
    requestsP16: 300_000,
    tests: [...TESTS],
    throughput: true,
    memory: true,
    profile: false,
    dataNode: DATA_NODE_MAIN,
    nodeFlags: [...DATA_NODE_NODE_FLAGS],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = (): string => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return value;
    };
    if (arg === '--quick') {
      options.quick = true;
      options.rounds = 1;
      options.requestsP1 = 20_000;
      options.requestsP16 = 200_000;
    } else if (arg === '--rounds') options.rounds = Math.max(1, Number(next()));
    else if (arg === '--tests') {
      const names = next().toLowerCase().split(',');
      const unknown = names.filter((n) => !(TESTS as readonly string[]).includes(n));
      if (unknown.length > 0)
        throw new Error(`unknown test ${unknown.join(', ')}; tests: ${TESTS.join(',')}`);
      options.tests = names as TestName[];
    } else if (arg === '--no-throughput') options.throughput = false;
    else if (arg === '--no-memory') options.memory = false;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--data-node') options.dataNode = resolve(next());
    else if (arg === '--node-flags') options.nodeFlags = next().split(/\s+/).filter(Boolean);
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}

// ------------------------------------------------------------------------------------ cleanup

const running = new Set<BenchServer>();
const children = new Set<ChildProcess>();

function track(child: ChildProcess): void {
  children.add(child);
  child.once('close', () => children.delete(child));
}

async function start(server: Promise<BenchServer>): Promise<BenchServer> {
  const started = await server;
  running.add(started);
  return started;
}

async function stop(server: BenchServer): Promise<void> {
  running.delete(server);
  await server.stop();
}

async function stopAll(): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all([...running].map((server) => stop(server)));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\ndata-node bench: ${signal}, stopping servers`);
    void stopAll().finally(() => process.exit(130));
  });
}

// ------------------------------------------------------------------------------------ helpers

function medianRow(rows: BenchmarkRow[]): BenchmarkRow {
  const pick = (key: keyof BenchmarkRow) => median(rows.map((row) => row[key]));
  return {
    rps: pick('rps'),
    avgMs: pick('avgMs'),
    p50Ms: pick('p50Ms'),
    p95Ms: pick('p95Ms'),
    p99Ms: pick('p99Ms'),
    maxMs: pick('maxMs'),
    cpuUsPerOp: pick('cpuUsPerOp'),
  };
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number): string => n.toFixed(3);
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const fmtCpu = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');

function verdict(ratio: number, aim: number): string {
  if (ratio >= aim) return 'met';
  return ratio >= aim - NOISE ? 'within noise' : 'not met';
}

/** Which of `commands` the server does not know (probed with no arguments: arity error vs unknown command). */
async function missingCommands(port: number, commands: readonly string[]): Promise<string[]> {
  const client = await RespClient.connect(port);
  try {
    const missing: string[] = [];
    for (const command of commands) {
      const reply = await client.command([command]);
      if (reply instanceof RespError && /unknown command/i.test(reply.message))
        missing.push(command.toUpperCase());
    }
    return missing;
  } finally {
    client.close();
  }
}

function version(program: string, args: string[]): string {
  return execFileSync(program, args, { encoding: 'utf8' }).trim().split('\n')[0] as string;
}

// ------------------------------------------------------------------------------------ throughput

interface TestResult {
  test: TestName;
  pipeline: number;
  /** Why tessera has no figure (command missing, error reply), or null. */
  skipped: string | null;
  redis: BenchmarkRow | null;
  tessera: BenchmarkRow | null;
  /**
   * Median over rounds of tessera rps / redis rps measured back to back in the same round: other load on
   * the machine hits both runs of a pair alike, so this is steadier than a ratio of medians.
   */
  rpsRatio: number;
  /** Median over rounds of redis CPU per request / tessera CPU per request (> 1: tessera cheaper). */
  cpuRatio: number;
}

async function throughput(
  options: Options,
  benchmark: string,
): Promise<{ results: TestResult[]; failed: boolean }> {
  const redis = await start(startRedis());
  const tessera = await start(startTessera({ main: options.dataNode, nodeFlags: options.nodeFlags }));
  const results: TestResult[] = [];
  let failed = false;
  try {
    const run = (server: BenchServer, test: string, requests: number, pipeline: number) =>
      runRedisBenchmark({
        program: benchmark,
        port: server.port,
        test,
        requests,
        pipeline,
        serverPid: server.pid,
        track,
      });
    // Warm-up: JIT the data-node's hot path before anything is measured.
    for (const server of [redis, tessera]) await run(server, 'set,get', options.requestsP16 / 5, 16);

    for (const [index, test] of options.tests.entries()) {
      const weight = WEIGHT[test] ?? 1;
      const missing = await missingCommands(tessera.port, COMMANDS[test]);
      const skip = missing.length > 0 ? `${missing.join(', ')} not implemented yet` : null;
      if (skip === null) {
        for (const server of [redis, tessera])
          await run(server, test, (options.requestsP16 * weight) / 10, 16);
      }
      for (const pipeline of PIPELINES) {
        const requests = Math.round((pipeline === 1 ? options.requestsP1 : options.requestsP16) * weight);
        const redisRows: BenchmarkRow[] = [];
        const tesseraRows: BenchmarkRow[] = [];
        const rpsRatios: number[] = [];
        const cpuRatios: number[] = [];
        let error: string | null = skip;
        for (let round = 0; round < options.rounds; round++) {
          const order = (round + index) % 2 === 0 ? [redis, tessera] : [tessera, redis];
          const pair = new Map<BenchServer, BenchmarkRow>();
          for (const server of order) {
            if (server === tessera && error !== null) continue;
            const result = await run(server, test, requests, pipeline);
            if (result.ok) pair.set(server, result.row);
            else if (server === tessera) error = result.error;
            else {
              failed = true;
              console.error(`redis ${test} -P${pipeline}: ${result.error}`);
            }
          }
          const r = pair.get(redis);
          const t = pair.get(tessera);
          if (r !== undefined) redisRows.push(r);
          if (t !== undefined) tesseraRows.push(t);
          if (r !== undefined && t !== undefined) {
            rpsRatios.push(t.rps / r.rps);
            cpuRatios.push(r.cpuUsPerOp / t.cpuUsPerOp);
          }
        }
        const result: TestResult = {
          test,
          pipeline,
          skipped: error,
          redis: redisRows.length > 0 ? medianRow(redisRows) : null,
          tessera: error === null && tesseraRows.length > 0 ? medianRow(tesseraRows) : null,
          rpsRatio: rpsRatios.length > 0 ? median(rpsRatios) : Number.NaN,
          cpuRatio: cpuRatios.length > 0 ? median(cpuRatios) : Number.NaN,
        };
        results.push(result);
        printRow(result);
      }
    }
  } finally {
    await stop(tessera);
    await stop(redis);
  }
  return { results, failed };
}

function printRow(r: TestResult): void {
  const name = `${r.test.toUpperCase()} -P${r.pipeline}`.padEnd(18);
  if (r.redis === null) return console.log(`${name} redis failed`);
  if (r.tessera === null) {
    return console.log(`${name} tessera: ${r.skipped ?? 'failed'}; redis ${fmtInt(r.redis.rps)} rps`);
  }
  console.log(
    `${name} tessera ${fmtInt(r.tessera.rps).padStart(9)}  redis ${fmtInt(r.redis.rps).padStart(9)}  ratio ${r.rpsRatio.toFixed(2)}` +
      `  p50 ${fmtMs(r.tessera.p50Ms)}/${fmtMs(r.redis.p50Ms)}  p99 ${fmtMs(r.tessera.p99Ms)}/${fmtMs(r.redis.p99Ms)} ms` +
      `  cpu ${fmtCpu(r.tessera.cpuUsPerOp)}/${fmtCpu(r.redis.cpuUsPerOp)} us/req (ratio ${r.cpuRatio.toFixed(2)})` +
      `  load ${loadavg()[0]?.toFixed(1)}`,
  );
}

function markdownTable(results: TestResult[], pipeline: number): string {
  const aim = AIM[pipeline] ?? 1;
  const lines = [
    `| test | tessera rps | redis rps | ratio | aim ${aim.toFixed(1)}x | p50 ms tessera / redis | p99 ms tessera / redis | CPU µs/req tessera / redis | CPU ratio |`,
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results.filter((x) => x.pipeline === pipeline)) {
    const name = r.test.toUpperCase();
    if (r.redis === null) {
      lines.push(`| ${name} | | redis failed | | | | | | |`);
    } else if (r.tessera === null) {
      lines.push(
        `| ${name} | ${r.skipped ?? 'failed'} | ${fmtInt(r.redis.rps)} | – | – | – / ${fmtMs(r.redis.p50Ms)} | – / ${fmtMs(r.redis.p99Ms)} | – / ${fmtCpu(r.redis.cpuUsPerOp)} | – |`,
      );
    } else {
      lines.push(
        `| ${name} | ${fmtInt(r.tessera.rps)} | ${fmtInt(r.redis.rps)} | **${r.rpsRatio.toFixed(2)}** | ${verdict(r.rpsRatio, aim)} ` +
          `| ${fmtMs(r.tessera.p50Ms)} / ${fmtMs(r.redis.p50Ms)} | ${fmtMs(r.tessera.p99Ms)} / ${fmtMs(r.redis.p99Ms)} ` +
          `| ${fmtCpu(r.tessera.cpuUsPerOp)} / ${fmtCpu(r.redis.cpuUsPerOp)} | ${r.cpuRatio.toFixed(2)} |`,
      );
    }
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------ memory

interface MemoryLine {
  dataset: Dataset;
  text: string;
  ok: boolean;
}

async function memory(options: Options): Promise<MemoryLine[]> {
  const datasets = options.quick
    ? [stringDataset(200_000), hashDataset(20_000)]
    : [stringDataset(1_000_000), hashDataset(100_000)];
  const lines: MemoryLine[] = [];
  for (const dataset of datasets) {
    const perServer: Record<string, Awaited<ReturnType<typeof measureMemory>> | string> = {};
    for (const starter of [
      () => startRedis(),
      () => startTessera({ main: options.dataNode, nodeFlags: options.nodeFlags }),
    ]) {
      const server = await start(starter());
      try {
        const missing = await missingCommands(server.port, [dataset.label.includes('HSET') ? 'hset' : 'set']);
        perServer[server.name] =
          missing.length > 0
            ? `${missing.join(', ')} not implemented yet`
            : await measureMemory(server, dataset, options.quick ? 10_000 : 40_000);
      } finally {
        await stop(server);
      }
    }
    const r = perServer['redis'];
    const t = perServer['tessera'];
    const describe = (m: typeof r): string =>
      typeof m === 'string' || m === undefined
        ? String(m)
        : `${m.bytesPerKey.toFixed(0)} B/key (${m.bytesPerKeyAtLoad.toFixed(0)} right after the load; RSS ${mib(m.baselineRss)} -> ${mib(m.loadedRss)} -> ${mib(m.settledRss)} MiB; DBSIZE ${m.dbsize ?? 'n/a'}${m.loadError ? `; ${m.loadError}` : ''})`;
    let text = `| ${dataset.label} | ${describe(t)} | ${describe(r)} |`;
    let ok = typeof r === 'object';
    if (typeof r === 'object' && typeof t === 'object') {
      const ratio = t.bytesPerKey / r.bytesPerKey;
      text += ` **${ratio.toFixed(2)}** | ${ratio <= MEMORY_AIM ? 'met' : ratio <= MEMORY_AIM + NOISE ? 'within noise' : 'not met'} |`;
      ok = t.loadError === null && r.loadError === null;
    } else {
      text += ' – | – |';
    }
    console.log(text);
    lines.push({ dataset, text, ok });
  }
  return lines;
}

// ------------------------------------------------------------------------------------ profile

async function profile(options: Options, benchmark: string): Promise<void> {
  const root = process.cwd();
  for (const pipeline of [16, 1]) {
    const dir = join(root, 'tmp', 'bench-profiles', `${Date.now()}-P${pipeline}`);
    mkdirSync(dir, { recursive: true });
    const flags = [...options.nodeFlags, '--cpu-prof', `--cpu-prof-dir=${dir}`];
    const tessera = await start(startTessera({ main: options.dataNode, nodeFlags: flags }));
    const requests = pipeline === 1 ? options.requestsP1 * 2 : options.requestsP16 * 2;
    try {
      for (const test of ['set', 'get']) {
        const result = await runRedisBenchmark({
          program: benchmark,
          port: tessera.port,
          test,
          requests,
          pipeline,
          track,
        });
        console.log(
          `profile -P${pipeline} ${test}: ${result.ok ? `${fmtInt(result.row.rps)} rps` : result.error}`,
        );
      }
    } finally {
      await stop(tessera);
    }
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error(`no .cpuprofile written in ${dir}`);
    const summary = summariseCpuProfile(join(dir, file), root, 25);
    console.log(
      `\nProfile SET+GET -P${pipeline} (${join(dir, file)}): busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms`,
    );
    console.log('| self % | total % | self ms | function |\n| ---: | ---: | ---: | --- |');
    for (const entry of summary.top) {
      console.log(
        `| ${entry.selfPercent.toFixed(1)} | ${entry.totalPercent.toFixed(1)} | ${entry.selfMs.toFixed(0)} | \`${entry.name}\` |`,
      );
    }
  }
}

// ------------------------------------------------------------------------------------ main

async function main(): Promise<number> {
  let options: Options;
  let benchmark: string;
  try {
    options = parseOptions(process.argv.slice(2));
    requireProgram('redis-server');
    benchmark = requireProgram('redis-benchmark');
  } catch (error) {
    console.error(
      `data-node bench: ${error instanceof MissingProgramError ? error.message : String(error instanceof Error ? error.message : error)}`,
    );
    return 2;
  }
  console.log(
    `data-node vs redis-server: redis-benchmark -c 50 -P1 -n ${fmtInt(options.requestsP1)} / -P16 -n ${fmtInt(options.requestsP16)}` +
      ` (LRANGE_100 x0.2, MSET x0.5), median of ${options.rounds} round(s), servers alternating`,
  );
  console.log(
    `node ${process.version} ${options.nodeFlags.join(' ')} | ${version('redis-server', ['--version'])} | ` +
      `${version(benchmark, ['--version'])} | ${cpus().length} x ${cpus()[0]?.model ?? '?'} | ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  console.log(`data-node: ${options.dataNode}`);
  // Other work on the machine skews rps (the CPU-per-request ratio much less): say how busy it was.
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(`load average at start: ${loadAtStart.toFixed(2)} on ${cpus().length} cores`);

  if (options.profile) {
    await profile(options, benchmark);
    return 0;
  }
  let failed = false;
  if (options.throughput) {
    const { results, failed: redisFailed } = await throughput(options, benchmark);
    failed ||= redisFailed;
    for (const pipeline of PIPELINES) console.log(`\n-P${pipeline}\n${markdownTable(results, pipeline)}`);
  }
  if (options.memory) {
    console.log(
      '\nMemory (RSS delta over the empty process, settled: lowest RSS in the idle window after the load)',
    );
    console.log('| dataset | tessera | redis | ratio | aim <= 2x |\n| --- | --- | --- | ---: | --- |');
    const lines = await memory(options);
    failed ||= lines.some((line) => !line.ok && !line.text.includes('not implemented'));
  }
  console.log(
    `\nload average: ${loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end`,
  );
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`data-node bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
