// Bench: RESP decoding throughput of @tessera/resp against `redis-parser` (the parser ioredis uses) on the same
// bytes in the same run. Requests: a 16-deep pipelined stream of small SET/GET commands, fed in 16 KB chunks like
// a server socket delivers them (redis-parser reads them as arrays of bulk strings). Replies: a mix of +OK,
// $bulk, :int and nested arrays, fed in 16 KB chunks; ours with Buffers and with strings.
// Standalone: `npx tsx tools/bench/src/resp-decode.bench.ts` (or `npm run bench resp`). Measures only; checks
// that both parsers decode the same number of items before timing them.
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import {
  encodeCommand,
  ReplyDecoder,
  ReplyWriter,
  RequestDecoder,
  type ReplyDecoderOptions,
} from '@tessera/resp';
import { median, printTable } from './lib/report.js';

const CHUNK_SIZE = 16 * 1024;
const PIPELINE = 16;
const STREAM_BYTES = 4 * 1024 * 1024;
const WARMUP_MS = 500;
const RUN_MS = 1000;
const RUNS = 5;

interface RedisParserOptions {
  returnReply(reply: unknown): void;
  returnError(error: Error): void;
  returnFatalError?(error: Error): void;
  returnBuffers?: boolean;
}
interface RedisParser {
  execute(chunk: Buffer): void;
}
type RedisParserClass = new (options: RedisParserOptions) => RedisParser;

function loadRedisParser(): { Parser: RedisParserClass; version: string } {
  const require = createRequire(import.meta.url);
  try {
    const version = (require('redis-parser/package.json') as { version: string }).version;
    return { Parser: require('redis-parser') as RedisParserClass, version };
  } catch (error) {
    throw new Error('redis-parser not found: it is pinned in the root package.json; run npm ci', {
      cause: error,
    });
  }
}

/** Cuts `stream` into fresh `CHUNK_SIZE` Buffers, as a socket would deliver it. */
function chunked(stream: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < stream.length; at += CHUNK_SIZE)
    chunks.push(Buffer.from(stream.subarray(at, at + CHUNK_SIZE)));
  return chunks;
}

/** redis-benchmark's SET/GET shape: `key:<12 digits>`, 3-byte values, batches of 16 alternating SET then GET. */
function requestStream(): { chunks: Buffer[]; commands: number } {
  const parts: Buffer[] = [];
  let size = 0;
  let commands = 0;
  for (let i = 0; size < STREAM_BYTES; i++) {
    const key = `key:${String((i * 7919) % 1_000_000).padStart(12, '0')}`;
    const command =
      Math.floor(i / PIPELINE) % 2 === 0 ? encodeCommand(['SET', key, 'xxx']) : encodeCommand(['GET', key]);
    parts.push(command);
    size += command.length;
    commands++;
  }
  return { chunks: chunked(Buffer.concat(parts)), commands };
}

/** A reply mix: +OK, a bulk of 10-100 bytes, an integer, and a nested array, repeated. */
function replyStream(): { chunks: Buffer[]; replies: number } {
  const writer = new ReplyWriter({ initialSize: STREAM_BYTES + 4096 });
  let replies = 0;
  for (let i = 0; writer.length < STREAM_BYTES; i++) {
    switch (i % 4) {
      case 0:
        writer.simple('OK');
        break;
      case 1:
        writer.bulk('v'.repeat(10 + (i % 91)));
        break;
      case 2:
        writer.integer(i * 31);
        break;
      default:
        writer.arrayHeader(3);
        writer.bulk(`field:${i}`);
        writer.integer(i);
        writer.arrayHeader(2);
        writer.simple('nested');
        writer.bulk(`value-${i}`);
    }
    replies++;
  }
  return { chunks: chunked(writer.take() as Buffer), replies };
}

/** One pass over all chunks; returns items decoded (plus a checksum that keeps the work observable). */
type Pass = () => number;

interface BenchCase {
  name: string;
  unit: string;
  tessera: Pass;
  reference: Pass;
}

function requestCase(Parser: RedisParserClass): BenchCase {
  const { chunks, commands } = requestStream();
  let count = 0;
  let sink = 0;
  const decoder = new RequestDecoder({
    command: (args) => {
      count++;
      sink += (args[1] as Buffer).length;
    },
    protocolError: (error) => {
      throw error;
    },
  });
  const parser = new Parser({
    returnBuffers: true,
    returnReply: (reply) => {
      count++;
      sink += ((reply as Buffer[])[1] as Buffer).length;
    },
    returnError: (error) => {
      throw error;
    },
  });
  const run = (feed: (chunk: Buffer) => void): number => {
    count = 0;
    for (const chunk of chunks) feed(chunk);
    if (sink < 0) console.log(sink);
    return count;
  };
  const bench: BenchCase = {
    name: `requests: ${PIPELINE}-deep SET/GET pipeline, ${CHUNK_SIZE / 1024} KB chunks`,
    unit: 'commands',
    tessera: () => run((chunk) => decoder.feed(chunk)),
    reference: () => run((chunk) => parser.execute(chunk)),
  };
  check(bench, commands);
  return bench;
}

function replyCase(Parser: RedisParserClass, strings: ReplyDecoderOptions['strings']): BenchCase {
  const { chunks, replies } = replyStream();
  let count = 0;
  const decoder = new ReplyDecoder(
    {
      reply: () => count++,
      protocolError: (error) => {
        throw error;
      },
    },
    { strings },
  );
  const parser = new Parser({
    returnBuffers: strings === 'buffer',
    returnReply: () => count++,
    returnError: () => count++,
  });
  const run = (feed: (chunk: Buffer) => void): number => {
    count = 0;
    for (const chunk of chunks) feed(chunk);
    return count;
  };
  const bench: BenchCase = {
    name: `replies: +OK/$bulk/:int/nested arrays, ${strings === 'buffer' ? 'Buffers' : 'strings'}`,
    unit: 'replies',
    tessera: () => run((chunk) => decoder.feed(chunk)),
    reference: () => run((chunk) => parser.execute(chunk)),
  };
  check(bench, replies);
  return bench;
}

function check(bench: BenchCase, expected: number): void {
  const [ours, theirs] = [bench.tessera(), bench.reference()];
  if (ours !== expected || theirs !== expected) {
    throw new Error(
      `${bench.name}: expected ${expected} items, tessera decoded ${ours}, redis-parser ${theirs}`,
    );
  }
}

/** CPU milliseconds (user + system) this process used since `start`. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Items per CPU second over passes lasting at least `ms` CPU milliseconds. CPU time rather than wall time:
 * on a shared 2-core box other processes steal wall time but not this process's CPU time.
 */
function itemsPerSecond(pass: Pass, ms: number): number {
  let items = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < ms) {
    items += pass();
    elapsed = cpuMs(start);
  }
  return (items / elapsed) * 1000;
}

function main(): number {
  const { Parser, version } = loadRedisParser();
  const cases = [requestCase(Parser), replyCase(Parser, 'buffer'), replyCase(Parser, 'utf8')];
  console.log(
    `resp-decode: items decoded per second, ${STREAM_BYTES / 1024 / 1024} MB streams in ${CHUNK_SIZE / 1024} KB chunks, ` +
      `warm-up ${WARMUP_MS} ms, ${RUNS} interleaved runs of ~${RUN_MS} ms of CPU time (median)`,
  );
  console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}, redis-parser ${version}`);
  const rows: string[][] = [
    ['case', 'tessera M/cpu-s', 'ns/item', 'redis-parser M/cpu-s', 'ns/item', 'ratio'],
  ];
  for (const bench of cases) {
    itemsPerSecond(bench.tessera, WARMUP_MS);
    itemsPerSecond(bench.reference, WARMUP_MS);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      ours.push(itemsPerSecond(bench.tessera, RUN_MS)); // interleaved, so drift hits both alike
      theirs.push(itemsPerSecond(bench.reference, RUN_MS));
    }
    const [a, b] = [median(ours), median(theirs)];
    rows.push([
      bench.name,
      (a / 1e6).toFixed(2),
      (1e9 / a).toFixed(0),
      (b / 1e6).toFixed(2),
      (1e9 / b).toFixed(0),
      (a / b).toFixed(2),
    ]);
  }
  printTable(rows);
  return 0;
}

process.exitCode = main();
