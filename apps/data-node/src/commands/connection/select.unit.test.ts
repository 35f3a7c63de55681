import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('SELECT', () => {
  it('accepts database 0 only, the single database', () => {
    const h = new CommandHarness();
    expect(h.run('SELECT', '0')).toBe('OK');
    expect(h.run('SELECT', '1')).toEqual(new ReplyError('ERR DB index is out of range'));
    expect(h.run('SELECT', '-1')).toEqual(new ReplyError('ERR DB index is out of range'));
  });

  it('rejects indexes that are not integers in the int range', () => {
    const h = new CommandHarness();
    for (const index of ['abc', '01', '1.5', '', '99999999999999999999'])
      expect(h.run('SELECT', index)).toEqual(new ReplyError('ERR value is not an integer or out of range'));
    expect(h.run('SELECT', '2147483648')).toEqual(
      new ReplyError('ERR value is out of range, value must between -2147483648 and 2147483647'),
    );
  });

  it('answers the cluster-mode text for another database when cluster-enabled is set', () => {
    const h = new CommandHarness({ config: { 'cluster-enabled': 'yes' } });
    expect(h.run('SELECT', '3')).toEqual(new ReplyError('ERR SELECT is not allowed in cluster mode'));
    expect(h.run('SELECT', '0')).toBe('OK');
  });
});
