import { describe, expect, it } from 'vitest';
import { CommandHarness } from '../../testing/command-harness.js';

describe('SETRANGE, APPEND and GETRANGE', () => {
  it('keep the TTL of the value they change', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'hello', 'PX', '4000');
    expect(h.run('SETRANGE', 'k', '10', 'x')).toBe(11);
    expect(h.run('APPEND', 'k', 'yz')).toBe(13);
    expect(h.state.db.getExpire('k')).toBe(h.now + 4000);
    expect(h.run('GET', 'k')).toBe('hello\0\0\0\0\0xyz');
  });

  it('write binary values byte for byte, in small and large values alike', () => {
    const h = new CommandHarness();
    const patch = Buffer.from([0, 13, 10, 255]);
    for (const offset of [3, 5000]) {
      h.run('SETRANGE', 'k', String(offset), patch);
      h.run('APPEND', 'k', patch);
      const range = h.run('GETRANGE', 'k', String(offset), '-1') as string;
      expect(Buffer.from(range, 'latin1')).toEqual(Buffer.concat([patch, patch]));
    }
  });

  it('do not create a key for an empty patch', () => {
    const h = new CommandHarness();
    expect(h.run('SETRANGE', 'k', '5', '')).toBe(0);
    expect(h.state.db.has('k')).toBe(false);
    expect(h.run('APPEND', 'k', '')).toBe(0);
    expect(h.state.db.has('k')).toBe(true);
  });
});
