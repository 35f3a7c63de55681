import { describe, expect, it } from 'vitest';
import { CommandHarness } from '../../testing/command-harness.js';

describe('GETEX', () => {
  it('returns the value and sets, replaces or removes its TTL', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    expect(h.run('GETEX', 'k', 'EX', '100')).toBe('v');
    expect(h.state.db.getExpire('k')).toBe(h.now + 100_000);
    expect(h.run('GETEX', 'k', 'PXAT', String(h.now + 5))).toBe('v');
    expect(h.state.db.getExpire('k')).toBe(h.now + 5);
    expect(h.run('GETEX', 'k')).toBe('v');
    expect(h.state.db.getExpire('k')).toBe(h.now + 5);
    expect(h.run('GETEX', 'k', 'PERSIST')).toBe('v');
    expect(h.state.db.getExpire('k')).toBeUndefined();
  });

  it('deletes the key after replying when EXAT or PXAT is already past', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    expect(h.run('GETEX', 'k', 'PXAT', String(h.now))).toBe('v');
    expect(h.run('GET', 'k')).toBeNull();
    h.run('SET', 'k', 'v');
    expect(h.run('GETEX', 'k', 'EXAT', '1')).toBe('v');
    expect(h.state.db.has('k')).toBe(false);
  });

  it('answers nil for a missing key even when the expire value is malformed', () => {
    const h = new CommandHarness();
    expect(h.run('GETEX', 'missing', 'EX', 'abc')).toBeNull();
  });
});
