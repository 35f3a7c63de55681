import { describe, expect, it } from 'vitest';
import { CommandHarness } from '../../testing/command-harness.js';

describe('BITOP', () => {
  it('replaces the destination, whatever its type, and drops its TTL', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', 'ab');
    h.run('SET', 'dest', 'old', 'PX', '1000');
    expect(h.run('BITOP', 'NOT', 'dest', 'a')).toBe(2);
    expect(h.state.db.getExpire('dest')).toBeUndefined();
    h.run('RPUSH', 'list', 'x');
    expect(h.run('BITOP', 'OR', 'list', 'a')).toBe(2);
    expect(h.run('GET', 'list')).toBe('ab');
  });

  it('deletes the destination when every source is empty or missing', () => {
    const h = new CommandHarness();
    h.run('SET', 'dest', 'x');
    h.run('SET', 'empty', '');
    expect(h.run('BITOP', 'AND', 'dest', 'empty', 'missing')).toBe(0);
    expect(h.state.db.has('dest')).toBe(false);
  });

  it('combines byte by byte, padding shorter sources with zeros', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', Buffer.from([0xf0, 0x0f, 0xff]));
    h.run('SET', 'b', Buffer.from([0xff]));
    const bytes = (key: string) => [...Buffer.from(h.run('GET', key) as string, 'latin1')];
    h.run('BITOP', 'AND', 'and', 'a', 'b');
    h.run('BITOP', 'OR', 'or', 'a', 'b');
    h.run('BITOP', 'XOR', 'xor', 'a', 'b');
    h.run('BITOP', 'NOT', 'not', 'a');
    expect(bytes('and')).toEqual([0xf0, 0x00, 0x00]);
    expect(bytes('or')).toEqual([0xff, 0x0f, 0xff]);
    expect(bytes('xor')).toEqual([0x0f, 0x0f, 0xff]);
    expect(bytes('not')).toEqual([0x0f, 0xf0, 0x00]);
  });
});
