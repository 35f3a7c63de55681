// Differential test: the bytes ReplyWriter produces must equal, byte for byte, what a real redis-server 7.0
// sends for the same replies, in RESP2 and RESP3: doubles (%.17g) through ZADD/ZSCORE, and every RESP3
// type through DEBUG PROTOCOL (whose replies are fixed in redis src/debug.c).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, startRedisServer, type RedisServer } from '../testing/redis-server.js';
import { encodeCommand } from './encode-command.js';
import { ReplyWriter } from './reply-writer.js';

const QUIT = encodeCommand(['QUIT']);
const HELLO3 = encodeCommand(['HELLO', '3']);

/** What each `DEBUG PROTOCOL <type>` replies, written the way redis src/debug.c builds it. */
const debugProtocol: [string, (w: ReplyWriter) => void][] = [
  ['string', (w) => w.bulk('Hello World')],
  ['integer', (w) => w.integer(12345)],
  ['double', (w) => w.double(3.141)],
  ['bignum', (w) => w.bigNumber('1234567999999999999999999999999999999')],
  ['null', (w) => w.nullBulk()],
  [
    'array',
    (w) => {
      w.arrayHeader(3);
      for (let j = 0; j < 3; j++) w.integer(j);
    },
  ],
  [
    'set',
    (w) => {
      w.setHeader(3);
      for (let j = 0; j < 3; j++) w.integer(j);
    },
  ],
  [
    'map',
    (w) => {
      w.mapHeader(3);
      for (let j = 0; j < 3; j++) {
        w.integer(j);
        w.boolean(j === 1);
      }
    },
  ],
  ['verbatim', (w) => w.verbatim('This is a verbatim\nstring', 'txt')],
  ['true', (w) => w.boolean(true)],
  ['false', (w) => w.boolean(false)],
];

/** ZADD's argument for `d`: a text strtod reads back as exactly `d`. */
function scoreText(d: number): string {
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  return String(d);
}

describe('ReplyWriter against redis-server', () => {
  let redis: RedisServer;
  let keys = 0;

  beforeAll(async () => {
    redis = await startRedisServer(['--enable-debug-command', 'yes']);
  });

  afterAll(async () => {
    await redis?.stop();
  });

  /** Sends `commands` (after HELLO 3 for RESP3) then QUIT; returns Redis' bytes and ours for the same replies. */
  async function compare(
    protocol: 2 | 3,
    commands: Buffer[],
    write: (w: ReplyWriter) => void,
  ): Promise<void> {
    const input = Buffer.concat([...(protocol === 3 ? [HELLO3] : []), ...commands, QUIT]);
    const redisBytes = (await exchange(redis.port, input)).toString('latin1');
    const writer = new ReplyWriter({ initialSize: 64 });
    writer.protocol = protocol;
    write(writer);
    writer.simple('OK');
    const ours = writer.take()?.toString('latin1') ?? '';
    // RESP2: the whole stream; RESP3: everything after the HELLO reply.
    if (protocol === 2) expect(ours).toBe(redisBytes);
    else expect(redisBytes.endsWith(ours) && redisBytes.length > ours.length).toBe(true);
  }

  for (const protocol of [2, 3] as const) {
    for (const [type, write] of debugProtocol) {
      it(`frames DEBUG PROTOCOL ${type} like Redis in RESP${protocol}`, async () => {
        await compare(protocol, [encodeCommand(['DEBUG', 'PROTOCOL', type])], write);
      });
    }

    it(`frames ZSCORE doubles (%.17g) like Redis in RESP${protocol}`, async () => {
      // No -0 here: a sorted set stores it as 0 (formatDouble17g's "-0" is checked against printf in the unit test).
      const vectors = [0.1, 1.5, 1e21, 1e-7, 3, 2 ** 53 + 1, Infinity, -Infinity, 1000000000000000.25];
      const double = fc.double({ noNaN: true }).map((d) => (d === 0 ? 0 : d));
      await fc.assert(
        fc.asyncProperty(fc.array(double, { minLength: 1, maxLength: 40 }), async (random) => {
          const scores = [...vectors, ...random];
          const key = `z:${protocol}:${keys++}`;
          const commands = scores.flatMap((d, i) => [
            encodeCommand(['ZADD', key, scoreText(d), `m${i}`]),
            encodeCommand(['ZSCORE', key, `m${i}`]),
          ]);
          await compare(protocol, commands, (w) => {
            for (const d of scores) {
              w.integer(1);
              w.double(d);
            }
          });
        }),
        { numRuns: 15 },
      );
    }, 120_000);
  }

  it('frames a RESP3 push like Redis', async () => {
    await compare(3, [encodeCommand(['DEBUG', 'PROTOCOL', 'push'])], (w) => {
      w.pushHeader(2);
      w.bulk('server-cpu-usage');
      w.integer(42);
      w.bulk('Some real reply following the push reply');
    });
  });
});
