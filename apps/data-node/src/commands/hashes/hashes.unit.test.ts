// Hash commands through the real dispatcher and keyspace (CommandHarness). Replies whose order Redis does
// not define (large hashes) are compared as maps here; byte-exact replies are in the differential scenarios
// of apps/data-node-e2e.
import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError, type Reply } from '../../testing/command-harness.js';

/** HSET key f0 v0 ... f(n-1) v(n-1). */
function fill(h: CommandHarness, key: string, n: number): Map<string, string> {
  const model = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < n; i++) {
    model.set(`f${i}`, `v${i}`);
    args.push(`f${i}`, `v${i}`);
  }
  expect(h.run('HSET', key, ...args)).toBe(n);
  return model;
}

function pairs(flat: Reply): Map<string, string> {
  const list = flat as string[];
  const map = new Map<string, string>();
  for (let i = 0; i < list.length; i += 2) map.set(list[i] as string, list[i + 1] as string);
  expect(map.size * 2).toBe(list.length);
  return map;
}

describe('hash commands', () => {
  for (const size of [10, 600]) {
    it(`HGETALL, HKEYS and HVALS return every entry of a ${size}-field hash exactly once`, () => {
      const h = new CommandHarness();
      const model = fill(h, 'h', size);
      h.run('HDEL', 'h', 'f3', 'f7');
      model.delete('f3');
      model.delete('f7');
      h.run('HSET', 'h', 'f0', 'changed', 'extra', 'x');
      model.set('f0', 'changed').set('extra', 'x');
      expect(pairs(h.run('HGETALL', 'h'))).toEqual(model);
      expect([...(h.run('HKEYS', 'h') as string[])].sort()).toEqual([...model.keys()].sort());
      expect([...(h.run('HVALS', 'h') as string[])].sort()).toEqual([...model.values()].sort());
      expect(h.run('HLEN', 'h')).toBe(model.size);
      h.client.state.writer.protocol = 3;
      expect(h.run('HGETALL', 'h')).toEqual(model);
    });
  }

  it('deletes the key with its last field, for small and large hashes', () => {
    const h = new CommandHarness();
    for (const size of [3, 600]) {
      fill(h, 'h', size);
      const fields = Array.from({ length: size }, (_, i) => `f${i}`);
      expect(h.run('HDEL', 'h', ...fields, 'absent')).toBe(size);
      expect(h.run('EXISTS', 'h')).toBe(0);
      expect(h.run('TYPE', 'h')).toBe('none');
    }
  });

  it('keeps the memory account: a hash adds bytes and gives them all back when deleted', () => {
    const h = new CommandHarness();
    const db = h.state.db;
    const empty = db.usedBytes;
    fill(h, 'small', 10);
    const afterSmall = db.usedBytes;
    expect(afterSmall).toBeGreaterThan(empty);
    fill(h, 'large', 600);
    expect(db.usedBytes - afterSmall).toBeGreaterThan(600 * 4);
    h.run('HSET', 'small', 'f0', 'x'.repeat(1000));
    expect(db.usedBytes - afterSmall).toBeGreaterThan(600 * 4 + 1000);
    h.run('HINCRBY', 'large', 'counter', '1');
    h.run('HDEL', 'large', 'f1', 'f2');
    h.run('DEL', 'small', 'large');
    expect(db.usedBytes).toBe(empty);
  });

  it('invalidates WATCH when a field changes but not when nothing was deleted', () => {
    const h = new CommandHarness();
    const other = h.newClient();
    h.run('HSET', 'h', 'a', '1');
    const watchAndExec = (change: () => void): Reply => {
      h.run('WATCH', 'h');
      h.run('MULTI');
      h.run('HLEN', 'h');
      change();
      return h.run('EXEC');
    };
    expect(watchAndExec(() => other.run('HDEL', 'h', 'absent'))).toEqual([1]);
    expect(watchAndExec(() => other.run('HSET', 'h', 'b', '2'))).toBeNull();
    expect(watchAndExec(() => other.run('HINCRBY', 'h', 'a', '1'))).toBeNull();
    expect(watchAndExec(() => other.run('HDEL', 'h', 'b'))).toBeNull();
  });

  it('answers a field of a large hash like one of a small hash', () => {
    const h = new CommandHarness();
    fill(h, 'h', 600);
    expect(h.run('HGET', 'h', 'f599')).toBe('v599');
    expect(h.run('HMGET', 'h', 'f1', 'nope')).toEqual(['v1', null]);
    expect(h.run('HSTRLEN', 'h', 'f10')).toBe(3);
    expect(h.run('HEXISTS', 'h', 'f600')).toBe(0);
    expect(h.run('HSETNX', 'h', 'f1', 'x')).toBe(0);
    expect(h.run('HINCRBYFLOAT', 'h', 'n', '1.5')).toBe('1.5');
    expect(h.run('HINCRBY', 'h', 'f1', '1')).toEqual(new ReplyError('ERR hash value is not an integer'));
  });

  it('HINCRBY is exact across the int64 range where doubles are not', () => {
    const h = new CommandHarness();
    h.run('HSET', 'h', 'n', '9007199254740993');
    expect(h.client.raw('HINCRBY', 'h', 'n', '2')).toBe(':9007199254740995\r\n');
    expect(h.client.raw('HINCRBY', 'h', 'n', '9214364837600034812')).toBe(':9223372036854775807\r\n');
    expect(h.run('HGET', 'h', 'n')).toBe('9223372036854775807');
    expect(h.run('HINCRBY', 'h', 'n', '1')).toEqual(
      new ReplyError('ERR increment or decrement would overflow'),
    );
  });

  it('HSET, HSETNX and HINCRBY on a missing key create it; HINCRBYFLOAT refuses an infinite result', () => {
    const h = new CommandHarness();
    expect(h.run('HSETNX', 'a', 'f', 'v')).toBe(1);
    expect(h.run('HINCRBY', 'b', 'f', '-3')).toBe(-3);
    expect(h.run('HINCRBYFLOAT', 'c', 'f', '2.5')).toBe('2.5');
    expect(h.run('EXISTS', 'a', 'b', 'c')).toBe(3);
    h.run('HSET', 'c', 'big', '1e4932');
    expect(h.run('HINCRBYFLOAT', 'c', 'big', '1e4932')).toEqual(
      new ReplyError('ERR increment would produce NaN or Infinity'),
    );
    expect(h.run('HGET', 'c', 'big')).toBe('1e4932');
  });
});
