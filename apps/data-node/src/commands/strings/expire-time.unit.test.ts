import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

const LLONG_MAX = 9223372036854775807n;
const invalid = (command: string) => new ReplyError(`ERR invalid expire time in '${command}' command`);

describe('expire times of SET, SETEX, PSETEX and GETEX', () => {
  it('sets relative expiries from the current time and absolute ones as given', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', 'v', 'EX', '10');
    h.run('SET', 'b', 'v', 'PX', '1500');
    h.run('SET', 'c', 'v', 'EXAT', '2000000000');
    h.run('SET', 'd', 'v', 'PXAT', '2000000000123');
    h.run('SETEX', 'e', '7', 'v');
    h.run('PSETEX', 'f', '70', 'v');
    const expiry = (key: string) => h.state.db.getExpire(key);
    expect([expiry('a'), expiry('b'), expiry('c'), expiry('d'), expiry('e'), expiry('f')]).toEqual([
      h.now + 10_000,
      h.now + 1500,
      2_000_000_000_000,
      2_000_000_000_123,
      h.now + 7000,
      h.now + 70,
    ]);
  });

  it('refuses a relative time whose sum with now passes LLONG_MAX, to the exact millisecond', () => {
    const h = new CommandHarness();
    const largest = (LLONG_MAX - BigInt(h.now)).toString();
    const tooLarge = (LLONG_MAX - BigInt(h.now) + 1n).toString();
    expect(h.run('SET', 'k', 'v', 'PX', largest)).toBe('OK');
    expect(h.run('SET', 'k', 'v', 'PX', tooLarge)).toEqual(invalid('set'));
    expect(h.run('PSETEX', 'k', largest, 'v')).toBe('OK');
    expect(h.run('PSETEX', 'k', tooLarge, 'v')).toEqual(invalid('psetex'));
    expect(h.run('GETEX', 'k', 'PX', tooLarge)).toEqual(invalid('getex'));
  });

  it('accepts seconds up to LLONG_MAX / 1000 and no further', () => {
    const h = new CommandHarness({ now: 0 });
    expect(h.run('SET', 'k', 'v', 'EX', '9223372036854775')).toBe('OK');
    expect(h.run('SET', 'k', 'v', 'EX', '9223372036854776')).toEqual(invalid('set'));
    expect(h.run('SETEX', 'k', '9223372036854775', 'v')).toBe('OK');
    expect(h.run('SET', 'k', 'v', 'EXAT', '9223372036854775')).toBe('OK');
    expect(h.run('SET', 'k', 'v', 'EXAT', '9223372036854776')).toEqual(invalid('set'));
  });

  it('refuses zero, negative and non-integer times before touching the key', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'old');
    expect(h.run('SET', 'k', 'new', 'EX', '0')).toEqual(invalid('set'));
    expect(h.run('SETEX', 'k', '-5', 'new')).toEqual(invalid('setex'));
    expect(h.run('SET', 'k', 'new', 'PX', '1.5')).toEqual(
      new ReplyError('ERR value is not an integer or out of range'),
    );
    expect(h.run('GET', 'k')).toBe('old');
  });

  it('expires keys set with SETEX when the clock passes the time', () => {
    const h = new CommandHarness();
    h.run('SETEX', 'k', '2', 'v');
    h.advance(1999);
    expect(h.run('GET', 'k')).toBe('v');
    h.advance(1);
    expect(h.run('GET', 'k')).toBeNull();
  });
});
