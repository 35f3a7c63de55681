// Differential test: real redis-server replies decoded by ReplyDecoder (whole-buffer, byte-by-byte,
// random-split). RESP2 streams must decode to the same tree as the reference `redis-parser`; RESP3 streams
// from DEBUG PROTOCOL must decode to the values redis src/debug.c builds.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReplies } from '../testing/reply-model.js';
import { exchange, startRedisServer, type RedisServer } from '../testing/redis-server.js';
import { SPLIT_MODES, splitChunks } from '../testing/split-chunks.js';
import { encodeCommand } from './encode-command.js';
import { RespError } from './resp-error.js';
import { RespAttributed, RespPush, RespVerbatim, type RespValue } from './resp-values.js';

/** `redis-parser` (the parser ioredis uses) has no type declarations: the part of its API used here. */
type RedisParserClass = new (options: {
  returnBuffers: boolean;
  stringNumbers: boolean;
  returnReply(reply: unknown): void;
  returnError(error: Error): void;
  returnFatalError(error: Error): void;
}) => { execute(bytes: Buffer): void };
const RedisParser = createRequire(import.meta.url)('redis-parser') as RedisParserClass;

/** A JSON-comparable form shared by both parsers: strings (latin1), integers as decimal text, errors tagged. */
type Plain = string | null | { error: string } | Plain[];

function plainOurs(value: RespValue): Plain {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (value instanceof RespError) return { error: value.message };
  if (Array.isArray(value)) return value.map(plainOurs);
  throw new Error(`not a RESP2 value: ${String(value)}`);
}

function plainTheirs(value: unknown): Plain {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (value instanceof Error) return { error: value.message };
  if (Array.isArray(value)) return value.map(plainTheirs);
  throw new Error(`unexpected redis-parser value: ${String(value)}`);
}

function redisParserDecode(bytes: Buffer): Plain[] {
  const out: Plain[] = [];
  const parser = new RedisParser({
    returnBuffers: true,
    stringNumbers: true,
    returnReply: (reply: unknown) => out.push(plainTheirs(reply)),
    returnError: (error: Error) => out.push({ error: error.message }),
    returnFatalError: (error: Error) => out.push({ error: `fatal: ${error.message}` }),
  });
  parser.execute(bytes);
  return out;
}

const big = 'v'.repeat(100_000);
const resp2Script = [
  ['SET', 'k', 'value'],
  ['GET', 'k'],
  ['GET', 'missing'],
  ['SET', 'n', '9223372036854775800'],
  ['INCRBY', 'n', '7'],
  ['INCR', 'n'],
  ['RPUSH', 'l', 'a', '', '\r\n\0\xff'],
  ['LRANGE', 'l', '0', '-1'],
  ['HSET', 'h', 'f', 'v'],
  ['HGETALL', 'h'],
  ['MULTI'],
  ['INCR', 'k'],
  ['GET', 'k'],
  ['EXEC'],
  ['SET', 'big', big],
  ['GET', 'big'],
  ['INFO', 'server'],
  ['NOSUCHCOMMAND'],
  ...[
    'string',
    'integer',
    'double',
    'bignum',
    'null',
    'array',
    'set',
    'map',
    'verbatim',
    'true',
    'false',
  ].map((t) => ['DEBUG', 'PROTOCOL', t]),
  ['QUIT'],
];

describe('ReplyDecoder against redis-server', () => {
  let redis: RedisServer;

  beforeAll(async () => {
    redis = await startRedisServer(['--enable-debug-command', 'yes']);
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('decodes a RESP2 session to the same replies as redis-parser under every split', async () => {
    const bytes = await exchange(redis.port, Buffer.concat(resp2Script.map((c) => encodeCommand(c))));
    const reference = redisParserDecode(bytes);
    expect(reference).toHaveLength(resp2Script.length);
    for (const mode of SPLIT_MODES) {
      const run = decodeReplies(splitChunks(bytes, mode, 5), { strings: 'latin1' });
      expect(
        run.events.map((e) => ('reply' in e ? plainOurs(e.reply) : { error: `fatal: ${e.error}` })),
      ).toEqual(reference);
      expect(run.buffered).toBe(0);
    }
  });

  it('decodes every RESP3 type DEBUG PROTOCOL sends to the values redis builds', async () => {
    const types = [
      'string',
      'integer',
      'double',
      'bignum',
      'null',
      'array',
      'set',
      'map',
      'attrib',
      'push',
      'verbatim',
    ];
    const commands = [
      ['HELLO', '3'],
      ...[...types, 'true', 'false'].map((t) => ['DEBUG', 'PROTOCOL', t]),
      ['QUIT'],
    ];
    const bytes = await exchange(redis.port, Buffer.concat(commands.map((c) => encodeCommand(c))));
    const expected: RespValue[] = [
      'Hello World',
      12345,
      3.141,
      1234567999999999999999999999999999999n,
      null,
      [0, 1, 2],
      new Set([0, 1, 2]),
      new Map<RespValue, RespValue>([
        [0, false],
        [1, true],
        [2, false],
      ]),
      new RespAttributed(
        new Map<RespValue, RespValue>([['key-popularity', ['key:123', 90]]]),
        'Some real reply following the attribute',
      ),
      new RespPush(['server-cpu-usage', 42]),
      'Some real reply following the push reply',
      new RespVerbatim('txt', 'This is a verbatim\nstring'),
      true,
      false,
      'OK',
    ];
    for (const mode of SPLIT_MODES) {
      const { events } = decodeReplies(splitChunks(bytes, mode, 9));
      const [hello, ...rest] = events.map((e) => ('reply' in e ? e.reply : e.error));
      expect(hello).toBeInstanceOf(Map);
      expect((hello as Map<RespValue, RespValue>).get('server')).toBe('redis');
      expect((hello as Map<RespValue, RespValue>).get('proto')).toBe(3);
      expect(rest).toEqual(expected);
    }
  });
});
