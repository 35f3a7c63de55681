// Differential test: each byte string goes to a real redis-server over a raw socket and through our
// RequestDecoder (whole-buffer, byte-by-byte, random-split); the bytes Redis answers must equal what a
// server built on our decoder answers (`+PONG`, echoed bulks, `-ERR <our protocol error text>`).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRequests, type RequestEvent } from '../testing/request-events.js';
import { exchange, startRedisServer, type RedisServer } from '../testing/redis-server.js';
import { SPLIT_MODES, splitChunks } from '../testing/split-chunks.js';
import { encodeCommand } from './encode-command.js';
import type { RequestLimits } from './request-limits.js';
import { ReplyWriter } from './reply-writer.js';

const PASSWORD = 'secret';

/** What Redis 7.0 answers to the few commands the cases use. */
function render(events: readonly RequestEvent[]): string {
  const writer = new ReplyWriter();
  for (const event of events) {
    if ('error' in event) {
      writer.error(`ERR ${event.error}`);
      break; // Redis closes after a protocol error
    }
    const [name, ...rest] = event.command;
    if (name === 'QUIT' || name === 'AUTH') writer.simple('OK');
    else if (name === 'PING' && rest.length === 0) writer.simple('PONG');
    else if ((name === 'ECHO' || name === 'PING') && rest.length === 1) writer.bulk(rest[0] as string);
    else writer.error(`ERR wrong number of arguments for '${name?.toLowerCase()}' command`);
    if (name === 'QUIT') break;
  }
  return writer.take()?.toString('latin1') ?? '';
}

/** Our decoder's answer; fails the test unless all three chunkings agree. */
function ourAnswer(input: Buffer, limits?: Partial<RequestLimits>): string {
  const answers = SPLIT_MODES.map((mode) =>
    render(
      decodeRequests(splitChunks(input, mode, 11), limits, (args, decoder) => {
        if (args[0]?.toString() === 'AUTH') decoder.setLimits({ authenticated: true });
      }).events,
    ),
  );
  expect(new Set(answers).size).toBe(1);
  return answers[0] as string;
}

const QUIT = 'QUIT\r\n';
/** 81920 = 5 reads of 16 KB: Redis has read all of it when the 64 KB check fires (no RST). */
const FLOOD = 81_920;
const pad = (prefix: string, byte = '1'): string => prefix + byte.repeat(FLOOD - prefix.length);

const openCases: [string, string][] = [
  ['an empty line then PING', `\r\nPING\r\n${QUIT}`],
  ['*0', `*0\r\nPING\r\n${QUIT}`],
  ['*-1', `*-1\r\nPING\r\n${QUIT}`],
  ['*-10', `*-10\r\nPING\r\n${QUIT}`],
  ['*-2147483648', `*-2147483648\r\nPING\r\n${QUIT}`],
  ['*-9223372036854775808', `*-9223372036854775808\r\nPING\r\n${QUIT}`],
  ['*-9223372036854775809', '*-9223372036854775809\r\n'],
  ['*2147483648', '*2147483648\r\n'],
  ['*3000000000', '*3000000000\r\n'],
  ['*abc', '*abc\r\n'],
  ['an empty count', '*\r\n'],
  ['*-0', '*-0\r\n'],
  ['*01', '*01\r\n'],
  ['*+1', '*+1\r\n'],
  ['$-10', '*1\r\n$-10\r\n'],
  ['$-1', '*1\r\n$-1\r\n'],
  ['$blabla', '*1\r\n$blabla\r\n'],
  ['$2000000000', '*1\r\n$2000000000\r\n'],
  ['$9223372036854775807', '*1\r\n$9223372036854775807\r\n'],
  ['$9223372036854775808', '*1\r\n$9223372036854775808\r\n'],
  ['a payload where $ belongs', '*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n'],
  ['*1 then foo', '*1\r\nfoo\r\n'],
  ['a CR where $ belongs', '*1\r\n\r\n'],
  ['a byte 0xff where $ belongs', '*1\r\n\xff\r\n'],
  ['a 64 KB+ count line', pad('*')],
  ['a 64 KB+ count line with its CRLF', `${pad('*')}\r\n`],
  ['a 64 KB+ bulk length line', pad('*1\r\n$')],
  ['a 64 KB+ inline line', pad('', 'a')],
  ['a NUL seed and a flood', pad('\0', 'a')],
  ['*NUL and a flood', pad('*\0\r\n', 'a')],
  ['$NUL and a flood', pad('*1\r\n$\0\r\n', 'a')],
  ['set """test-key""" v', 'set """test-key""" v\r\n'],
  ['an unterminated quote', 'ECHO "abc\r\n'],
  ['a closing quote followed by a letter', 'ECHO "a"b\r\n'],
  ['double-quote escapes', `ECHO "\\x41\\x4a\\n\\r\\t\\b\\a\\\\\\"\\q\\xZZ"\r\n${QUIT}`],
  ['single-quote escapes', `ECHO 'it\\'s \\n'\r\n${QUIT}`],
  ['a quote opened inside a word', `ECHO a"b c"\r\n${QUIT}`],
  ['tabs, a vertical tab and a bare CR', `\vECHO\tx\r \v\n${QUIT}`],
  ['any byte after a count CR', `*1\rX$4\r\nPING\r\n${QUIT}`],
  ['any two bytes after a payload', `*1\r\n$4\r\nPINGxy${QUIT}`],
  ['binary arguments', `${encodeCommand(['ECHO', '\r\n\0\xff*$']).toString('latin1')}${QUIT}`],
];

const authCases: [string, string][] = [
  ['an unauthenticated count of 11', '*11\r\n'],
  ['an unauthenticated bulk of 16385', '*1\r\n$16385\r\n'],
  ['an invalid count before AUTH', '*3000000000\r\n'],
  [
    'a count of 11 and a bulk of 16385 right after AUTH in the same packet',
    `${encodeCommand(['AUTH', PASSWORD]).toString('latin1')}${encodeCommand(['ECHO', ...Array(10).fill('a')]).toString('latin1')}${encodeCommand(['ECHO', 'b'.repeat(16_385)]).toString('latin1')}${QUIT}`,
  ],
];

describe('RequestDecoder against redis-server', () => {
  let open: RedisServer;
  let auth: RedisServer;

  beforeAll(async () => {
    [open, auth] = await Promise.all([startRedisServer(), startRedisServer(['--requirepass', PASSWORD])]);
  });

  afterAll(async () => {
    await Promise.all([open?.stop(), auth?.stop()]);
  });

  for (const [name, input] of openCases) {
    it(`answers ${name} like Redis`, async () => {
      const bytes = Buffer.from(input, 'latin1');
      const redis = (await exchange(open.port, bytes)).toString('latin1');
      expect(ourAnswer(bytes)).toBe(redis);
    });
  }

  for (const [name, input] of authCases) {
    it(`answers ${name} like Redis before AUTH`, async () => {
      const bytes = Buffer.from(input, 'latin1');
      const redis = (await exchange(auth.port, bytes)).toString('latin1');
      expect(ourAnswer(bytes, { authenticated: false })).toBe(redis);
    });
  }

  it('splits random inline lines into the same arguments as Redis', async () => {
    const alphabet = fc.constantFrom(...'ab x"\'\\\t\r\v5fF'.split(''), '\\x', '\\x4', '\\x4f', "\\'", '\\"');
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { maxLength: 12 }), async (parts) => {
        const bytes = Buffer.from(`ECHO ${parts.join('')}\r\n${QUIT}`, 'latin1');
        const redis = (await exchange(open.port, bytes)).toString('latin1');
        expect(ourAnswer(bytes)).toBe(redis);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
