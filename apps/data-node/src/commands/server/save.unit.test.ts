import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('SAVE and BGSAVE', () => {
  it('refuse explicitly, since the data-node has no persistence yet', () => {
    const h = new CommandHarness();
    expect(h.run('SAVE')).toEqual(
      new ReplyError(
        'ERR SAVE is not supported: this data-node has no persistence yet (no RDB or AOF); data lives in memory only',
      ),
    );
    expect(h.run('BGSAVE', 'SCHEDULE')).toEqual(
      new ReplyError(
        'ERR BGSAVE is not supported: this data-node has no persistence yet (no RDB or AOF); data lives in memory only',
      ),
    );
  });

  it('check BGSAVE options first', () => {
    const h = new CommandHarness();
    expect(h.run('BGSAVE', 'foo')).toEqual(new ReplyError('ERR syntax error'));
  });
});

describe('TIME, LASTSAVE and ROLE', () => {
  it('answers the clock as seconds and microseconds', () => {
    const h = new CommandHarness();
    const before = Date.now();
    const [seconds, micros] = h.run('TIME') as [string, string];
    expect(Number(seconds) * 1000 + Number(micros) / 1000).toBeGreaterThanOrEqual(
      Math.floor(before / 1000) * 1000,
    );
    expect(Number(micros)).toBeLessThan(1_000_000);
  });

  it('answers the start time as the last save', () => {
    const h = new CommandHarness();
    expect(h.run('LASTSAVE')).toBe(Math.floor(h.now / 1000));
  });

  it('answers the master form of ROLE', () => {
    const h = new CommandHarness();
    expect(h.run('ROLE')).toEqual(['master', 0, []]);
  });
});
