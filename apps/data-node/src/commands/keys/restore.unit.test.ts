import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { COLLECTION_FACTORIES } from '../../keyspace/collection-codecs.js';
import { isCollection, type CollectionValue } from '../../keyspace/values.js';

const T0 = 1_700_000_000_000;
const BAD_PAYLOAD = new ReplyError('ERR DUMP payload version or checksum are wrong');

/** DUMP's reply as the exact bytes (the harness decodes bulk strings as latin1). */
function dump(h: CommandHarness, key: string): Buffer {
  return Buffer.from(h.run('DUMP', key) as string, 'latin1');
}

/** Sample content of each collection kind, in toParts() form. */
const SAMPLE_PARTS: Record<string, string[]> = {
  list: ['a', '', 'a', '\u0000\u00ff', 'last'],
  set: ['x', '1', '-2', '\u0080'],
  hash: ['field', 'value', '', 'empty field', 'n', '123'],
  zset: ['a', '1', 'b', '2.5', 'c', 'inf'],
};

/** A content description that ignores the order of set members and hash fields. */
function content(value: CollectionValue): string[] {
  const parts = value.toParts();
  if (value.kind === 'set') return [...parts].sort();
  if (value.kind === 'hash') {
    const pairs: string[] = [];
    for (let i = 0; i < parts.length; i += 2) pairs.push(`${parts[i]}=${parts[i + 1]}`);
    return pairs.sort();
  }
  return parts;
}

describe('DUMP and RESTORE', () => {
  it('round-trip a binary string', () => {
    const h = new CommandHarness();
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    h.run('SET', 'src', bytes);
    expect(h.run('RESTORE', 'dst', '0', dump(h, 'src'))).toBe('OK');
    expect(h.run('GET', 'dst')).toBe(bytes.toString('latin1'));
    expect(h.run('TTL', 'dst')).toBe(-1);
  });

  it('answer nil for a missing key', () => {
    expect(new CommandHarness().run('DUMP', 'nope')).toBeNull();
  });

  const kinds = Object.keys(COLLECTION_FACTORIES) as (keyof typeof COLLECTION_FACTORIES)[];
  for (const kind of kinds) {
    it(`round-trip a ${kind} through its registered factory`, () => {
      const h = new CommandHarness();
      const original = COLLECTION_FACTORIES[kind]?.(SAMPLE_PARTS[kind] as string[]);
      expect(original).not.toBeNull();
      h.state.db.set('src', original as CollectionValue);
      expect(h.run('RESTORE', 'dst', '0', dump(h, 'src'))).toBe('OK');
      const restored = h.state.db.peek('dst');
      expect(restored !== undefined && isCollection(restored)).toBe(true);
      expect(content(restored as CollectionValue)).toEqual(content(original as CollectionValue));
      expect(h.run('TYPE', 'dst')).toBe(kind);
      expect(h.run('OBJECT', 'ENCODING', 'dst')).toBe(h.run('OBJECT', 'ENCODING', 'src'));
    });
  }

  it('round-trip generated contents of every registered collection kind', () => {
    const h = new CommandHarness();
    const bytes = fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString('latin1'));
    const score = fc
      .double({ noNaN: true })
      .map((d) => (d === Infinity ? 'inf' : d === -Infinity ? '-inf' : String(d)));
    const contents: Record<string, fc.Arbitrary<string[]>> = {
      list: fc.array(bytes, { minLength: 1, maxLength: 40 }),
      set: fc.uniqueArray(bytes, { minLength: 1, maxLength: 40 }),
      hash: fc
        .uniqueArray(fc.tuple(bytes, bytes), { minLength: 1, maxLength: 40, selector: ([field]) => field })
        .map((pairs) => pairs.flat()),
      zset: fc
        .uniqueArray(fc.tuple(bytes, score), { minLength: 1, maxLength: 40, selector: ([member]) => member })
        .map((pairs) => pairs.flat()),
    };
    for (const kind of kinds) {
      fc.assert(
        fc.property(contents[kind] as fc.Arbitrary<string[]>, (parts) => {
          const original = COLLECTION_FACTORIES[kind]?.(parts) as CollectionValue;
          h.run('FLUSHALL');
          h.state.db.set('src', original);
          expect(h.run('RESTORE', 'dst', '0', dump(h, 'src'))).toBe('OK');
          expect(content(h.state.db.peek('dst') as CollectionValue)).toEqual(content(original));
        }),
        { numRuns: 50 },
      );
    }
  });

  it('set a relative TTL, or an absolute one with ABSTTL', () => {
    const h = new CommandHarness({ now: T0 });
    h.run('SET', 'src', 'v');
    const payload = dump(h, 'src');
    h.run('RESTORE', 'rel', '5000', payload);
    expect(h.run('PEXPIRETIME', 'rel')).toBe(T0 + 5000);
    h.run('RESTORE', 'abs', String(T0 + 9000), payload, 'ABSTTL');
    expect(h.run('PEXPIRETIME', 'abs')).toBe(T0 + 9000);
    h.run('RESTORE', 'far', '9223372036854775807', payload, 'ABSTTL');
    expect(h.client.raw('PEXPIRETIME', 'far')).toBe(':9223372036854775807\r\n');
  });

  it('create nothing when the TTL is already past or overflows, still replying OK', () => {
    const h = new CommandHarness({ now: T0 });
    h.run('SET', 'src', 'v');
    const payload = dump(h, 'src');
    expect(h.run('RESTORE', 'past', String(T0 - 1), payload, 'ABSTTL')).toBe('OK');
    expect(h.run('RESTORE', 'wraps', '9223372036854775807', payload)).toBe('OK');
    expect(h.run('EXISTS', 'past', 'wraps')).toBe(0);
    h.run('SET', 'old', 'x');
    expect(h.run('RESTORE', 'old', '1', payload, 'ABSTTL', 'REPLACE')).toBe('OK');
    expect(h.run('EXISTS', 'old')).toBe(0);
  });

  it('refuse an existing key unless REPLACE', () => {
    const h = new CommandHarness();
    h.run('SET', 'src', 'new');
    h.run('SET', 'dst', 'old', 'EX', '100');
    const payload = dump(h, 'src');
    expect(h.run('RESTORE', 'dst', '0', payload)).toEqual(
      new ReplyError('BUSYKEY Target key name already exists.'),
    );
    expect(h.run('RESTORE', 'dst', '0', payload, 'REPLACE')).toBe('OK');
    expect(h.run('GET', 'dst')).toBe('new');
    expect(h.run('TTL', 'dst')).toBe(-1);
  });

  it('seed the idle time with IDLETIME and the LFU counter with FREQ', () => {
    const h = new CommandHarness();
    h.run('SET', 'src', 'v');
    h.run('RESTORE', 'idle', '0', dump(h, 'src'), 'IDLETIME', '1000');
    expect(h.run('OBJECT', 'IDLETIME', 'idle')).toBe(1000);
    const lfu = new CommandHarness({ config: { 'maxmemory-policy': 'allkeys-lfu' } });
    lfu.run('SET', 'src', 'v');
    lfu.run('OBJECT', 'FREQ', 'src');
    lfu.run('RESTORE', 'hot', '0', dump(lfu, 'src'), 'FREQ', '200');
    expect(lfu.run('OBJECT', 'FREQ', 'hot')).toBe(200);
  });

  it('check options, then the key, then the TTL, then the payload, with Redis texts', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    const payload = dump(h, 'k');
    const cases: [(string | Buffer)[], ReplyError][] = [
      [['RESTORE', 'k', 'x', 'junk', 'NOPE'], new ReplyError('ERR syntax error')],
      [['RESTORE', 'n', '0', payload, 'IDLETIME', '1', 'FREQ', '1'], new ReplyError('ERR syntax error')],
      [['RESTORE', 'n', '0', payload, 'FREQ', '1', 'IDLETIME', '1'], new ReplyError('ERR syntax error')],
      [['RESTORE', 'n', '0', payload, 'IDLETIME'], new ReplyError('ERR syntax error')],
      [
        ['RESTORE', 'n', '0', payload, 'IDLETIME', '-1'],
        new ReplyError('ERR Invalid IDLETIME value, must be >= 0'),
      ],
      [
        ['RESTORE', 'n', '0', payload, 'FREQ', '256'],
        new ReplyError('ERR Invalid FREQ value, must be >= 0 and <= 255'),
      ],
      [
        ['RESTORE', 'n', '0', payload, 'FREQ', 'x'],
        new ReplyError('ERR value is not an integer or out of range'),
      ],
      [['RESTORE', 'k', '-1', 'junk'], new ReplyError('BUSYKEY Target key name already exists.')],
      [['RESTORE', 'n', '-1', 'junk'], new ReplyError('ERR Invalid TTL value, must be >= 0')],
      [['RESTORE', 'n', '1.5', 'junk'], new ReplyError('ERR value is not an integer or out of range')],
      [['RESTORE', 'n', '0', 'junk'], BAD_PAYLOAD],
    ];
    for (const [command, reply] of cases) expect(h.run(...command)).toEqual(reply);
    expect(h.run('EXISTS', 'n')).toBe(0);
  });

  it('reject a payload with any byte changed or cut, creating nothing', () => {
    const h = new CommandHarness();
    h.run('RPUSH', 'l', 'a', 'b', 'c');
    const payload = dump(h, 'l');
    for (let i = 0; i < payload.length; i++) {
      const flipped = Buffer.from(payload);
      flipped[i] = (flipped[i] as number) ^ 0x20;
      expect(h.run('RESTORE', 'x', '0', flipped)).toEqual(BAD_PAYLOAD);
      expect(h.run('RESTORE', 'x', '0', payload.subarray(0, i))).toEqual(BAD_PAYLOAD);
    }
    expect(h.run('EXISTS', 'x')).toBe(0);
  });
});
