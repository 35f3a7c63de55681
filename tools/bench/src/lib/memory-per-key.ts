// Resident memory per key of a server: RSS of the freshly started, empty process, then RSS after a pipelined
// load of a dataset, divided by the number of keys (performance.md: RSS delta over >= 1M keys). Read twice:
// 1.5 s after the load, and settled, the lowest RSS seen over a window of idle time afterwards (V8 collects
// the load's garbage, such as promoted argument strings, only when its memory reducer runs some seconds after
// allocation stops; redis-server's RSS does not move). The caller starts and stops the server; this loads,
// waits and reads /proc.
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeCommand, RespError } from '@tessera/resp';
import type { BenchServer } from './bench-servers.js';
import { rssBytes } from './process-stats.js';
import { RespClient } from './resp-client.js';

export interface Dataset {
  /** Shown in the report, e.g. `1M strings (16 B values)`. */
  readonly label: string;
  readonly keys: number;
  /** The command that creates key `i`. */
  command(i: number): Buffer;
}

export interface MemoryResult {
  baselineRss: number;
  /** RSS 1.5 s after the load. */
  loadedRss: number;
  /** Lowest RSS sampled during the settle window after the load. */
  settledRss: number;
  /** DBSIZE after the load, or null when the server has no DBSIZE. */
  dbsize: number | null;
  /** (settledRss - baselineRss) / keys. */
  bytesPerKey: number;
  /** (loadedRss - baselineRss) / keys. */
  bytesPerKeyAtLoad: number;
  /** Error replies during the load (the first one's text), null when none. */
  loadError: string | null;
}

/** Let allocators and V8 finish what the last write started before reading RSS. */
const SETTLE_MS = 1500;
/** RSS sampling period during the settle window. */
const SAMPLE_MS = 2000;

/** `len` bytes of text unique to `i` (so values are not deduplicated by anything). */
function value(i: number, len: number): string {
  return `v${i}`.padEnd(len, 'x');
}

/** SET key:<7 digits> <16-byte value>, `count` keys. */
export function stringDataset(count: number): Dataset {
  return {
    label: `${count.toLocaleString('en-US')} strings, 11 B keys, 16 B values (SET)`,
    keys: count,
    command: (i) => encodeCommand(['SET', `key:${String(i).padStart(7, '0')}`, value(i, 16)]),
  };
}

/** HSET hash:<7 digits> with 10 fields `field:0..9` of 16-byte values, `count` keys. */
export function hashDataset(count: number): Dataset {
  return {
    label: `${count.toLocaleString('en-US')} hashes x 10 fields, 16 B values (HSET)`,
    keys: count,
    command: (i) => {
      const args = ['HSET', `hash:${String(i).padStart(7, '0')}`];
      for (let f = 0; f < 10; f++) args.push(`field:${f}`, value(i * 10 + f, 16));
      return encodeCommand(args);
    },
  };
}

/**
 * Loads `dataset` into the empty `server` and measures its RSS growth, sampling for `settleMs` after the
 * load (the memory reducer of V8 fired 20-30 s after a load in our runs).
 */
export async function measureMemory(
  server: BenchServer,
  dataset: Dataset,
  settleMs: number,
): Promise<MemoryResult> {
  const client = await RespClient.connect(server.port);
  try {
    await client.command(['PING']);
    await sleep(SETTLE_MS);
    const baselineRss = rssBytes(server.pid);
    const loaded = await client.load(dataset.keys, (i) => dataset.command(i));
    await client.command(['PING']);
    await sleep(SETTLE_MS);
    const loadedRss = rssBytes(server.pid);
    let settledRss = loadedRss;
    for (let waited = 0; waited < settleMs; waited += SAMPLE_MS) {
      await sleep(SAMPLE_MS);
      settledRss = Math.min(settledRss, rssBytes(server.pid));
    }
    const size = await client.command(['DBSIZE']);
    return {
      baselineRss,
      loadedRss,
      settledRss,
      dbsize: typeof size === 'number' ? size : size instanceof RespError ? null : Number(size),
      bytesPerKey: (settledRss - baselineRss) / dataset.keys,
      bytesPerKeyAtLoad: (loadedRss - baselineRss) / dataset.keys,
      loadError: loaded.firstError === null ? null : `${loaded.errors} errors, first: ${loaded.firstError}`,
    };
  } finally {
    client.close();
  }
}
