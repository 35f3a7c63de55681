import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('INCRBYFLOAT', () => {
  it('stores the printed sum, keeping the TTL', () => {
    const h = new CommandHarness();
    h.run('SET', 'f', '10.50', 'PX', '9000');
    expect(h.run('INCRBYFLOAT', 'f', '0.1')).toBe('10.6');
    expect(h.run('GET', 'f')).toBe('10.6');
    expect(h.state.db.getExpire('f')).toBe(h.now + 9000);
  });

  it('checks the stored value before the increment, and NaN or Infinity last', () => {
    const h = new CommandHarness();
    h.run('SET', 'bad', 'abc');
    expect(h.run('INCRBYFLOAT', 'bad', 'xyz')).toEqual(new ReplyError('ERR value is not a valid float'));
    expect(h.run('INCRBYFLOAT', 'f', 'inf')).toEqual(
      new ReplyError('ERR increment would produce NaN or Infinity'),
    );
    expect(h.state.db.has('f')).toBe(false);
    h.run('RPUSH', 'list', 'a');
    expect(h.run('INCRBYFLOAT', 'list', 'xyz')).toEqual(
      new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
  });

  it('leaves an integer result that INCR can continue from', () => {
    const h = new CommandHarness();
    expect(h.run('INCRBYFLOAT', 'n', '2.5')).toBe('2.5');
    expect(h.run('INCRBYFLOAT', 'n', '0.5')).toBe('3');
    expect(h.run('INCR', 'n')).toBe(4);
  });
});
