import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

const T0 = 1_700_000_000_000;

describe('EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT', () => {
  it('set a relative or absolute expiry in seconds or milliseconds', () => {
    const h = new CommandHarness({ now: T0 });
    h.run('SET', 'k', 'v');
    expect(h.run('EXPIRE', 'k', '100')).toBe(1);
    expect(h.run('PEXPIRETIME', 'k')).toBe(T0 + 100_000);
    expect(h.run('PEXPIRE', 'k', '1500')).toBe(1);
    expect(h.run('PEXPIRETIME', 'k')).toBe(T0 + 1500);
    expect(h.run('EXPIREAT', 'k', String(T0 / 1000 + 7))).toBe(1);
    expect(h.run('PEXPIRETIME', 'k')).toBe(T0 + 7000);
    expect(h.run('PEXPIREAT', 'k', String(T0 + 42))).toBe(1);
    expect(h.run('PEXPIRETIME', 'k')).toBe(T0 + 42);
  });

  it('reply 0 for a missing key and create nothing', () => {
    const h = new CommandHarness();
    expect(h.run('EXPIRE', 'nope', '10')).toBe(0);
    expect(h.run('EXISTS', 'nope')).toBe(0);
  });

  it('delete the key when the time is zero, negative or already past, still replying 1', () => {
    const h = new CommandHarness({ now: T0 });
    for (const args of [
      ['EXPIRE', 'k', '0'],
      ['PEXPIRE', 'k', '-5'],
      ['EXPIREAT', 'k', '1'],
      ['PEXPIREAT', 'k', String(T0)],
    ]) {
      h.run('SET', 'k', 'v');
      expect(h.run(...args)).toBe(1);
      expect(h.run('EXISTS', 'k')).toBe(0);
    }
  });

  it('let the key expire when the time comes', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    h.run('PEXPIRE', 'k', '100');
    h.advance(99);
    expect(h.run('GET', 'k')).toBe('v');
    h.advance(1);
    expect(h.run('GET', 'k')).toBeNull();
  });

  it('apply NX only without a TTL and XX only with one', () => {
    const h = new CommandHarness({ now: T0 });
    h.run('SET', 'k', 'v');
    expect(h.run('EXPIRE', 'k', '10', 'XX')).toBe(0);
    expect(h.run('EXPIRE', 'k', '10', 'NX')).toBe(1);
    expect(h.run('EXPIRE', 'k', '20', 'NX')).toBe(0);
    expect(h.run('EXPIRE', 'k', '30', 'xx')).toBe(1);
    expect(h.run('TTL', 'k')).toBe(30);
  });

  it('apply GT only to a later time and LT only to an earlier one, no TTL counting as infinite', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    expect(h.run('EXPIRE', 'k', '10', 'GT')).toBe(0);
    expect(h.run('EXPIRE', 'k', '100', 'LT')).toBe(1);
    expect(h.run('EXPIRE', 'k', '200', 'LT')).toBe(0);
    expect(h.run('EXPIRE', 'k', '100', 'GT')).toBe(0);
    expect(h.run('EXPIRE', 'k', '300', 'GT', 'XX')).toBe(1);
    expect(h.run('TTL', 'k')).toBe(300);
  });

  it('refuse conflicting and unknown options with Redis texts', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    const nxConflict = new ReplyError('ERR NX and XX, GT or LT options at the same time are not compatible');
    expect(h.run('EXPIRE', 'k', '1', 'NX', 'XX')).toEqual(nxConflict);
    expect(h.run('EXPIRE', 'k', '1', 'LT', 'NX')).toEqual(nxConflict);
    expect(h.run('EXPIRE', 'k', '1', 'GT', 'LT')).toEqual(
      new ReplyError('ERR GT and LT options at the same time are not compatible'),
    );
    expect(h.run('PEXPIRE', 'k', '1', 'Sooner')).toEqual(new ReplyError('ERR Unsupported option Sooner'));
    expect(h.run('TTL', 'k')).toBe(-1);
  });

  it('refuse times that are not integers or overflow int64 once in milliseconds', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    expect(h.run('EXPIRE', 'k', '1.5')).toEqual(
      new ReplyError('ERR value is not an integer or out of range'),
    );
    expect(h.run('EXPIRE', 'k', '9223372036854776')).toEqual(
      new ReplyError("ERR invalid expire time in 'expire' command"),
    );
    expect(h.run('EXPIREAT', 'k', '-9223372036854776')).toEqual(
      new ReplyError("ERR invalid expire time in 'expireat' command"),
    );
    expect(h.run('PEXPIRE', 'k', '9223372036854775807')).toEqual(
      new ReplyError("ERR invalid expire time in 'pexpire' command"),
    );
    expect(h.run('TTL', 'k')).toBe(-1);
  });

  it('keep expiry times beyond 2^53 ms exact', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    expect(h.run('EXPIREAT', 'k', '9223372036854775')).toBe(1);
    expect(h.client.raw('PEXPIRETIME', 'k')).toBe(':9223372036854775000\r\n');
    expect(h.client.raw('EXPIRETIME', 'k')).toBe(':9223372036854775\r\n');
    expect(h.run('PEXPIREAT', 'k', '9223372036854775807')).toBe(1);
    expect(h.client.raw('PEXPIRETIME', 'k')).toBe(':9223372036854775807\r\n');
    expect(h.run('PEXPIREAT', 'k', '9223372036854775806', 'GT')).toBe(0);
    expect(h.run('PEXPIREAT', 'k', '9223372036854775806', 'LT')).toBe(1);
    expect(h.client.raw('PEXPIRETIME', 'k')).toBe(':9223372036854775806\r\n');
  });

  it('abort a transaction watching the key', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    h.run('WATCH', 'k');
    h.newClient().run('EXPIRE', 'k', '100');
    h.run('MULTI');
    h.run('GET', 'k');
    expect(h.run('EXEC')).toBeNull();
  });
});

describe('TTL, PTTL, EXPIRETIME and PEXPIRETIME', () => {
  it('answer -2 for a missing key and -1 for a key without TTL', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    for (const command of ['TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME']) {
      expect(h.run(command, 'nope')).toBe(-2);
      expect(h.run(command, 'k')).toBe(-1);
    }
  });

  it('round the remaining seconds to the nearest and never go below zero', () => {
    const h = new CommandHarness({ now: T0 });
    h.run('SET', 'k', 'v', 'PX', '10499');
    expect(h.run('TTL', 'k')).toBe(10);
    expect(h.run('PTTL', 'k')).toBe(10499);
    h.advance(10000);
    expect(h.run('TTL', 'k')).toBe(0);
    expect(h.run('PTTL', 'k')).toBe(499);
    expect(h.run('EXPIRETIME', 'k')).toBe(Math.floor((T0 + 10499 + 500) / 1000));
  });

  it('report -2 once the key has expired', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v', 'PX', '5');
    h.advance(5);
    expect(h.run('PTTL', 'k')).toBe(-2);
  });
});

describe('PERSIST', () => {
  it('removes a TTL, replying 1 only when there was one', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v', 'EX', '10');
    expect(h.run('PERSIST', 'k')).toBe(1);
    expect(h.run('TTL', 'k')).toBe(-1);
    expect(h.run('PERSIST', 'k')).toBe(0);
    expect(h.run('PERSIST', 'nope')).toBe(0);
  });

  it('cannot revive an expired key', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v', 'PX', '5');
    h.advance(5);
    expect(h.run('PERSIST', 'k')).toBe(0);
    expect(h.run('GET', 'k')).toBeNull();
  });
});
