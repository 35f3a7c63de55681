import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { StreamFormatError, StreamReader } from './stream-reader.js';
import { encodeStreamCommand, StreamWriter } from './stream-writer.js';

type Command = string[];

/** Feeds `chunks` one by one; returns the commands read and the bytes handed back as whole commands. */
function readAll(chunks: readonly Buffer[]): { commands: Command[]; whole: Buffer } {
  const reader = new StreamReader();
  const commands: Command[] = [];
  const whole: Buffer[] = [];
  for (const chunk of chunks) {
    const done = reader.feed(chunk, (args) => commands.push(args.map((a) => a.toString('latin1'))));
    whole.push(Buffer.from(done));
  }
  return { commands, whole: Buffer.concat(whole) };
}

function splitAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    out.push(bytes.subarray(from, point));
    from = point;
  }
  return out;
}

const commandArb = fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 6 });

describe('StreamWriter', () => {
  it('writes RESP multibulk commands byte for byte as Redis propagates them', () => {
    const writer = new StreamWriter();
    writer.command(['SET', Buffer.from('k'), 'v']);
    expect(writer.take()?.toString('latin1')).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n');
    expect(writer.take()).toBeNull();
  });

  it('wraps the commands written since a mark in MULTI/EXEC', () => {
    const writer = new StreamWriter();
    writer.command(['PING']);
    const mark = writer.length;
    writer.command(['DEL', 'a']);
    writer.command(['SET', 'b', '1']);
    writer.wrapInTransaction(mark);
    expect(writer.take()?.toString('latin1')).toBe(
      '*1\r\n$4\r\nPING\r\n*1\r\n$5\r\nMULTI\r\n*2\r\n$3\r\nDEL\r\n$1\r\na\r\n' +
        '*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n1\r\n*1\r\n$4\r\nEXEC\r\n',
    );
  });

  it('grows for arguments larger than its buffer', () => {
    const big = 'x'.repeat(200_000);
    expect(encodeStreamCommand(['SET', 'k', big]).length).toBe(
      `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$200000\r\n`.length + 200_002,
    );
  });
});

describe('StreamReader', () => {
  const stream = Buffer.concat([
    encodeStreamCommand(['SET', 'a', '1']),
    encodeStreamCommand(['PEXPIREAT', 'a', '1700000000000']),
    encodeStreamCommand(['DEL', '']),
  ]);
  const expected = [
    ['SET', 'a', '1'],
    ['PEXPIREAT', 'a', '1700000000000'],
    ['DEL', ''],
  ];

  it('reads whole commands from a whole buffer', () => {
    expect(readAll([stream])).toEqual({ commands: expected, whole: stream });
  });

  it('reads the same commands fed byte by byte, handing back only whole commands', () => {
    const reader = new StreamReader();
    const commands: Command[] = [];
    let whole = 0;
    for (let i = 0; i < stream.length; i++) {
      whole += reader.feed(stream.subarray(i, i + 1), (args) => commands.push(args.map(String))).length;
      expect(whole + reader.pending).toBe(i + 1);
    }
    expect(commands).toEqual(expected);
    expect(reader.pending).toBe(0);
  });

  test.prop([fc.array(commandArb, { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 })])(
    'reads what the writer wrote, whatever the split',
    (commands, cuts) => {
      const writer = new StreamWriter();
      for (const command of commands) writer.command(command);
      const bytes = writer.take() as Buffer;
      expect(readAll(splitAt(bytes, cuts))).toEqual({ commands, whole: bytes });
    },
  );

  it('hands out a MULTI ... EXEC block only once it is whole, whatever the split', () => {
    const tx = Buffer.concat([
      encodeStreamCommand(['SET', 'a', '1']),
      encodeStreamCommand(['MULTI']),
      encodeStreamCommand(['INCR', 'n']),
      encodeStreamCommand(['EXEC']),
      encodeStreamCommand(['DEL', 'a']),
    ]);
    const multiAt = encodeStreamCommand(['SET', 'a', '1']).length;
    const execEnd = tx.length - encodeStreamCommand(['DEL', 'a']).length;
    for (let cut = 0; cut <= tx.length; cut++) {
      const reader = new StreamReader();
      const seen: string[] = [];
      const first = reader.feed(tx.subarray(0, cut), (args) => seen.push(String(args[0])));
      // The whole bytes handed back never end inside the transaction.
      expect(first.length <= multiAt || first.length >= execEnd).toBe(true);
      reader.feed(tx.subarray(cut), (args) => seen.push(String(args[0])));
      expect(seen).toEqual(['SET', 'MULTI', 'INCR', 'EXEC', 'DEL']);
    }
  });

  it.each([
    ['an inline command', 'PING\r\n'],
    ['a bulk where a multibulk starts', '$3\r\nfoo\r\n'],
    ['a zero argument count', '*0\r\n'],
    ['a negative argument length', '*1\r\n$-1\r\n'],
    ['a length that is not a number', '*1\r\n$x\r\nab\r\n'],
    ['an argument without its CRLF', '*1\r\n$1\r\nabc\r\n'],
  ])('refuses %s', (_name, bytes) => {
    expect(() => readAll([Buffer.from(bytes, 'latin1')])).toThrow(StreamFormatError);
  });

  it('refuses an argument count above its limit before reading the arguments', () => {
    const reader = new StreamReader({ maxArgs: 2, maxArgBytes: 10 });
    expect(() => reader.feed(Buffer.from('*3\r\n'), () => undefined)).toThrow(/argument count/);
    expect(() =>
      new StreamReader({ maxArgs: 2, maxArgBytes: 10 }).feed(Buffer.from('*1\r\n$11\r\n'), () => undefined),
    ).toThrow(/argument length/);
  });
});
