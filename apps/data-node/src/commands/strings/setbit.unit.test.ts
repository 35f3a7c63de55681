import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('SETBIT and GETBIT', () => {
  it('replies with the previous bit and keeps the TTL', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', '\0', 'PX', '3000');
    expect(h.run('SETBIT', 'k', '7', '1')).toBe(0);
    expect(h.run('SETBIT', 'k', '7', '1')).toBe(1);
    expect(h.run('GET', 'k')).toBe('\x01');
    expect(h.state.db.getExpire('k')).toBe(h.now + 3000);
  });

  it('creates a missing key zero-padded up to the bit, even when clearing it', () => {
    const h = new CommandHarness();
    expect(h.run('SETBIT', 'k', '17', '0')).toBe(0);
    expect(h.run('GET', 'k')).toBe('\0\0\0');
    expect(h.run('GETBIT', 'k', '1000')).toBe(0);
  });

  it('accepts offsets up to 2^32 - 1 and only 0 or 1 as the bit', () => {
    const h = new CommandHarness();
    const offsetError = new ReplyError('ERR bit offset is not an integer or out of range');
    const bitError = new ReplyError('ERR bit is not an integer or out of range');
    expect(h.run('GETBIT', 'k', '4294967295')).toBe(0);
    expect(h.run('GETBIT', 'k', '4294967296')).toEqual(offsetError);
    expect(h.run('SETBIT', 'k', '-1', '1')).toEqual(offsetError);
    expect(h.run('SETBIT', 'k', '0', '2')).toEqual(bitError);
    expect(h.run('SETBIT', 'k', '0', 'one')).toEqual(bitError);
    expect(h.state.db.has('k')).toBe(false);
  });
});
