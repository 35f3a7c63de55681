import { describe, expect, it } from 'vitest';
import { decodeRequests, type RequestEvent } from '../testing/request-events.js';
import { SPLIT_MODES, splitChunks } from '../testing/split-chunks.js';
import { encodeCommand } from './encode-command.js';
import { REQUEST_ERRORS } from './request-errors.js';
import type { RequestLimits } from './request-limits.js';

const E = REQUEST_ERRORS;
const PING = { command: ['PING'] };
const big = (n: number, byte = '1'): string => byte.repeat(n);

interface Case {
  name: string;
  input: string | Buffer;
  events: RequestEvent[];
  limits?: Partial<RequestLimits>;
}

/** Every case runs whole-buffer, byte-by-byte and random-split and must emit the same events. */
const cases: Case[] = [
  // Valid streams.
  {
    name: 'a multibulk command',
    input: '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n',
    events: [{ command: ['SET', 'k', 'v'] }],
  },
  {
    name: 'binary arguments containing CR, LF and NUL',
    input: Buffer.concat([encodeCommand(['SET', Buffer.from([13, 10, 0, 255]), '\r\n'])]),
    events: [{ command: ['SET', '\r\n\u0000\u00ff', '\r\n'] }],
  },
  {
    name: 'an empty bulk argument',
    input: '*2\r\n$4\r\nECHO\r\n$0\r\n\r\n',
    events: [{ command: ['ECHO', ''] }],
  },
  { name: 'pipelined commands', input: 'PING\r\n*1\r\n$4\r\nPING\r\nPING\n', events: [PING, PING, PING] },
  // Ignored input.
  { name: 'an empty line', input: '\r\nPING\r\n', events: [PING] },
  { name: 'a blank inline line', input: ' \t \r\n\nPING\r\n', events: [PING] },
  { name: '*0', input: '*0\r\nPING\r\n', events: [PING] },
  { name: '*-1', input: '*-1\r\nPING\r\n', events: [PING] },
  { name: '*-10', input: '*-10\r\nPING\r\n', events: [PING] },
  { name: '*-2147483648', input: '*-2147483648\r\nPING\r\n', events: [PING] },
  { name: '*-9223372036854775808 (LLONG_MIN)', input: '*-9223372036854775808\r\nPING\r\n', events: [PING] },
  // Multibulk counts.
  { name: '*2147483648', input: '*2147483648\r\n', events: [{ error: E.INVALID_MULTIBULK_LENGTH }] },
  { name: '*3000000000', input: '*3000000000\r\n', events: [{ error: E.INVALID_MULTIBULK_LENGTH }] },
  { name: 'a non-numeric count', input: '*abc\r\n', events: [{ error: E.INVALID_MULTIBULK_LENGTH }] },
  { name: 'an empty count', input: '*\r\n', events: [{ error: E.INVALID_MULTIBULK_LENGTH }] },
  { name: 'a count of -0', input: '*-0\r\n', events: [{ error: E.INVALID_MULTIBULK_LENGTH }] },
  { name: 'a count with a leading zero', input: '*01\r\n', events: [{ error: E.INVALID_MULTIBULK_LENGTH }] },
  { name: 'a count with a plus sign', input: '*+1\r\n', events: [{ error: E.INVALID_MULTIBULK_LENGTH }] },
  {
    name: 'a count below LLONG_MIN',
    input: '*-9223372036854775809\r\n',
    events: [{ error: E.INVALID_MULTIBULK_LENGTH }],
  },
  {
    name: 'a count above maxMultibulkLength',
    input: '*5\r\n',
    limits: { maxMultibulkLength: 4 },
    events: [{ error: E.INVALID_MULTIBULK_LENGTH }],
  },
  // Bulk lengths.
  { name: '$-10', input: '*1\r\n$-10\r\n', events: [{ error: E.INVALID_BULK_LENGTH }] },
  { name: '$-1', input: '*1\r\n$-1\r\n', events: [{ error: E.INVALID_BULK_LENGTH }] },
  { name: '$blabla', input: '*1\r\n$blabla\r\n', events: [{ error: E.INVALID_BULK_LENGTH }] },
  {
    name: '$2000000000 (above proto-max-bulk-len)',
    input: '*1\r\n$2000000000\r\n',
    events: [{ error: E.INVALID_BULK_LENGTH }],
  },
  {
    name: '$9223372036854775807',
    input: '*1\r\n$9223372036854775807\r\n',
    events: [{ error: E.INVALID_BULK_LENGTH }],
  },
  {
    name: '$9223372036854775808 (overflow)',
    input: '*1\r\n$9223372036854775808\r\n',
    events: [{ error: E.INVALID_BULK_LENGTH }],
  },
  {
    name: 'a bulk above maxBulkLength',
    input: '*1\r\n$6\r\n',
    limits: { maxBulkLength: 5 },
    events: [{ error: E.INVALID_BULK_LENGTH }],
  },
  // Headers.
  {
    name: 'a payload where a $ header belongs',
    input: '*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n',
    events: [{ error: "Protocol error: expected '$', got 'f'" }],
  },
  {
    name: '*1 followed by foo',
    input: '*1\r\nfoo\r\n',
    events: [{ error: "Protocol error: expected '$', got 'f'" }],
  },
  {
    name: 'a CR where a $ header belongs (shown as a space)',
    input: '*1\r\n\r\n',
    events: [{ error: "Protocol error: expected '$', got ' '" }],
  },
  // Lines without an end.
  { name: '*2147483647 then nothing', input: '*2147483647\r\n', events: [] },
  { name: '*1 then foo without CR (Redis waits for the line end)', input: '*1\r\nfoo', events: [] },
  { name: 'a 64 KB+ count line', input: `*${big(70_000)}`, events: [{ error: E.TOO_BIG_MBULK_COUNT }] },
  {
    name: 'a 64 KB+ bulk length line',
    input: `*1\r\n$${big(70_000)}`,
    events: [{ error: E.TOO_BIG_BULK_COUNT }],
  },
  { name: 'a 64 KB+ inline line', input: big(70_000, 'a'), events: [{ error: E.TOO_BIG_INLINE }] },
  {
    name: 'a 64 KB+ inline line with its LF',
    input: `${big(70_000, 'a')}\n`,
    events: [{ error: E.TOO_BIG_INLINE }],
  },
  // The limit counts every byte before the LF, the CR included (Redis checks the buffer before the LF arrives).
  {
    name: 'an inline line of 65535 bytes and CRLF',
    input: `${big(65_535, 'a')}\r\n`,
    events: [{ command: [big(65_535, 'a')] }],
  },
  {
    name: 'an inline line of 65536 bytes and CRLF',
    input: `${big(65_536, 'a')}\r\n`,
    events: [{ error: E.TOO_BIG_INLINE }],
  },
  {
    name: 'a count line longer than maxInlineLength',
    input: '*12345\r\n',
    limits: { maxInlineLength: 4 },
    events: [{ error: E.TOO_BIG_MBULK_COUNT }],
  },
  // Desync seeds: a NUL hides every later line end from Redis' strchr.
  {
    name: 'a NUL seed and a flood',
    input: `\u0000${big(70_000, 'a')}\r\n`,
    events: [{ error: E.TOO_BIG_INLINE }],
  },
  {
    name: '*NUL and a flood',
    input: `*\u0000\r\n${big(70_000, 'a')}`,
    events: [{ error: E.TOO_BIG_MBULK_COUNT }],
  },
  {
    name: '$NUL and a flood',
    input: `*1\r\n$\u0000\r\n${big(70_000, 'a')}`,
    events: [{ error: E.TOO_BIG_BULK_COUNT }],
  },
  { name: 'a NUL in an inline line (no LF is ever found)', input: 'PI\u0000NG\r\n', events: [] },
  // Inline commands (sdssplitargs).
  { name: 'unbalanced quotes', input: 'set """test-key""" v\r\n', events: [{ error: E.UNBALANCED_QUOTES }] },
  { name: 'an unterminated double quote', input: 'set "a\r\n', events: [{ error: E.UNBALANCED_QUOTES }] },
  { name: 'an unterminated single quote', input: "set 'a\r\n", events: [{ error: E.UNBALANCED_QUOTES }] },
  {
    name: 'a closing quote followed by a letter',
    input: 'set "a"b c\r\n',
    events: [{ error: E.UNBALANCED_QUOTES }],
  },
  {
    name: 'double-quote escapes',
    input: 'set "\\n\\r\\t\\b\\a\\\\\\"\\x41\\xzz\\q" v\r\n',
    events: [{ command: ['set', '\n\r\t\b\u0007\\"Axzzq', 'v'] }],
  },
  {
    name: 'single-quote escapes',
    input: "set 'it\\'s \\n' v\r\n",
    events: [{ command: ['set', "it's \\n", 'v'] }],
  },
  { name: 'quotes inside a word', input: 'set a"b c"d\r\n', events: [{ error: E.UNBALANCED_QUOTES }] },
  {
    name: 'a word that opens a quote',
    input: 'set a"b c" d\r\n',
    events: [{ command: ['set', 'ab c', 'd'] }],
  },
  { name: 'empty quoted arguments', input: 'set "" \'\'\r\n', events: [{ command: ['set', '', ''] }] },
  {
    name: 'tabs, vertical tabs and a bare CR as separators',
    input: '\u000bset\ta\rb \u000b\n',
    events: [{ command: ['set', 'a', 'b'] }],
  },
  { name: 'a line ending in CR CR LF', input: 'PING\r\r\n', events: [PING] },
  // Redis' unchecked bytes: the byte after a header's CR and the two bytes after a payload are skipped.
  { name: 'any byte after a count CR', input: '*1\rX$4\r\nPING\r\n', events: [PING] },
  { name: 'any two bytes after a payload', input: '*1\r\n$4\r\nPINGxy', events: [PING] },
  // Authentication limits.
  {
    name: 'an unauthenticated count above 10',
    input: '*11\r\n',
    limits: { authenticated: false },
    events: [{ error: E.UNAUTHENTICATED_MULTIBULK }],
  },
  {
    name: 'an unauthenticated count of 10',
    input: encodeCommand(Array(10).fill('a')),
    limits: { authenticated: false },
    events: [{ command: Array(10).fill('a') }],
  },
  {
    name: 'an unauthenticated bulk above 16384',
    input: '*1\r\n$16385\r\n',
    limits: { authenticated: false },
    events: [{ error: E.UNAUTHENTICATED_BULK }],
  },
  {
    name: 'an invalid count checked before authentication',
    input: '*3000000000\r\n',
    limits: { authenticated: false },
    events: [{ error: E.INVALID_MULTIBULK_LENGTH }],
  },
  {
    name: 'an unauthenticated bulk of 16384',
    input: encodeCommand(['SET', big(16_384, 'v')]),
    limits: { authenticated: false },
    events: [{ command: ['SET', big(16_384, 'v')] }],
  },
  // After an error everything is ignored.
  {
    name: 'input after a protocol error',
    input: '*x\r\nPING\r\n*1\r\n$4\r\nPING\r\n',
    events: [{ error: E.INVALID_MULTIBULK_LENGTH }],
  },
];

describe('RequestDecoder', () => {
  for (const mode of SPLIT_MODES) {
    describe(mode, () => {
      for (const c of cases) {
        it(`handles ${c.name}`, () => {
          const input = typeof c.input === 'string' ? Buffer.from(c.input, 'latin1') : c.input;
          expect(decodeRequests(splitChunks(input, mode, 7), c.limits).events).toEqual(c.events);
        });
      }
    });
  }

  it('allocates nothing for a huge declared count and reports only the bytes it holds', () => {
    const run = decodeRequests([Buffer.from('*2147483647\r\n')]);
    expect(run.events).toEqual([]);
    expect(run.buffered).toBe(13);
    run.decoder.feed(Buffer.from('$1\r\na\r\n'));
    expect(run.decoder.bufferedBytes).toBe(20);
  });

  it('holds no bytes for a huge declared bulk beyond what arrived', () => {
    const run = decodeRequests([Buffer.from('*1\r\n$536870912\r\nabc')]);
    expect(run.buffered).toBe(19);
  });

  it('counts the bytes of an incomplete command across chunks and forgets them once it completes', () => {
    const input = encodeCommand(['SET', 'key', 'a-longer-value']);
    for (const mode of SPLIT_MODES) {
      const run = decodeRequests(splitChunks(input.subarray(0, input.length - 3), mode, 3));
      expect(run.buffered).toBe(input.length - 3);
      run.decoder.feed(Buffer.from(input.subarray(input.length - 3)));
      expect(run.decoder.bufferedBytes).toBe(0);
    }
  });

  it('returns arguments as views of the chunk when they lie in it', () => {
    const chunk = encodeCommand(['GET', 'key']);
    const run = decodeRequests([chunk]);
    expect(run.events).toEqual([{ command: ['GET', 'key'] }]);
    let seen: Buffer[] = [];
    decodeRequests([chunk], undefined, (args) => (seen = args));
    expect(seen.every((arg) => arg.buffer === chunk.buffer)).toBe(true);
  });

  it('applies setLimits from inside a command to the next command of the same chunk', () => {
    const input = Buffer.concat([encodeCommand(['AUTH', 'pw']), encodeCommand(Array(11).fill('x'))]);
    for (const mode of SPLIT_MODES) {
      const run = decodeRequests(splitChunks(input, mode, 5), { authenticated: false }, (args, decoder) => {
        if (args[0]?.toString() === 'AUTH') decoder.setLimits({ authenticated: true });
      });
      expect(run.events).toEqual([{ command: ['AUTH', 'pw'] }, { command: Array(11).fill('x') }]);
    }
  });

  it('reads again after reset() following a protocol error', () => {
    const run = decodeRequests([Buffer.from('*x\r\n')]);
    run.decoder.feed(Buffer.from('PING\r\n'));
    expect(run.events).toEqual([{ error: E.INVALID_MULTIBULK_LENGTH }]);
    run.decoder.reset();
    run.decoder.feed(Buffer.from('PING\r\n'));
    expect(run.events).toEqual([{ error: E.INVALID_MULTIBULK_LENGTH }, PING]);
  });

  it('drops the rest of the chunk when reset() is called from a handler', () => {
    const run = decodeRequests([Buffer.from('PING\r\nECHO a\r\n')], undefined, (_args, decoder) =>
      decoder.reset(),
    );
    expect(run.events).toEqual([PING]);
    run.decoder.feed(Buffer.from('ECHO b\r\n'));
    expect(run.events).toEqual([PING, { command: ['ECHO', 'b'] }]);
  });

  it('ignores empty chunks', () => {
    const run = decodeRequests([Buffer.from('*1\r\n$4\r\nPI'), Buffer.alloc(0), Buffer.from('NG\r\n')]);
    expect(run.events).toEqual([PING]);
  });
});
