// Bench: keys -> hash slot per second for @tessera/slot `keySlot`/`keySlotUtf8`, against `cluster-key-slot`
// (the JS implementation ioredis and node-redis use) on the same keys in the same run.
// Standalone: `npx tsx tools/bench/src/slot-hash.bench.ts` (or `npm run bench slot`). Measures only; asserts nothing
// except that both implementations agree on every key before timing them.
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { keySlot, keySlotUtf8 } from '@tessera/slot';
import { median, printTable } from './lib/report.js';

/** Distinct keys per case, so the loop is not measuring one cached key. */
const KEYS_PER_CASE = 4096;
const WARMUP_MS = 300;
const RUN_MS = 1000;
const RUNS = 5;

type Key = string | Buffer;
/** One timed loop: hashes every key once and returns the sum of slots (kept so V8 cannot drop the work). */
type Loop = (keys: readonly Key[]) => number;

interface BenchCase {
  name: string;
  keys: Key[];
  tessera: Loop;
  reference: Loop;
}

/** `cluster-key-slot` exports its slot function itself (`module.exports = function generate(key)`). */
type ClusterKeySlot = (key: string | Buffer) => number;

function loadReference(): { calculate: ClusterKeySlot; version: string } {
  const require = createRequire(import.meta.url);
  try {
    // Not a declared dependency: the copy ioredis brings (ioredis 5 is pinned in the root package.json).
    const version = (require('cluster-key-slot/package.json') as { version: string }).version;
    return { calculate: require('cluster-key-slot') as ClusterKeySlot, version };
  } catch (error) {
    throw new Error('cluster-key-slot not found: it comes with ioredis; run npm ci', { cause: error });
  }
}

/**
 * Deterministic bytes (xorshift32) without `{` or `}`, so every run hashes the same 64-byte keys and both
 * implementations hash all of them: cluster-key-slot 1.1.x differs from Redis on keys whose first tag is empty
 * and that hold a later `}` (`foo{}{bar}`: Redis hashes the whole key, it hashes `{bar`).
 */
function pseudoRandomBytes(count: number, seed: number): Buffer {
  const bytes = Buffer.alloc(count);
  let x = seed;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const byte = x & 0xff;
    bytes[i] = byte === 0x7b || byte === 0x7d ? byte - 1 : byte;
  }
  return bytes;
}

function buildCases(calculate: ClusterKeySlot): BenchCase[] {
  const ids = Array.from({ length: KEYS_PER_CASE }, (_, i) => 100_000 + i * 211);
  // Each case spells out its own loops: one call site per function keeps V8's inlining honest.
  return [
    {
      name: 'string key:123456',
      keys: ids.map((id) => `key:${id}`),
      tessera: (keys) => keys.reduce<number>((sum, key) => sum + keySlot(key), 0),
      reference: (keys) => keys.reduce<number>((sum, key) => sum + calculate(key), 0),
    },
    {
      name: 'string {user123456}.following',
      keys: ids.map((id) => `{user${id}}.following`),
      tessera: (keys) => keys.reduce<number>((sum, key) => sum + keySlot(key), 0),
      reference: (keys) => keys.reduce<number>((sum, key) => sum + calculate(key), 0),
    },
    {
      name: 'Buffer 64 bytes',
      keys: ids.map((id) => pseudoRandomBytes(64, id)),
      tessera: (keys) => keys.reduce<number>((sum, key) => sum + keySlot(key), 0),
      reference: (keys) => keys.reduce<number>((sum, key) => sum + calculate(key), 0),
    },
    {
      name: 'utf8 text clé:123456 (keySlotUtf8)',
      keys: ids.map((id) => `clé:${id}`),
      tessera: (keys) => keys.reduce<number>((sum, key) => sum + keySlotUtf8(key as string), 0),
      reference: (keys) => keys.reduce<number>((sum, key) => sum + calculate(key), 0),
    },
  ];
}

/** Keys hashed per second over one run of at least `ms` milliseconds. */
function keysPerSecond(loop: Loop, keys: readonly Key[], ms: number): number {
  let hashed = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    sink += loop(keys);
    hashed += keys.length;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink); // never true; keeps the result observable
  return (hashed / elapsed) * 1000;
}

function main(): number {
  const reference = loadReference();
  const cases = buildCases(reference.calculate);
  for (const { name, keys, tessera, reference: ref } of cases) {
    if (tessera(keys) !== ref(keys)) {
      console.error(`slot-hash: @tessera/slot and cluster-key-slot disagree on "${name}"; not measuring`);
      return 1;
    }
  }

  console.log(
    `slot-hash: keys -> slot per second, ${KEYS_PER_CASE} keys per case, warm-up ${WARMUP_MS} ms, ` +
      `${RUNS} runs of ~${RUN_MS} ms each (median, best)`,
  );
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}, cluster-key-slot ${reference.version}`,
  );
  const rows: string[][] = [
    ['case', 'tessera Mkeys/s', 'best', 'ns/key', 'cluster-key-slot Mkeys/s', 'ratio'],
  ];
  for (const { name, keys, tessera, reference: ref } of cases) {
    keysPerSecond(tessera, keys, WARMUP_MS);
    keysPerSecond(ref, keys, WARMUP_MS);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      ours.push(keysPerSecond(tessera, keys, RUN_MS)); // interleaved, so drift hits both alike
      theirs.push(keysPerSecond(ref, keys, RUN_MS));
    }
    const [ourMedian, theirMedian] = [median(ours), median(theirs)];
    rows.push([
      name,
      (ourMedian / 1e6).toFixed(1),
      (Math.max(...ours) / 1e6).toFixed(1),
      (1e9 / ourMedian).toFixed(1),
      (theirMedian / 1e6).toFixed(1),
      (ourMedian / theirMedian).toFixed(2),
    ]);
  }
  printTable(rows);
  return 0;
}

process.exitCode = main();
