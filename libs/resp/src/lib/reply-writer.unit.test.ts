import { describe, expect, it } from 'vitest';
import { RespEncodeError } from './errors.js';
import { REPLIES } from './replies.js';
import { ReplyWriter } from './reply-writer.js';

/** Writes with `protocol` and returns the bytes as a latin1 string (one char per byte). */
function written(protocol: 2 | 3, write: (w: ReplyWriter) => void): string {
  const writer = new ReplyWriter({ initialSize: 64 });
  writer.protocol = protocol;
  write(writer);
  return writer.take()?.toString('latin1') ?? '';
}

const framing: [string, (w: ReplyWriter) => void, string, string][] = [
  ['simple', (w) => w.simple('OK'), '+OK\r\n', '+OK\r\n'],
  ['error', (w) => w.error('ERR bad'), '-ERR bad\r\n', '-ERR bad\r\n'],
  ['error with CR/LF inside', (w) => w.error('ERR a\r\nb'), '-ERR a  b\r\n', '-ERR a  b\r\n'],
  ['simple with LF inside', (w) => w.simple('a\nb'), '+a b\r\n', '+a b\r\n'],
  ['integer 0', (w) => w.integer(0), ':0\r\n', ':0\r\n'],
  ['integer 1234567890', (w) => w.integer(1234567890), ':1234567890\r\n', ':1234567890\r\n'],
  ['integer -2', (w) => w.integer(-2), ':-2\r\n', ':-2\r\n'],
  ['integer 1e21', (w) => w.integer(1e21), ':1000000000000000000000\r\n', ':1000000000000000000000\r\n'],
  [
    'bigint LLONG_MIN',
    (w) => w.integer(-(2n ** 63n)),
    ':-9223372036854775808\r\n',
    ':-9223372036854775808\r\n',
  ],
  ['bulk string', (w) => w.bulk('hello'), '$5\r\nhello\r\n', '$5\r\nhello\r\n'],
  ['empty bulk', (w) => w.bulk(''), '$0\r\n\r\n', '$0\r\n\r\n'],
  [
    'bulk Buffer',
    (w) => w.bulk(Buffer.from([0, 13, 10, 255])),
    '$4\r\n\0\r\n\xff\r\n',
    '$4\r\n\0\r\n\xff\r\n',
  ],
  ['nullBulk', (w) => w.nullBulk(), '$-1\r\n', '_\r\n'],
  ['nullArray', (w) => w.nullArray(), '*-1\r\n', '_\r\n'],
  ['arrayHeader', (w) => w.arrayHeader(3), '*3\r\n', '*3\r\n'],
  ['mapHeader', (w) => w.mapHeader(2), '*4\r\n', '%2\r\n'],
  ['setHeader', (w) => w.setHeader(2), '*2\r\n', '~2\r\n'],
  ['pushHeader', (w) => w.pushHeader(3), '*3\r\n', '>3\r\n'],
  ['double', (w) => w.double(1.5), '$3\r\n1.5\r\n', ',1.5\r\n'],
  ['double inf', (w) => w.double(Infinity), '$3\r\ninf\r\n', ',inf\r\n'],
  ['double -inf', (w) => w.double(-Infinity), '$4\r\n-inf\r\n', ',-inf\r\n'],
  ['boolean true', (w) => w.boolean(true), ':1\r\n', '#t\r\n'],
  ['boolean false', (w) => w.boolean(false), ':0\r\n', '#f\r\n'],
  ['verbatim', (w) => w.verbatim('Some string'), '$11\r\nSome string\r\n', '=15\r\ntxt:Some string\r\n'],
  ['verbatim markdown', (w) => w.verbatim('# x', 'mkd'), '$3\r\n# x\r\n', '=7\r\nmkd:# x\r\n'],
  [
    'bigNumber',
    (w) => w.bigNumber('-3492890328409238509324850943850943825024385'),
    '$44\r\n-3492890328409238509324850943850943825024385\r\n',
    '(-3492890328409238509324850943850943825024385\r\n',
  ],
  ['raw constant', (w) => w.raw(REPLIES.OK), '+OK\r\n', '+OK\r\n'],
  ['raw string', (w) => w.raw(':1\r\n'), ':1\r\n', ':1\r\n'],
];

describe('ReplyWriter', () => {
  for (const [name, write, resp2, resp3] of framing) {
    it(`frames ${name} as ${JSON.stringify(resp2)} in RESP2 and ${JSON.stringify(resp3)} in RESP3`, () => {
      expect(written(2, write)).toBe(resp2);
      expect(written(3, write)).toBe(resp3);
    });
  }

  it('writes bulk strings as byte strings: each char is one latin1 byte', () => {
    const allBytes = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    const bytes = new ReplyWriter();
    bytes.bulk(allBytes);
    const out = bytes.take() as Buffer;
    expect(out.subarray(0, 6).toString('latin1')).toBe('$256\r\n');
    expect([...out.subarray(6, 262)]).toEqual(Array.from({ length: 256 }, (_, i) => i));
    expect(out.subarray(262).toString('latin1')).toBe('\r\n');
  });

  it('grows past its initial size and keeps every byte in order', () => {
    const writer = new ReplyWriter({ initialSize: 64 });
    const values = Array.from({ length: 500 }, (_, i) => `value-${i}-${'x'.repeat(i % 40)}`);
    writer.arrayHeader(values.length);
    for (const v of values) writer.bulk(v);
    writer.bulk('y'.repeat(100_000));
    const expected = `*500\r\n${values.map((v) => `$${v.length}\r\n${v}\r\n`).join('')}$100000\r\n${'y'.repeat(100_000)}\r\n`;
    expect(writer.length).toBe(expected.length);
    expect(writer.take()?.toString('latin1')).toBe(expected);
  });

  it('hands out buffers it never writes into again', () => {
    const writer = new ReplyWriter({ initialSize: 64 });
    writer.simple('first');
    const small = writer.take() as Buffer;
    writer.bulk('z'.repeat(10_000));
    const large = writer.take() as Buffer;
    writer.simple('second');
    writer.bulk('w'.repeat(10_000));
    writer.take();
    expect(small.toString()).toBe('+first\r\n');
    expect(large.toString()).toBe(`$10000\r\n${'z'.repeat(10_000)}\r\n`);
  });

  it('returns null from take() when nothing is pending and is empty afterwards', () => {
    const writer = new ReplyWriter();
    expect(writer.take()).toBeNull();
    writer.simple('OK');
    expect(writer.length).toBe(5);
    writer.take();
    expect(writer.length).toBe(0);
    expect(writer.take()).toBeNull();
  });

  it('rejects values it cannot frame with RespEncodeError', () => {
    const writer = new ReplyWriter();
    expect(() => writer.integer(1.5)).toThrow(RespEncodeError);
    expect(() => writer.integer(Number.NaN)).toThrow(RespEncodeError);
    writer.protocol = 3;
    expect(() => writer.verbatim('x', 'markdown')).toThrow(RespEncodeError);
    expect(() => writer.bigNumber('12a')).toThrow(RespEncodeError);
    expect(writer.length).toBe(0);
  });
});
