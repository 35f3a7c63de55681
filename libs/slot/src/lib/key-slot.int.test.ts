// Differential test: keySlot against a real redis-server's CLUSTER KEYSLOT, the oracle for the hash-tag rule.
// Talks raw RESP over node:net (binary-safe multibulk commands, pipelined) to a cluster-mode redis-server
// started on free ports in a temporary directory, and killed in afterAll.
import { fc } from '@fast-check/vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySlot, keySlotUtf8 } from './key-slot.js';

const REDIS_MISSING = 'redis-server not found: run tools/bootstrap (or apt-get install redis-server)';
const STARTUP_TIMEOUT_MS = 10_000;
const CRLF = '\r\n';

/** One key to check: its wire bytes, and the text it came from when it is ordinary (UTF-8) text. */
interface Case {
  bytes: Buffer;
  text?: string;
}

/** A port nobody listens on right now, found by binding port 0. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address for port 0');
  return address.port;
}

interface RedisServer {
  port: number;
  process: ChildProcess;
  dir: string;
}

async function startRedisCluster(): Promise<RedisServer> {
  const probe = spawnSync('redis-server', ['--version']);
  if (probe.error) throw new Error(REDIS_MISSING, { cause: probe.error });
  const dir = await mkdtemp(join(tmpdir(), 'tessera-slot-'));
  const port = await freePort();
  let busPort = await freePort();
  while (busPort === port) busPort = await freePort();
  // An explicit --cluster-port: the default (port + 10000) may not exist for a high free port.
  const args = ['--port', String(port), '--cluster-port', String(busPort), '--bind', '127.0.0.1'];
  args.push('--cluster-enabled', 'yes', '--cluster-config-file', join(dir, 'nodes.conf'));
  args.push('--save', '', '--appendonly', 'no', '--dir', dir);
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      STARTUP_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => reject(new Error(REDIS_MISSING, { cause: error })));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  return { port, process: child, dir };
}

async function stopRedis(server: RedisServer): Promise<void> {
  if (server.process.exitCode === null) {
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGKILL');
    await exited;
  }
  await rm(server.dir, { recursive: true, force: true });
}

/** `CLUSTER KEYSLOT <key>` as a RESP multibulk, binary-safe. */
function keyslotCommand(key: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`*3${CRLF}$7${CRLF}CLUSTER${CRLF}$7${CRLF}KEYSLOT${CRLF}$${key.length}${CRLF}`),
    key,
    Buffer.from(CRLF),
  ]);
}

/** Sends every command in one pipeline and returns the integer replies in order (an error reply throws). */
async function clusterKeyslots(socket: Socket, keys: Buffer[]): Promise<number[]> {
  const replies: number[] = [];
  let pending = Buffer.alloc(0);
  const done = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      pending = Buffer.concat([pending, chunk]);
      let lineEnd: number;
      while ((lineEnd = pending.indexOf(CRLF)) >= 0) {
        const line = pending.subarray(0, lineEnd).toString('latin1');
        pending = pending.subarray(lineEnd + 2);
        if (line[0] !== ':') {
          socket.off('data', onData);
          reject(new Error(`unexpected reply to CLUSTER KEYSLOT #${replies.length}: ${line}`));
          return;
        }
        replies.push(Number(line.slice(1)));
      }
      if (replies.length === keys.length) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
  socket.write(Buffer.concat(keys.map(keyslotCommand)));
  await done;
  return replies;
}

/** Random keys of every kind that can trip the hash-tag rule, reproducible from `seed`. */
function generateCases(seed: number): Case[] {
  const binary = fc.uint8Array({ maxLength: 48 });
  const trickyByte = fc.constantFrom(0x00, 0x0a, 0x0d, 0x7b, 0x7d, 0x7f, 0x80, 0xff, 0x61);
  const trickyBytes = fc.array(trickyByte, { maxLength: 24 }).map((bytes) => Uint8Array.from(bytes));
  const fragments = [
    '{',
    '}',
    '{}',
    '}{',
    '{{}}',
    'a{b}c{d}',
    'x',
    '\x00',
    '\r\n',
    '\xff',
    '{user1000}',
    '{{',
    '}}',
  ];
  const braceHeavy = fc
    .array(fc.constantFrom(...fragments), { maxLength: 12 })
    .map((parts) => parts.join(''));
  const unicode = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 16 }),
    fc.string({ unit: 'binary', maxLength: 16 }),
  );
  const unicodeWithTag = fc.tuple(unicode, unicode, unicode).map(([a, b, c]) => `${a}{${b}}${c}`);
  const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, offset: number): T[] =>
    fc.sample(arbitrary, { seed: seed + offset, numRuns });

  const edges = [
    '',
    '{',
    '}',
    '{}',
    '}{',
    '{{}}',
    '{{}',
    'a{b}c{d}',
    'foo{}{bar}',
    'foo{{bar}}zap',
    'foo{bar}{zap}',
  ];
  edges.push(
    '{}foo',
    '123456789',
    'foo',
    'bar',
    'hello',
    'x',
    'user1000',
    '{user1000}.following',
    '\r\n',
    '{\r\n}',
  );
  return [
    ...edges.map((key) => ({ bytes: Buffer.from(key, 'latin1') })),
    ...[0x00, 0xff, 0x7b, 0x7d].map((byte) => ({ bytes: Buffer.alloc(9, byte) })),
    { bytes: Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919) & 0xff)) },
    ...sample(binary, 5_000, 1).map((bytes) => ({ bytes: Buffer.from(bytes) })),
    ...sample(trickyBytes, 4_000, 2).map((bytes) => ({ bytes: Buffer.from(bytes) })),
    ...sample(braceHeavy, 5_000, 3).map((key) => ({ bytes: Buffer.from(key, 'latin1') })),
    ...sample(fc.oneof(unicode, unicodeWithTag), 4_000, 4).map((text) => ({
      bytes: Buffer.from(text, 'utf8'),
      text,
    })),
    ...Array.from({ length: 2_000 }, (_, i) => ({
      bytes: Buffer.from(i % 2 ? `key:${i}` : `{user${i}}.following`),
    })),
  ];
}

/** Every way this lib can compute the slot of one case, each labelled for the failure report. */
function ourSlots({ bytes, text }: Case): Record<string, number> {
  const slots: Record<string, number> = { bytes: keySlot(bytes), latin1: keySlot(bytes.toString('latin1')) };
  if (text !== undefined) slots['utf8'] = keySlotUtf8(text);
  return slots;
}

describe('keySlot against redis-server CLUSTER KEYSLOT', () => {
  let redis: RedisServer | undefined;
  let socket: Socket | undefined;

  beforeAll(async () => {
    redis = await startRedisCluster();
    const port = redis.port;
    socket = await new Promise<Socket>((resolve, reject) => {
      const client = connect(port, '127.0.0.1', () => resolve(client)).once('error', reject);
    });
  });

  afterAll(async () => {
    socket?.destroy();
    if (redis) await stopRedis(redis);
  });

  it('agrees on 20,000+ random binary, brace-heavy, unicode and hash-tag keys, as bytes and byte strings', async () => {
    const seed = Number(process.env['SLOT_DIFF_SEED'] ?? Date.now() % 2 ** 31);
    const cases = generateCases(seed);
    if (!socket) throw new Error('beforeAll did not connect to redis-server');
    const redisSlots = await clusterKeyslots(
      socket,
      cases.map((c) => c.bytes),
    );

    const mismatches = cases.flatMap((c, i) => {
      const ours = ourSlots(c);
      const differs = Object.values(ours).some((slot) => slot !== redisSlots[i]);
      return differs ? [{ keyHex: c.bytes.toString('hex'), redis: redisSlots[i], ...ours }] : [];
    });
    expect(cases.length).toBeGreaterThanOrEqual(20_000);
    expect(redisSlots).toHaveLength(cases.length);
    expect(mismatches.slice(0, 10), `mismatches with SLOT_DIFF_SEED=${seed}`).toEqual([]);
  });
});
