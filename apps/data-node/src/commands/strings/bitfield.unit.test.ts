import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('BITFIELD and BITFIELD_RO', () => {
  it('runs operations in order, each seeing the writes before it', () => {
    const h = new CommandHarness();
    expect(
      h.run('BITFIELD', 'k', 'SET', 'u8', '0', '200', 'INCRBY', 'u8', '0', '100', 'GET', 'u8', '0'),
    ).toEqual([0, 44, 44]);
    expect(
      h.run(
        'BITFIELD',
        'k',
        'OVERFLOW',
        'SAT',
        'INCRBY',
        'u8',
        '0',
        '1000',
        'OVERFLOW',
        'FAIL',
        'INCRBY',
        'u8',
        '0',
        '1',
      ),
    ).toEqual([255, null]);
  });

  it('keeps the TTL and grows the string to the highest written bit even when the write fails', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'a', 'PX', '5000');
    expect(h.run('BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', '100', '9')).toEqual([null]);
    expect(h.run('STRLEN', 'k')).toBe(13);
    expect(h.state.db.getExpire('k')).toBe(h.now + 5000);
    expect(h.run('BITFIELD', 'new', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', '0', '9')).toEqual([null]);
    expect(h.run('GET', 'new')).toBe('\0');
  });

  it('reads a missing key as zeros without creating it', () => {
    const h = new CommandHarness();
    expect(h.run('BITFIELD_RO', 'missing', 'GET', 'i8', '0', 'GET', 'u63', '#3')).toEqual([0, 0]);
    expect(h.run('BITFIELD', 'missing', 'GET', 'u8', '0')).toEqual([0]);
    expect(h.state.db.has('missing')).toBe(false);
  });

  it('refuses writes in BITFIELD_RO after checking the syntax of every operation', () => {
    const h = new CommandHarness();
    expect(h.run('BITFIELD_RO', 'k', 'SET', 'u8', '0', '1')).toEqual(
      new ReplyError('ERR BITFIELD_RO only supports the GET subcommand'),
    );
    expect(h.run('BITFIELD_RO', 'k', 'SET', 'u8', '0', 'x')).toEqual(
      new ReplyError('ERR value is not an integer or out of range'),
    );
    expect(h.state.db.has('k')).toBe(false);
  });

  it('replies with exact 64-bit values', () => {
    const h = new CommandHarness();
    h.run('BITFIELD', 'k', 'SET', 'i64', '0', '-9223372036854775808');
    expect(h.client.raw('BITFIELD', 'k', 'GET', 'i64', '0', 'GET', 'u63', '0')).toBe(
      '*2\r\n:-9223372036854775808\r\n:4611686018427387904\r\n',
    );
  });
});
