import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { KEY_OVERHEAD_BYTES, stringBytes, type StringValue } from '../../keyspace/values.js';
import { SMALL_STRING_BYTES } from './string-bytes.js';

function stored(h: CommandHarness, key: string): StringValue {
  return h.state.db.lookupWrite(key) as StringValue;
}

/** The memory account of a keyspace holding only the given string keys. */
function accountOf(h: CommandHarness, ...keys: string[]): number {
  return keys.reduce((sum, key) => sum + KEY_OVERHEAD_BYTES + key.length + stringBytes(stored(h, key)), 0);
}

describe('string values changed by range and bit commands', () => {
  it('stay JS strings while small and become Buffers past the small-string limit', () => {
    const h = new CommandHarness();
    h.run('SETBIT', 'k', String(SMALL_STRING_BYTES * 8 - 1), '1');
    expect(typeof stored(h, 'k')).toBe('string');
    h.run('SETBIT', 'k', String(SMALL_STRING_BYTES * 8), '1');
    expect(Buffer.isBuffer(stored(h, 'k'))).toBe(true);
    expect(h.run('STRLEN', 'k')).toBe(SMALL_STRING_BYTES + 1);
    expect(h.run('BITCOUNT', 'k')).toBe(2);
  });

  it('grow a large value in place: rising SETBIT offsets reuse the same memory', () => {
    const h = new CommandHarness();
    h.run('SETRANGE', 'k', '4096', 'x');
    h.run('SETBIT', 'k', String(4097 * 8), '1');
    const backing = (stored(h, 'k') as Buffer).buffer;
    for (let byte = 4098; byte < 6000; byte++) h.run('SETBIT', 'k', String(byte * 8 + 1), '1');
    expect((stored(h, 'k') as Buffer).buffer).toBe(backing);
    expect(h.run('STRLEN', 'k')).toBe(6000);
    expect(h.run('BITCOUNT', 'k')).toBe(popcountOf('x') + 1 + (6000 - 4098));
  });

  it('keep the memory account equal to what the stored values hold', () => {
    const h = new CommandHarness();
    h.run('SET', 'small', 'abc');
    h.run('SETRANGE', 'small', '10', 'z');
    h.run('APPEND', 'big', 'a'.repeat(2000));
    h.run('SETRANGE', 'big', '5000', 'tail');
    h.run('APPEND', 'big', 'more');
    h.run('SETBIT', 'bits', '80000', '1');
    h.run('BITFIELD', 'bits', 'SET', 'u8', '#20000', '255');
    h.run('BITOP', 'NOT', 'inverse', 'bits');
    expect(h.state.db.usedBytes).toBe(accountOf(h, 'small', 'big', 'bits', 'inverse'));
    h.run('GETDEL', 'big');
    h.run('SET', 'bits', 'short');
    expect(h.state.db.usedBytes).toBe(accountOf(h, 'small', 'bits', 'inverse'));
  });

  it('are never shared: changing a BITOP result leaves its source alone', () => {
    const h = new CommandHarness();
    h.run('SETRANGE', 'src', '3000', 'x');
    h.run('BITOP', 'OR', 'copy', 'src');
    h.run('SETBIT', 'copy', '0', '1');
    expect(h.run('GETBIT', 'src', '0')).toBe(0);
    expect(h.run('GETBIT', 'copy', '0')).toBe(1);
  });

  it('refuse to grow past proto-max-bulk-len', () => {
    const h = new CommandHarness({ config: { 'proto-max-bulk-len': '1mb' } });
    const tooLong = new ReplyError('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
    const limit = 1024 * 1024;
    expect(h.run('SETRANGE', 'k', String(limit - 1), 'x')).toBe(limit);
    expect(h.run('SETRANGE', 'k', String(limit), 'x')).toEqual(tooLong);
    expect(h.run('APPEND', 'k', 'x')).toEqual(tooLong);
    expect(h.run('SETBIT', 'k', String(limit * 8), '1')).toEqual(
      new ReplyError('ERR bit offset is not an integer or out of range'),
    );
    expect(h.run('STRLEN', 'k')).toBe(limit);
  });
});

function popcountOf(text: string): number {
  return [...Buffer.from(text, 'latin1')].reduce(
    (n, byte) => n + byte.toString(2).replaceAll('0', '').length,
    0,
  );
}
