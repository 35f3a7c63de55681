import { describe, expect, it } from 'vitest';
import { CommandHarness } from '../../testing/command-harness.js';

describe('MSET, MSETNX, GETSET and SETNX', () => {
  it('MSET and GETSET drop the TTL of the keys they overwrite', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1', 'PX', '1000');
    h.run('SET', 'b', '2', 'PX', '1000');
    h.run('MSET', 'a', 'x', 'c', 'y');
    expect(h.run('GETSET', 'b', 'z')).toBe('2');
    expect([h.state.db.getExpire('a'), h.state.db.getExpire('b')]).toEqual([undefined, undefined]);
  });

  it('MSETNX sets all keys or none', () => {
    const h = new CommandHarness();
    h.run('SET', 'b', 'old');
    expect(h.run('MSETNX', 'a', '1', 'b', '2')).toBe(0);
    expect(h.run('MGET', 'a', 'b')).toEqual([null, 'old']);
    expect(h.run('MSETNX', 'a', '1', 'c', '2')).toBe(1);
    expect(h.run('MGET', 'a', 'c')).toEqual(['1', '2']);
  });

  it('SETNX leaves an existing value and its TTL alone', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v', 'PX', '1000');
    expect(h.run('SETNX', 'k', 'w')).toBe(0);
    expect(h.run('GET', 'k')).toBe('v');
    expect(h.state.db.getExpire('k')).toBe(h.now + 1000);
  });

  it('MSET takes 20 000 pairs in one call', () => {
    const h = new CommandHarness();
    const args: string[] = [];
    for (let i = 0; i < 20_000; i++) args.push(`key:${i}`, `value:${i}`);
    expect(h.run('MSET', ...args)).toBe('OK');
    expect(h.state.db.size).toBe(20_000);
    expect(h.run('GET', 'key:19999')).toBe('value:19999');
  });
});
