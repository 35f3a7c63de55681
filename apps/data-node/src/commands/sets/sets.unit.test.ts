// Set commands through the real dispatcher and keyspace (CommandHarness). Replies whose order Redis does not
// define (hashtable sets) are compared as sets here; byte-exact replies are in the differential scenarios of
// apps/data-node-e2e.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError, type Reply } from '../../testing/command-harness.js';

const asSet = (reply: Reply): Set<string> => new Set(reply as string[]);

describe('set commands', () => {
  it('SINTER, SUNION, SDIFF, SINTERCARD and the STORE forms agree with set algebra on any sets', () => {
    const member = fc.oneof(
      fc.integer({ min: -5, max: 40 }).map(String),
      fc.constantFrom('a', 'b', 'c', '', '\u0000'),
    );
    const sets = fc.array(
      fc.option(fc.uniqueArray(member, { minLength: 1, maxLength: 40 }), { nil: undefined }),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(sets, (contents) => {
        const h = new CommandHarness();
        const keys = contents.map((_, i) => `k${i}`);
        const model = contents.map((c) => new Set(c ?? []));
        contents.forEach((c, i) => c !== undefined && h.run('SADD', keys[i] as string, ...c));
        const inter = [...(model[0] as Set<string>)].filter((m) => model.every((s) => s.has(m)));
        const union = new Set(model.flatMap((s) => [...s]));
        const diff = [...(model[0] as Set<string>)].filter((m) => model.slice(1).every((s) => !s.has(m)));
        expect(asSet(h.run('SINTER', ...keys))).toEqual(new Set(inter));
        expect(asSet(h.run('SUNION', ...keys))).toEqual(union);
        expect(asSet(h.run('SDIFF', ...keys))).toEqual(new Set(diff));
        expect(h.run('SINTERCARD', String(keys.length), ...keys)).toBe(inter.length);
        expect(h.run('SINTERCARD', String(keys.length), ...keys, 'LIMIT', '2')).toBe(
          Math.min(2, inter.length),
        );
        expect(h.run('SINTERSTORE', 'i', ...keys)).toBe(inter.length);
        expect(h.run('SUNIONSTORE', 'u', ...keys)).toBe(union.size);
        expect(h.run('SDIFFSTORE', 'd', ...keys)).toBe(diff.length);
        expect(asSet(h.run('SMEMBERS', 'i'))).toEqual(new Set(inter));
        expect(asSet(h.run('SMEMBERS', 'u'))).toEqual(union);
        expect(asSet(h.run('SMEMBERS', 'd'))).toEqual(new Set(diff));
      }),
    );
  });

  it('SMEMBERS returns every member of a large set once, as a RESP3 set', () => {
    const h = new CommandHarness();
    const members = Array.from({ length: 1000 }, (_, i) => `m${i}`);
    h.run('SADD', 's', ...members);
    h.run('SREM', 's', 'm0', 'm500');
    const listed = h.run('SMEMBERS', 's') as string[];
    expect(listed).toHaveLength(998);
    expect(new Set(listed)).toEqual(new Set(members.filter((m) => m !== 'm0' && m !== 'm500')));
    h.client.state.writer.protocol = 3;
    expect(h.run('SMEMBERS', 's')).toEqual(new Set(listed));
  });

  it('lists an intset in numeric order, and a set that is no longer one in index order', () => {
    const h = new CommandHarness();
    h.run('SADD', 's', '10', '-3', '2', '9223372036854775807', '-9223372036854775808');
    const sorted = ['-9223372036854775808', '-3', '2', '10', '9223372036854775807'];
    expect(h.run('SMEMBERS', 's')).toEqual(sorted);
    expect(h.run('SRANDMEMBER', 's', '100')).toEqual(sorted);
    expect(h.run('SSCAN', 's', '0')).toEqual(['0', sorted]);
    h.run('SADD', 's', 'x');
    h.run('SREM', 's', 'x');
    expect(h.run('SMEMBERS', 's')).toEqual(['10', '-3', '2', '9223372036854775807', '-9223372036854775808']);
    // A copy of the set is an intset again (Redis replies SPOP/SRANDMEMBER of the whole set from a copy).
    expect(h.run('SRANDMEMBER', 's', '100')).toEqual(sorted);
    expect(h.run('SPOP', 's', '100')).toEqual(sorted);
  });

  it('follows set-max-intset-entries for the encoding and the reply order', () => {
    const h = new CommandHarness({ config: { 'set-max-intset-entries': '3' } });
    h.run('SADD', 'small', '3', '1', '2');
    h.run('SADD', 'large', '4', '3', '1', '2');
    expect(h.run('OBJECT', 'ENCODING', 'small')).toBe('intset');
    expect(h.run('OBJECT', 'ENCODING', 'large')).toBe('hashtable');
    expect(h.run('SMEMBERS', 'small')).toEqual(['1', '2', '3']);
    expect(h.run('SMEMBERS', 'large')).toEqual(['4', '3', '1', '2']);
  });

  it('SMOVE keeps both sets and the memory account consistent', () => {
    const h = new CommandHarness();
    const empty = h.state.db.usedBytes;
    h.run('SADD', 'a', 'x', 'y');
    expect(h.run('SMOVE', 'a', 'b', 'x')).toBe(1);
    expect(h.run('SMOVE', 'a', 'b', 'y')).toBe(1);
    expect(h.run('EXISTS', 'a')).toBe(0);
    expect(asSet(h.run('SMEMBERS', 'b'))).toEqual(new Set(['x', 'y']));
    h.run('DEL', 'b');
    expect(h.state.db.usedBytes).toBe(empty);
  });

  it('invalidates WATCH on a change, on a STORE even to a missing key, but not on a no-op', () => {
    const h = new CommandHarness();
    const other = h.newClient();
    h.run('SADD', 's', 'a');
    const watched = (key: string, change: () => void): Reply => {
      h.run('WATCH', key);
      h.run('MULTI');
      h.run('PING');
      change();
      return h.run('EXEC');
    };
    expect(watched('s', () => other.run('SADD', 's', 'a'))).toEqual(['PONG']);
    expect(watched('s', () => other.run('SREM', 's', 'zz'))).toEqual(['PONG']);
    expect(watched('s', () => other.run('SADD', 's', 'b'))).toBeNull();
    expect(watched('s', () => other.run('SPOP', 's'))).toBeNull();
    expect(watched('dst', () => other.run('SINTERSTORE', 'dst', 'missing'))).toBeNull();
  });

  it('refuses bad arguments with Redis errors and leaves the keyspace alone', () => {
    const h = new CommandHarness();
    h.run('SADD', 's', 'a');
    expect(h.run('SPOP', 's', '-1')).toEqual(new ReplyError('ERR value is out of range, must be positive'));
    expect(h.run('SINTERCARD', '2', 's')).toEqual(
      new ReplyError("ERR Number of keys can't be greater than number of args"),
    );
    expect(h.run('SINTERCARD', '1', 's', 'LIMIT', '-1')).toEqual(
      new ReplyError("ERR LIMIT can't be negative"),
    );
    expect(h.run('SSCAN', 's', 'abc')).toEqual(new ReplyError('ERR invalid cursor'));
    expect(h.run('SCARD', 's')).toBe(1);
  });
});
