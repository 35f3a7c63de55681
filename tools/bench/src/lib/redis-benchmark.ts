// Runs `redis-benchmark --csv` for one test against one port and parses its result row (rps and latency
// percentiles). Also samples the server's CPU time around the run (/proc, Linux) so a bench can report server
// CPU per operation, the figure that still separates servers at -P1 where the benchmark client is the
// ceiling. Measures nothing else; no retries.
import { spawn } from 'node:child_process';
import { cpuMicros } from './process-stats.js';

export interface RedisBenchmarkOptions {
  /** Path of the redis-benchmark program. */
  program: string;
  port: number;
  /** redis-benchmark test name (`-t`), e.g. `set`, `lrange_100`. */
  test: string;
  /** Requests (`-n`). */
  requests: number;
  /** Parallel clients (`-c`). @default 50 */
  clients?: number;
  /** Pipeline depth (`-P`). */
  pipeline: number;
  /** `--cluster`: `port` is one node of a cluster; redis-benchmark spreads keys over its masters. @default false */
  cluster?: boolean;
  /** Server process to sample CPU time of; omitted: no CPU figure. */
  serverPid?: number;
  /** Called with the child while it runs (so a Ctrl-C handler can kill it). */
  track?: (child: ReturnType<typeof spawn>) => void;
}

export interface BenchmarkRow {
  rps: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Server CPU (user + system) per request in microseconds; NaN when not sampled. */
  cpuUsPerOp: number;
}

export type BenchmarkResult = { ok: true; row: BenchmarkRow } | { ok: false; error: string };

/**
 * The CSV row of `test`: redis-benchmark prints extra rows for some tests (lrange_* first runs
 * "LPUSH (needed to benchmark LRANGE)"), so match the first word of the title (`LRANGE_100 (first 100
 * elements)`, `MSET (10 keys)`).
 */
export function parseCsv(csv: string, test: string): BenchmarkRow | null {
  const wanted = test.toUpperCase();
  for (const line of csv.split('\n')) {
    const cells = line
      .trim()
      .split(',')
      .map((cell) => cell.replace(/^"|"$/g, ''));
    if (cells.length < 8) continue;
    const title = cells[0] as string;
    if (title.split(' ')[0] !== wanted) continue;
    const [rps, avg, , p50, p95, p99, max] = cells.slice(1).map(Number) as number[];
    return {
      rps: rps as number,
      avgMs: avg as number,
      p50Ms: p50 as number,
      p95Ms: p95 as number,
      p99Ms: p99 as number,
      maxMs: max as number,
      cpuUsPerOp: Number.NaN,
    };
  }
  return null;
}

/** Runs one redis-benchmark test; a failed run (error reply, crash) is returned, not thrown. */
export async function runRedisBenchmark(options: RedisBenchmarkOptions): Promise<BenchmarkResult> {
  const args = [
    '-h',
    '127.0.0.1',
    '-p',
    String(options.port),
    '-c',
    String(options.clients ?? 50),
    '-n',
    String(options.requests),
    '-P',
    String(options.pipeline),
    '-t',
    options.test,
    '--csv',
    ...(options.cluster === true ? ['--cluster'] : []),
  ];
  const cpuBefore = options.serverPid === undefined ? Number.NaN : cpuMicros(options.serverPid);
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(options.program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      options.track?.(child);
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      child.on('error', (error) => resolve({ code: -1, stdout: out, stderr: error.message }));
      child.on('close', (exitCode, signal) =>
        resolve({ code: exitCode ?? (signal !== null ? 128 : 1), stdout: out, stderr: err }),
      );
    },
  );
  const cpuAfter = options.serverPid === undefined ? Number.NaN : cpuMicros(options.serverPid);
  // redis-benchmark exits 1 on the first error reply ("Error from server: ERR unknown command ...").
  const serverError = /Error from server: ([^\n]*)/.exec(stdout + stderr);
  if (serverError !== null) return { ok: false, error: (serverError[1] as string).trim() };
  const row = parseCsv(stdout, options.test);
  if (code !== 0 || row === null) {
    const detail = (stderr.trim() || stdout.trim()).split('\n').slice(-3).join(' | ');
    return { ok: false, error: `redis-benchmark exited ${code}: ${detail || 'no result row'}` };
  }
  row.cpuUsPerOp = (cpuAfter - cpuBefore) / options.requests;
  return { ok: true, row };
}
