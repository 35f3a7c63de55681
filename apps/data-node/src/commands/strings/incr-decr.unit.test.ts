import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const overflow = new ReplyError('ERR increment or decrement would overflow');

describe('INCR, DECR, INCRBY and DECRBY', () => {
  it('counts from zero for a missing key and keeps the TTL of an existing one', () => {
    const h = new CommandHarness();
    expect(h.run('INCR', 'n')).toBe(1);
    expect(h.run('DECRBY', 'n', '5')).toBe(-4);
    h.run('SET', 'ttl', '10', 'PX', '5000');
    expect(h.run('INCRBY', 'ttl', '5')).toBe(15);
    expect(h.run('DECR', 'ttl')).toBe(14);
    expect(h.state.db.getExpire('ttl')).toBe(h.now + 5000);
  });

  it('stays exact beyond 2^53 up to the int64 limits', () => {
    const h = new CommandHarness();
    h.run('SET', 'n', '9007199254740993');
    expect(h.client.raw('INCR', 'n')).toBe(':9007199254740994\r\n');
    expect(h.client.raw('INCRBY', 'n', '9007199254740993')).toBe(':18014398509481987\r\n');
    expect(h.run('GET', 'n')).toBe('18014398509481987');
    h.run('SET', 'n', (INT64_MAX - 1n).toString());
    expect(h.client.raw('INCR', 'n')).toBe(`:${INT64_MAX}\r\n`);
    expect(h.run('INCR', 'n')).toEqual(overflow);
    expect(h.run('GET', 'n')).toBe(INT64_MAX.toString());
  });

  it('refuses to negate the smallest int64 in DECRBY', () => {
    const h = new CommandHarness();
    expect(h.run('DECRBY', 'n', INT64_MIN.toString())).toEqual(
      new ReplyError('ERR decrement would overflow'),
    );
    expect(h.client.raw('INCRBY', 'n', INT64_MIN.toString())).toBe(`:${INT64_MIN}\r\n`);
    expect(h.run('DECR', 'n')).toEqual(overflow);
  });

  it('refuses values that are not canonical int64 text', () => {
    const h = new CommandHarness();
    for (const value of ['abc', '1.0', ' 1', '01', '-0', '+1', '', '9223372036854775808']) {
      h.run('SET', 'n', value);
      expect(h.run('INCR', 'n'), JSON.stringify(value)).toEqual(
        new ReplyError('ERR value is not an integer or out of range'),
      );
    }
  });

  test.prop([fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), fc.bigInt({ min: INT64_MIN, max: INT64_MAX })])(
    'adds like exact int64 arithmetic and refuses exactly the sums that overflow',
    (start, increment) => {
      const h = new CommandHarness();
      h.run('SET', 'n', start.toString());
      const exact = start + increment;
      const reply = h.client.raw('INCRBY', 'n', increment.toString());
      if (exact > INT64_MAX || exact < INT64_MIN) {
        expect(reply).toBe('-ERR increment or decrement would overflow\r\n');
        expect(h.run('GET', 'n')).toBe(start.toString());
      } else {
        expect(reply).toBe(`:${exact}\r\n`);
        expect(h.run('GET', 'n')).toBe(exact.toString());
      }
    },
  );
});
