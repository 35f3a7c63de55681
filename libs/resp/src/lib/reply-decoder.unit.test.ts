import { describe, expect, it } from 'vitest';
import { decodeReplies, type ReplyEvent } from '../testing/reply-model.js';
import { SPLIT_MODES, splitChunks } from '../testing/split-chunks.js';
import { ReplyDecoder } from './reply-decoder.js';
import type { ReplyDecoderOptions } from './reply-decoder-options.js';
import { REPLY_ERRORS } from './reply-errors.js';
import { RespError } from './resp-error.js';
import { RespAttributed, RespPush, RespVerbatim, type RespValue } from './resp-values.js';

const E = REPLY_ERRORS;
const r = (value: RespValue): ReplyEvent => ({ reply: value });

interface Case {
  name: string;
  input: string;
  events: ReplyEvent[];
  options?: Partial<ReplyDecoderOptions>;
}

/** Every case runs whole-buffer, byte-by-byte and random-split and must emit the same events. */
const cases: Case[] = [
  { name: 'a simple string', input: '+OK\r\n', events: [r('OK')] },
  {
    name: 'an error with its code',
    input: '-WRONGTYPE Operation against a key\r\n',
    events: [r(new RespError('WRONGTYPE Operation against a key'))],
  },
  {
    name: 'integers',
    input: ':0\r\n:-42\r\n:9007199254740991\r\n',
    events: [r(0), r(-42), r(9007199254740991)],
  },
  {
    name: 'int64 beyond 2^53 as bigint',
    input: ':9223372036854775807\r\n:-9223372036854775808\r\n',
    events: [r(9223372036854775807n), r(-9223372036854775808n)],
  },
  { name: 'a bulk string', input: '$5\r\nhello\r\n', events: [r('hello')] },
  {
    name: 'a bulk string as a Buffer',
    input: '$5\r\nh\r\nlo\r\n',
    options: { strings: 'buffer' },
    events: [r(Buffer.from('h\r\nlo'))],
  },
  {
    name: 'a bulk string as latin1',
    input: '$2\r\n\xe9\xff\r\n',
    options: { strings: 'latin1' },
    events: [r('\xe9\xff')],
  },
  {
    name: 'a UTF-8 bulk string',
    input: `$2\r\n${Buffer.from('é').toString('latin1')}\r\n`,
    events: [r('é')],
  },
  { name: 'an empty bulk string', input: '$0\r\n\r\n', events: [r('')] },
  { name: 'RESP2 nulls', input: '$-1\r\n*-1\r\n', events: [r(null), r(null)] },
  { name: 'the RESP3 null', input: '_\r\n', events: [r(null)] },
  { name: 'booleans', input: '#t\r\n#f\r\n', events: [r(true), r(false)] },
  {
    name: 'doubles',
    input: ',1.5\r\n,-0.1e-3\r\n,10\r\n,inf\r\n,-inf\r\n,nan\r\n',
    events: [r(1.5), r(-0.0001), r(10), r(Infinity), r(-Infinity), r(Number.NaN)],
  },
  {
    name: 'a big number',
    input: '(3492890328409238509324850943850943825024385\r\n',
    events: [r(3492890328409238509324850943850943825024385n)],
  },
  {
    name: 'a blob error',
    input: '!21\r\nSYNTAX invalid syntax\r\n',
    events: [r(new RespError('SYNTAX invalid syntax'))],
  },
  {
    name: 'a verbatim string',
    input: '=15\r\ntxt:Some string\r\n',
    events: [r(new RespVerbatim('txt', 'Some string'))],
  },
  {
    name: 'a nested array',
    input: '*3\r\n:1\r\n*2\r\n+a\r\n$1\r\nb\r\n*0\r\n',
    events: [r([1, ['a', 'b'], []])],
  },
  {
    name: 'a map',
    input: '%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n',
    events: [
      r(
        new Map<RespValue, RespValue>([
          ['first', 1],
          ['second', 2],
        ]),
      ),
    ],
  },
  { name: 'a set', input: '~3\r\n+a\r\n+b\r\n+a\r\n', events: [r(new Set(['a', 'b']))] },
  {
    name: 'a push',
    input: '>3\r\n+message\r\n+ch\r\n+hi\r\n',
    events: [r(new RespPush(['message', 'ch', 'hi']))],
  },
  {
    name: 'an attribute before a reply',
    input: '|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n*1\r\n:2\r\n',
    events: [
      r(
        new RespAttributed(
          new Map<RespValue, RespValue>([['key-popularity', new Map<RespValue, RespValue>([['a', 0.19]])]]),
          [2],
        ),
      ),
    ],
  },
  {
    name: 'an attribute before an array element',
    input: '*2\r\n:1\r\n|1\r\n+ttl\r\n:5\r\n:2\r\n',
    events: [r([1, new RespAttributed(new Map<RespValue, RespValue>([['ttl', 5]]), 2)])],
  },
  {
    name: 'dropped attributes',
    input: '*2\r\n:1\r\n|1\r\n+ttl\r\n:5\r\n:2\r\n',
    options: { attributes: 'drop' },
    events: [r([1, 2])],
  },
  {
    name: 'a streamed string',
    input: '$?\r\n;4\r\nHell\r\n;5\r\no wor\r\n;1\r\nd\r\n;0\r\n',
    events: [r('Hello word')],
  },
  { name: 'a streamed array', input: '*?\r\n:1\r\n*?\r\n.\r\n.\r\n', events: [r([1, []])] },
  {
    name: 'a streamed map',
    input: '%?\r\n+a\r\n:1\r\n.\r\n',
    events: [r(new Map<RespValue, RespValue>([['a', 1]]))],
  },
  { name: 'a streamed set', input: '~?\r\n+a\r\n.\r\n', events: [r(new Set(['a']))] },
  // Errors.
  {
    name: 'an unknown type byte',
    input: '?x\r\n',
    events: [{ error: 'Protocol error: invalid reply type byte 0x3f' }],
  },
  {
    name: 'an unknown type byte before any line end',
    input: '\x00',
    events: [{ error: 'Protocol error: invalid reply type byte 0x00' }],
  },
  { name: 'CR without LF', input: '+OK\rX', events: [{ error: E.EXPECTED_CRLF }] },
  { name: 'a bulk without its CRLF', input: '$2\r\nabXY', events: [{ error: E.EXPECTED_CRLF }] },
  { name: 'a negative bulk length', input: '$-2\r\n', events: [{ error: E.INVALID_LENGTH }] },
  {
    name: 'an overflowing bulk length',
    input: '$9223372036854775808\r\n',
    events: [{ error: E.INVALID_LENGTH }],
  },
  { name: 'a negative array count', input: '*-2\r\n', events: [{ error: E.INVALID_LENGTH }] },
  { name: 'a null map', input: '%-1\r\n', events: [{ error: E.INVALID_LENGTH }] },
  { name: 'a bad integer', input: ':12a\r\n', events: [{ error: E.INVALID_INTEGER }] },
  { name: 'a bad double', input: ',1.2.3\r\n', events: [{ error: E.INVALID_DOUBLE }] },
  { name: 'an empty double', input: ',\r\n', events: [{ error: E.INVALID_DOUBLE }] },
  { name: 'a bad big number', input: '(12x\r\n', events: [{ error: E.INVALID_BIG_NUMBER }] },
  { name: 'a bad boolean', input: '#x\r\n', events: [{ error: E.INVALID_BOOLEAN }] },
  { name: 'a null with content', input: '_x\r\n', events: [{ error: E.INVALID_NULL }] },
  {
    name: 'a verbatim string without its format',
    input: '=2\r\nab\r\n',
    events: [{ error: E.INVALID_VERBATIM }],
  },
  {
    name: 'a stream end outside a streamed aggregate',
    input: '*1\r\n.\r\n',
    events: [{ error: E.UNEXPECTED_STREAM_PART }],
  },
  {
    name: 'a chunk outside a streamed string',
    input: ';3\r\nabc\r\n',
    events: [{ error: E.UNEXPECTED_STREAM_PART }],
  },
  {
    name: 'a non-chunk inside a streamed string',
    input: '$?\r\n:1\r\n',
    events: [{ error: E.UNEXPECTED_STREAM_PART }],
  },
  { name: 'a streamed map ending inside a pair', input: '%?\r\n+a\r\n.\r\n', events: [{ error: E.ODD_MAP }] },
  {
    name: 'nesting deeper than maxDepth',
    input: '*1\r\n'.repeat(4),
    options: { maxDepth: 3 },
    events: [{ error: E.TOO_DEEP }],
  },
  {
    name: 'nesting up to maxDepth',
    input: `${'*1\r\n'.repeat(3)}:1\r\n`,
    options: { maxDepth: 3 },
    events: [r([[[1]]])],
  },
  {
    name: 'a line longer than maxLineLength',
    input: `+${'a'.repeat(20)}`,
    options: { maxLineLength: 16 },
    events: [{ error: E.LINE_TOO_LONG }],
  },
  {
    name: 'a line of maxLineLength',
    input: `+${'a'.repeat(15)}\r\n`,
    options: { maxLineLength: 16 },
    events: [r('a'.repeat(15))],
  },
  {
    name: 'a blob longer than maxBulkLength',
    input: '$11\r\n',
    options: { maxBulkLength: 10 },
    events: [{ error: E.BULK_TOO_LONG }],
  },
  {
    name: 'an aggregate longer than maxAggregateLength',
    input: '*11\r\n',
    options: { maxAggregateLength: 10 },
    events: [{ error: E.AGGREGATE_TOO_LONG }],
  },
  {
    name: 'input after an error',
    input: '+OK\r\n:x\r\n+OK\r\n',
    events: [r('OK'), { error: E.INVALID_INTEGER }],
  },
];

describe('ReplyDecoder', () => {
  for (const mode of SPLIT_MODES) {
    describe(mode, () => {
      for (const c of cases) {
        it(`decodes ${c.name}`, () => {
          expect(
            decodeReplies(splitChunks(Buffer.from(c.input, 'latin1'), mode, 3), c.options).events,
          ).toEqual(c.events);
        });
      }
    });
  }

  it('gives error replies a code from their first word', () => {
    const [event] = decodeReplies([Buffer.from('-MOVED 3999 127.0.0.1:6381\r\n')]).events;
    const error = (event as { reply: RespError }).reply;
    expect(error).toBeInstanceOf(RespError);
    expect(error.code).toBe('MOVED');
    expect(error.message).toBe('MOVED 3999 127.0.0.1:6381');
  });

  it('allocates nothing for a huge declared array and holds only the bytes received', () => {
    const run = decodeReplies([Buffer.from('*4294967295\r\n:1\r\n')]);
    expect(run.events).toEqual([]);
    expect(run.buffered).toBe(17);
  });

  it('routes top-level pushes to the push handler when there is one', () => {
    const seen: string[] = [];
    const decoder = new ReplyDecoder({
      reply: (v) => seen.push(`reply ${String(v)}`),
      push: (p) => seen.push(`push ${p.kind}`),
      protocolError: (e) => seen.push(e.message),
    });
    decoder.feed(Buffer.from('>2\r\n+invalidate\r\n*1\r\n+k\r\n+OK\r\n'));
    expect(seen).toEqual(['push invalidate', 'reply OK']);
  });

  it('returns bulk Buffers that view the chunk they lie in', () => {
    const chunk = Buffer.from('$3\r\nabc\r\n');
    const [event] = decodeReplies([chunk], { strings: 'buffer' }).events;
    const value = (event as { reply: Buffer }).reply;
    expect(value.buffer).toBe(chunk.buffer);
    expect(value.toString()).toBe('abc');
  });

  it('reads again after reset() following a protocol error', () => {
    const events: ReplyEvent[] = [];
    const decoder = new ReplyDecoder({
      reply: (v) => events.push(r(v)),
      protocolError: (e) => events.push({ error: e.message }),
    });
    decoder.feed(Buffer.from('@\r\n'));
    decoder.feed(Buffer.from('+OK\r\n'));
    decoder.reset();
    decoder.feed(Buffer.from('+OK\r\n'));
    expect(events).toEqual([{ error: 'Protocol error: invalid reply type byte 0x40' }, r('OK')]);
  });
});
